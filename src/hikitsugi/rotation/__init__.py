"""Rotation planning and its reporter."""
