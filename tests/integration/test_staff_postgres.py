"""The staff console's queries and retention against a real PostgreSQL (Debian's
package, as the cluster uses), started by this test on a free loopback port:
the same tests as tests/staff/test_staff_queries.py, with its fixtures pointing at
PostgreSQL. Skipped only when the PostgreSQL binaries are not installed
(`make cluster-deps`)."""
import pytest
import test_staff_hardening

from localrun import scratch_postgres
from staff import sample

# the tests themselves, collected here a second time with the fixtures below (tests/ is on
# sys.path: pytest puts the directory of the rootdir conftest there)
from test_staff_queries import (labels, conn, test_conversations_and_messages_per_day,
                                test_json_paths_that_differ_only_in_the_path_read_their_own_field,
                                test_funnel_counts_each_stage_among_those_that_passed_the_earlier_ones,
                                test_medians_and_confusion,
                                test_misunderstood_messages_grouped_with_the_state_at_that_moment,
                                test_mark_reviewed_is_kept_and_can_be_undone, test_coverage_gaps,
                                test_demand_of_the_people_who_got_an_answer, test_feedback,
                                test_one_conversation_turn_by_turn, test_every_table_exports_as_csv,
                                test_a_store_written_before_the_console_slots_gives_zeros_not_errors,
                                test_retention_deletes_idle_conversations_whole_and_keeps_the_rest,
                                test_retention_keeps_a_conversation_resumed_while_it_runs,
                                test_retention_command)
# a store with U+0000, lone surrogates, control characters and formula-like texts (the old guard let them in)
from test_staff_hardening import (hostile, test_every_page_builds_from_a_store_with_control_characters,
                                  test_every_csv_cell_is_text_for_excel, test_the_nlu_export_always_loads)

# collected here by pytest, not called (named so that pyflakes sees them used)
__all__ = ["labels", "conn", "test_conversations_and_messages_per_day",
           "test_json_paths_that_differ_only_in_the_path_read_their_own_field",
           "test_funnel_counts_each_stage_among_those_that_passed_the_earlier_ones",
           "test_medians_and_confusion", "test_misunderstood_messages_grouped_with_the_state_at_that_moment",
           "test_mark_reviewed_is_kept_and_can_be_undone", "test_coverage_gaps",
           "test_demand_of_the_people_who_got_an_answer", "test_feedback",
           "test_one_conversation_turn_by_turn", "test_every_table_exports_as_csv",
           "test_a_store_written_before_the_console_slots_gives_zeros_not_errors",
           "test_retention_deletes_idle_conversations_whole_and_keeps_the_rest",
           "test_retention_keeps_a_conversation_resumed_while_it_runs", "test_retention_command", "hostile",
           "test_every_page_builds_from_a_store_with_control_characters",
           "test_every_csv_cell_is_text_for_excel", "test_the_nlu_export_always_loads"]


@pytest.fixture(scope="module")
def postgres():
    if not scratch_postgres.installed():
        pytest.skip("PostgreSQL is not installed (make cluster-deps)")
    with scratch_postgres.server() as url:
        yield url


@pytest.fixture(scope="module")
def staff_url(postgres):
    url = scratch_postgres.new_database(postgres)
    sample.record(url)
    return url


@pytest.fixture(scope="module")
def hostile_url(postgres):
    url = scratch_postgres.new_database(postgres)
    sample.record(url, test_staff_hardening.CONVERSATIONS)
    return url


@pytest.fixture
def fresh_url(postgres):
    return scratch_postgres.new_database(postgres)
