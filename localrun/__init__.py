"""Running the project's servers on this machine, apart from what `rasa run` loads
(runtime/): the production topology on loopback (cluster.py, `make cluster`),
servers on free ports for tests, benches and scripts (servers.py), a throw-away
PostgreSQL (scratch_postgres.py) and the embedded defaults of config/embedded.env
(envfile.py)."""
