"""Rasa input/output channels. Each channel only formats the channel-neutral
replies of bot/replies/render.py (text + buttons)."""
