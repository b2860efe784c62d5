"""Replies: reply text built from measures (lists sized for a phone, answers about one measure,
the consultation summary), channel-neutral text and buttons (render.py), answers from a
quote only (followup.py), Simplified/Traditional output, and `bot match --explain`."""
