"""The Rasa side: everything that runs inside or beside Rasa's servers.

Channels (Telegram, web widget), the NLU component, the action server and its
one action, the tracker and lock stores, and the deviations from Rasa 3.6 that
have no extension point (runtime.patches). The Rasa-free core is `bot`.
"""
