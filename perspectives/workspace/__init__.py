"""Workspaces: bringing your own documents (ingest), passage suggestions, bundles.

- `ingest`: an uploaded file or pasted text -> a frozen text cut into paragraphs, a metadata
  draft, a document id, and the documents/ID.md file the loader reads back.
- `suggest`: for a topic, a document's paragraphs ranked by how much they bear on it; the
  topics of each paragraph; the quote an accepted suggestion becomes; a stance hint.
"""
