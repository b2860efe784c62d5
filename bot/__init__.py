"""创业扶持政策助手, the Rasa-free core: rules loading and validation, places,
the eligibility engine, the dialogue policy (`conversation.respond`), rendering
and every user-facing text, and the CLI (`python -m bot`).

Nothing here imports Rasa, rasa-sdk, Sanic, Telegram, socket.io or Redis
(tests/test_layers.py); the Rasa side lives in the `runtime` package.
"""
