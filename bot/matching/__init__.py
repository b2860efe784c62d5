"""Matching: a profile (bot/matching/profile.py) against the knowledge base's
measures (bot/matching/engine.py): verdicts, the relevance order, the question
that settles the most, and whom to go to (bot/matching/offices.py)."""
