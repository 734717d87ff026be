"""`scrutiny sources`, `sync` and `meetings` against a fake ModernGov site on 127.0.0.1."""

from __future__ import annotations

import json

import pytest

from scrutiny_tui.cli import main
from tests.moderngov.fake_site import CHILDREN, FakeSite


@pytest.fixture
def site():
    fake = FakeSite("/democracy/")  # meetings around today, so the default window holds them
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture
def cli(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("sync:\n  pause: 0\n  timeout: 1\n  retries: 1\n", encoding="utf-8")
    db = tmp_path / "store.db"

    def run(*args: str) -> int:
        return main(["--config", str(config), "--db", str(db), *args])

    return run


def test_add_list_sync_meetings_remove(cli, site, capsys):
    assert cli("sources", "add", site.base_url, "--name", "demo") == 0
    out = capsys.readouterr().out
    assert f"demo: {site.base_url}" in out
    assert "4 committees:" in out
    assert f"  *    101  {CHILDREN}" in out
    assert "       103  Planning Committee" in out
    assert "(expired)" in out
    assert "following 2 committees with 'scrutiny' in their names (marked *)" in out

    assert cli("sync") == 0
    out = capsys.readouterr().out
    assert "4 meetings: 3 new, 0 changed, 0 unchanged, 1 cancelled, 0 failed" in out
    assert cli("sync", "demo") == 0
    assert "0 new, 0 changed, 3 unchanged" in capsys.readouterr().out

    assert cli("meetings", "--json") == 0
    meetings = json.loads(capsys.readouterr().out)
    assert [m["committee"] for m in meetings].count(CHILDREN) == 2
    first = meetings[0]
    assert set(first) >= {"council", "committee", "date", "source", "items", "present", "apologies"}
    assert first["council"] == "demo"
    assert first["source"].startswith(site.base_url + "ieListDocuments.aspx?CId=101&MId=")
    item = next(i for i in first["items"] if i["title"].startswith("Child Exploitation"))
    assert set(item) >= {"number", "title", "resolutions", "recommendations", "actions"}
    assert item["number"] == "43" and item["resolutions"][0]["kind"] == "noted"
    assert item["actions"][0]["due"]
    assert first["present"][0] == {"name": "Sarah Lowe", "honorific": "Councillor", "role": "Chair"}
    assert first["apologies"][0]["name"] == "Ruth Ames"

    assert cli("meetings", "--committee", "adult") == 0
    out = capsys.readouterr().out
    assert "Adult Social Care & Health Scrutiny Committee · demo" in out
    assert CHILDREN not in out

    assert cli("sources", "list", "--json") == 0
    [source] = json.loads(capsys.readouterr().out)
    assert (source["name"], source["meetings"], source["last_sync_counts"]["unchanged"]) == (
        "demo",
        3,
        3,
    )
    assert cli("sources", "remove", "demo") == 0
    assert "no longer followed; its meetings are kept" in capsys.readouterr().out
    assert cli("meetings") == 0
    assert capsys.readouterr().out.count("ieListDocuments.aspx") == 3


def test_add_with_committee_words_and_change_them(cli, site, capsys):
    assert cli("sources", "add", site.base_url, "--committee", "planning") == 0
    out = capsys.readouterr().out
    assert "  *    103  Planning Committee" in out
    assert "following 1 committee (marked *)" in out
    name = out.split(":")[0]
    assert cli("sources", "add", site.base_url, "--name", name, "--committee", "children") == 0
    assert "  *    101  Children" in capsys.readouterr().out
    assert cli("sources", "list", "--json") == 0
    [source] = json.loads(capsys.readouterr().out)
    assert [c["id"] for c in source["committees"]] == [101]
    assert cli("sources", "add", site.base_url, "--name", name) == 1
    assert "exists already" in capsys.readouterr().err


def test_one_line_errors_and_exit_codes(cli, site, capsys):
    assert cli("sources", "add", site.origin + "/nowhere/") == 1
    err = capsys.readouterr().err
    assert err.startswith("scrutiny: ") and err.count("\n") == 1
    assert "is not a ModernGov site" in err
    site.forbidden = True
    assert cli("sources", "add", site.base_url) == 1
    assert "refused this client (HTTP 403" in capsys.readouterr().err
    assert cli("sync") == 1
    assert "no sources to sync" in capsys.readouterr().err
    assert cli("sync", "nosuch") == 1
    assert "no source named nosuch" in capsys.readouterr().err
    assert cli("sources", "remove", "nosuch") == 1
    with pytest.raises(SystemExit) as exit_info:
        cli("sync", "--since", "yesterday")
    assert exit_info.value.code == 2


def test_a_failing_source_is_reported_in_the_summary(cli, site, capsys):
    assert cli("sources", "add", site.base_url, "--name", "demo") == 0
    capsys.readouterr()
    site.forbidden = True
    assert cli("sync") == 1
    out = capsys.readouterr().out
    assert "failed: demo: " in out and "HTTP 403" in out


@pytest.mark.parametrize(
    "args",
    [
        ["sources", "--help"],
        ["sources", "add", "--help"],
        ["sync", "--help"],
        ["meetings", "--help"],
    ],
)
def test_help(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 0
    assert "usage: scrutiny" in capsys.readouterr().out


def test_text_from_a_site_is_printed_literally(cli, site, capsys):
    site.service_off = True  # control characters cannot be in XML, but can be in a page
    site.committees[101] = ("\x1b[2J[bold]Scrutiny[/bold] \x1b]52;c;aGk=\x07", False)
    assert cli("sources", "add", site.base_url, "--name", "demo") == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "␛[2J[bold]Scrutiny[/bold]" in out
