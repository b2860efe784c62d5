"""The staff console's queries and retention against a real PostgreSQL (Debian's
package, as the cluster uses), started by this test on a free loopback port:
the same tests as tests/test_staff_queries.py, with its fixtures pointing at
PostgreSQL. Skipped only when the PostgreSQL binaries are not installed
(`make cluster-deps`)."""
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from runtime.cluster import as_postgres
from runtime.local_servers import free_port
from runtime.staff import sample

# the tests themselves, collected here a second time with the fixtures below
from test_staff_queries import (labels, conn, test_conversations_and_messages_per_day,  # noqa: F401
                                test_funnel_counts_each_stage_among_those_that_passed_the_earlier_ones,
                                test_medians_and_confusion,
                                test_misunderstood_messages_grouped_with_the_state_at_that_moment,
                                test_mark_reviewed_is_kept_and_can_be_undone, test_coverage_gaps,
                                test_demand_of_the_people_who_got_an_answer, test_feedback,
                                test_one_conversation_turn_by_turn, test_every_table_exports_as_csv,
                                test_no_issue_15_slots_means_zeros_not_errors,
                                test_retention_deletes_idle_conversations_whole_and_keeps_the_rest,
                                test_retention_keeps_a_conversation_resumed_while_it_runs,
                                test_retention_command)

BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


@pytest.fixture(scope="module")
def postgres():
    """A throw-away PostgreSQL on 127.0.0.1 (trust authentication, loopback only)."""
    if not BIN:
        pytest.skip("PostgreSQL is not installed (make cluster-deps)")
    bindir = os.path.dirname(BIN[-1])
    # not under pytest's own temporary directory: it is private to us, not readable by the postgres user
    tmp = Path(tempfile.mkdtemp(prefix="staff-pg-"))
    os.chmod(tmp, 0o755)
    data = tmp / "data"
    if os.geteuid() == 0:   # PostgreSQL refuses to run as root
        shutil.chown(tmp, "postgres", "postgres")
    port = free_port()
    subprocess.run(as_postgres([f"{bindir}/initdb", "-D", str(data), "-U", "staff", "--auth=trust", "-E", "UTF8",
                                "--locale=C.UTF-8"]), check=True, stdout=subprocess.DEVNULL)
    ctl = [f"{bindir}/pg_ctl", "-D", str(data), "-w", "-l", str(tmp / "postgres.log")]
    subprocess.run(as_postgres([*ctl, "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {tmp}", "start"]),
                   check=True, stdout=subprocess.DEVNULL)
    try:
        yield f"postgresql://staff@127.0.0.1:{port}"
    finally:
        subprocess.run(as_postgres([*ctl, "-m", "fast", "stop"]), stdout=subprocess.DEVNULL)
        shutil.rmtree(tmp, ignore_errors=True)


def new_database(server: str) -> str:
    import sqlalchemy as sa
    name = "t_" + uuid.uuid4().hex[:10]
    engine = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return f"{server}/{name}"


@pytest.fixture(scope="module")
def staff_url(postgres):
    url = new_database(postgres)
    sample.record(url)
    return url


@pytest.fixture
def fresh_url(postgres):
    return new_database(postgres)
