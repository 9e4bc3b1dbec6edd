"""Printable documents: checklists, handover and onboarding packs, PDF."""
