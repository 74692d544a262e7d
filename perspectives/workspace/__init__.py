"""A course builder's own reading list: ingest uploaded documents, suggest passages for topics,
and move a corpus in and out of the app as a bundle (a zip of the folder format)."""
