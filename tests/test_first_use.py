"""What a new analyst meets first (issue 15): suggestions, one clear message per mistake, the words
the tables show accepted back as filters, a "none" line, and a record that exists but is broken."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import SAMPLE, invoke, replace_in
from kitrack.domain.suggestions import closest, nearest

IDS = ["jiipe", "kig", "pier", "pt-sier", "sier-berbek", "sier-rungkut", "sirie", "tol-klbm"]


def test_a_part_of_an_id_ranks_its_ids_first() -> None:
    # Prefixes before substrings before near spellings: `sier` means the two SIER estates.
    assert nearest("sier", IDS)[:3] == ["sier-berbek", "sier-rungkut", "pt-sier"]
    assert nearest("klbm", IDS)[0] == "tol-klbm"


def test_an_id_in_capitals_is_the_id() -> None:
    assert nearest("JIIPE", IDS)[0] == "jiipe"


def test_nothing_near_lists_the_first_choices() -> None:
    assert closest("zzzz", IDS) == ", ".join(f"`{i}`" for i in IDS)


@given(st.text(max_size=12), st.lists(st.text(min_size=1, max_size=12), max_size=20, unique=True))
def test_nearest_only_names_choices_and_never_twice(word: str, choices: list[str]) -> None:
    found = nearest(word, choices)
    assert len(found) == len(set(found)) <= 5
    assert set(found) <= set(choices)


def test_show_suggests_the_ids_that_start_with_the_word() -> None:
    run = invoke("show", "sier", "--data", SAMPLE)
    assert run.exit_code == 2
    assert run.stderr == (
        "kitrack: error: no record has the id `sier`; closest: `sier-berbek`, `sier-rungkut`, `pt-sier`, `pier`, "
        "`sirie`\n"
    )


def test_show_finds_an_id_typed_in_capitals() -> None:
    run = invoke("show", "JIIPE", "--data", SAMPLE)
    assert run.exit_code == 0
    assert run.stdout.startswith("jiipe — ")


def test_show_of_a_record_whose_file_is_broken_names_the_file(data_copy) -> None:
    broken = data_copy / "infrastructure" / "tol-klbm.yaml"
    replace_in(broken, "\nowner:", "\nownerr:")
    run = invoke("show", "tol-klbm", "--data", data_copy)
    assert run.exit_code == 1
    assert run.stderr == (
        f"kitrack: error: `tol-klbm` is in {broken}, which has errors, so it cannot be shown; "
        f"run `kitrack check {broken}`\n"
    )


def test_a_bad_as_of_is_named_once() -> None:
    run = invoke("status", "--data", SAMPLE, as_of="31/12/2025")
    assert run.exit_code == 2
    assert run.stderr.count("31/12/2025") == 1
    assert "`31/12/2025` is not a date; use a date such as 2026-11-29, 2026-11 or 2026" in run.stderr


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "kitrack: error: --since 1 January 2026 is after --as-of 1 January 2025: the comparison must look back; "
           "give an earlier --since\n"),
    ("id", "kitrack: kesalahan: --since 1 Januari 2026 jatuh setelah --as-of 1 Januari 2025: pembandingnya harus "
           "sebelumnya; berikan --since yang lebih awal\n"),
])
def test_since_after_as_of_is_refused(lang: str, expected: str) -> None:
    run = invoke("--lang", lang, "status", "--data", SAMPLE, "--since", "2026-01-01", as_of="2025-01-01")
    assert (run.exit_code, run.stderr, run.stdout) == (2, expected, "")


@pytest.mark.parametrize(("args", "first_id"), [
    (("--lang", "id", "list", "estates", "--status", "perencanaan"), "ki-agroindustri-gresik-utara"),
    (("list", "estates", "--status", "Planning"), "ki-agroindustri-gresik-utara"),
    (("list", "infrastructure", "--kind", "toll road"), "tol-gresik-tuban"),
    (("--lang", "id", "list", "issues", "--status", "terbuka"), "tol-klbm"),
])
def test_filters_take_the_words_the_tables_show(args: tuple[str, ...], first_id: str) -> None:
    run = invoke(*args, "--data", SAMPLE, "--format", "csv")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.splitlines()[1].startswith(first_id + ",")


def test_a_word_that_is_no_label_is_still_refused() -> None:
    run = invoke("list", "estates", "--status", "bogus", "--data", SAMPLE)
    assert run.exit_code == 2
    assert "`bogus` is not a valid --status" in run.stderr


@pytest.mark.parametrize(("lang", "line"), [("en", "No rows match.\n"), ("id", "Tidak ada baris yang cocok.\n")])
def test_an_empty_list_says_so(lang: str, line: str) -> None:
    run = invoke("--lang", lang, "list", "estates", "--status", "construction", "--data", SAMPLE)
    assert (run.exit_code, run.stdout) == (0, line)


def test_an_empty_list_in_csv_is_still_a_header() -> None:
    run = invoke("list", "estates", "--status", "construction", "--data", SAMPLE, "--format", "csv")
    assert run.stdout.startswith("id,name,")
    assert len(run.stdout.splitlines()) == 1


def test_show_region_lists_its_regencies_once_as_a_table() -> None:
    run = invoke("show", "gerbangkertosusila", "--data", SAMPLE)
    assert run.exit_code == 0
    assert "id=" not in run.stdout and "name=" not in run.stdout
    assert run.stdout.count("Kabupaten Gresik") == 1


def test_check_of_some_files_says_what_it_left_out() -> None:
    pier = SAMPLE / "estates" / "pier.yaml"
    run = invoke("check", pier)
    assert run.stdout.splitlines()[-1] == (
        f"Checked only {pier}; 0 errors and 35 warnings in the rest of the data are not listed (run `kitrack check`)."
    )


def test_check_changed_since_says_what_it_checked(tmp_path) -> None:
    from test_history import make_repo

    repo = make_repo(tmp_path)
    run = invoke("check", "--changed-since", "HEAD", cwd=repo)
    assert run.exit_code == 0
    assert run.stdout.splitlines()[-1] == (
        "Checked the 0 files changed since HEAD, and what the changes caused elsewhere; 0 errors and 35 warnings in "
        "the rest of the data are not listed (run `kitrack check`)."
    )


def test_machine_formats_carry_no_scope_line() -> None:
    run = invoke("check", SAMPLE / "estates" / "pier.yaml", "--format", "json")
    assert "Checked" not in run.stdout


def test_status_counts_the_errors_check_counts(data_copy) -> None:
    # One error the loader finds (an unknown field) and one only the reference check finds (an
    # unknown agency in a file that loads): status used to say 1 where check says 2.
    replace_in(data_copy / "estates" / "pier.yaml", "\nregency:", "\nregncy:")
    replace_in(data_copy / "infrastructure" / "tol-klbm.yaml", "\nowner: kementerian-pupr", "\nowner: kementrian-pupr")
    check = invoke("check", data_copy)
    summary = check.stdout.splitlines()[-1]
    errors = int(summary.split(": ")[1].split(" error")[0])
    assert errors >= 2, summary
    status = invoke("status", "--data", data_copy, "--format", "md")
    assert f"the data has {errors} error(s)" in status.stdout


def test_diff_words_figures_by_their_labels_in_the_readers_language(tmp_path) -> None:
    # Was `land_percent none → 85.5%` under --lang id: a raw key, an English decimal point.
    from test_history import make_repo

    repo = make_repo(tmp_path)
    replace_in(repo / "data" / "infrastructure" / "tol-klbm.yaml", "    percent: 75\n", "    percent: 75\n    land_percent: 85.5\n")
    indonesian = invoke("--lang", "id", "diff", cwd=repo).stdout
    assert "tol-klbm: Lahan belum ada → 85,5% (laporan 1 September 2026, diedit)" in indonesian
    english = invoke("diff", cwd=repo).stdout
    assert "tol-klbm: Land none → 85.5% (report 1 September 2026, edited)" in english


def test_diff_names_a_file_with_a_duplicate_key_instead_of_reading_one_value(tmp_path) -> None:
    from test_history import make_repo

    repo = make_repo(tmp_path)
    replace_in(repo / "data" / "infrastructure" / "tol-klbm.yaml", "    percent: 75\n", "    percent: 75\n    percent: 80\n")
    run = invoke("diff", cwd=repo)
    assert "Not compared: files that could not be read" in run.stdout
    assert "data/infrastructure/tol-klbm.yaml in the working tree: duplicate key `percent`" in run.stdout
    assert "75% → 80%" not in run.stdout
