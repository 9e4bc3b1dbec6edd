"""Reporters: audit results rendered as text, JSON, CSV and Markdown."""
