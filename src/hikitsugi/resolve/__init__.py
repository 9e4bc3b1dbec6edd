"""Resolve `extends` and build the model once."""
