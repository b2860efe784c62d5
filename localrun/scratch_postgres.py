"""A throw-away PostgreSQL (Debian's package, as the cluster uses) on a free
loopback port, for tests and benches: trust authentication, listening on
127.0.0.1 only, its data in a temporary directory removed afterwards."""
from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from localrun.cluster import as_postgres
from localrun.servers import free_port


def installed() -> bool:
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


@contextlib.contextmanager
def server(user: str = "staff", options: str = ""):
    """Yields the server's URL without a database (postgresql://user@127.0.0.1:port)."""
    bindir = os.path.dirname(sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[-1])
    # not under pytest's temporary directory: that one is private, the postgres user cannot enter it
    tmp = Path(tempfile.mkdtemp(prefix="scratch-pg-"))
    os.chmod(tmp, 0o755)
    if os.geteuid() == 0:   # PostgreSQL refuses to run as root
        shutil.chown(tmp, "postgres", "postgres")
    data, port = tmp / "data", free_port()
    try:
        subprocess.run(as_postgres([f"{bindir}/initdb", "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8",
                                    "--locale=C.UTF-8"]), check=True, stdout=subprocess.DEVNULL)
        ctl = [f"{bindir}/pg_ctl", "-D", str(data), "-w", "-l", str(tmp / "postgres.log")]
        subprocess.run(as_postgres([*ctl, "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {tmp} {options}",
                                    "start"]), check=True, stdout=subprocess.DEVNULL)
        try:
            yield f"postgresql://{user}@127.0.0.1:{port}"
        finally:
            subprocess.run(as_postgres([*ctl, "-m", "fast", "stop"]), stdout=subprocess.DEVNULL)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def new_database(server_url: str, prefix: str = "t") -> str:
    import sqlalchemy as sa
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    engine = sa.create_engine(f"{server_url}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return f"{server_url}/{name}"
