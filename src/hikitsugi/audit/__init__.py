"""The audit: findings as pure functions of (knowledge base, day), and their reporters."""
