"""Bringing a reading list into a workspace: bundles (a corpus as one zip), and the ingest of
uploaded documents and passage suggestions."""
