"""Reading a message: clauses, moods, facts, corrections, questions and references
(bot/reading/act.py). Rasa-free: NLU's intent and entities are inputs among others."""
from .act import Act, read

__all__ = ["Act", "read"]
