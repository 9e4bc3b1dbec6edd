"""Load and check a knowledge base: files to plain data with positions, file rules, cross rules, cache."""
