"""The staff application: the console (what people asked, where the bot failed
them, what they were sent to, the 新文件 pages that draft a new document) and
retention (idle conversations deleted), both reading the tracker store Rasa writes
(TRACKER_STORE_URL; Rasa's `events` table as runtime/tracker_events.py describes it).

queries.py holds every query (SQLAlchemy Core, aggregation in SQL, SQLite and
PostgreSQL); app.py the Sanic pages; auth.py the token rules; retention.py the
deletion. `python -m staff serve | migrate | retention` (docs/staff.md)."""
