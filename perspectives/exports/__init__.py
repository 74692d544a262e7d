"""Files made from the corpus: one printed layout (briefs, handouts, guides) and its Markdown,
DOCX and PDF writers; tables as CSV and JSON; QR codes; atomic writes."""
