"""The staff console: what people asked, where the bot failed them, what they
were sent to, read from the tracker store Rasa writes (TRACKER_STORE_URL).

queries.py holds every query (SQLAlchemy Core, aggregation in SQL, SQLite and
PostgreSQL); app.py the Sanic pages; auth.py the token rules; `python -m
runtime.staff serve | migrate` starts it or creates the indexes it needs."""
