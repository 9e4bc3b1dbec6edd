"""Rendering: site pages, checklists, handover packs and calendars, as strings."""
