"""The real HTTP client against a fake ModernGov site on 127.0.0.1."""

from __future__ import annotations

import itertools
import socket
import time
from datetime import date

import pytest

from scrutiny_tui import __version__
from scrutiny_tui.moderngov import (
    MalformedResponse,
    ModernGovError,
    NoNetwork,
    NotModernGov,
    Refused,
    ServerError,
    Timeout,
    TooLarge,
)
from scrutiny_tui.moderngov.client import (
    ClientSettings,
    HttpFetcher,
    ModernGovSite,
    normalise_base_url,
)
from tests.moderngov.conftest import FAST


def test_urls_under_a_sub_path_with_dd_mm_yyyy_dates_and_our_user_agent(site, mg):
    committees = mg.committees()
    assert [c.title for c in committees][:2] == [
        "Children and Young People Scrutiny Committee",
        "Adult Social Care & Health Scrutiny Committee",  # the site escapes it twice
    ]
    meetings = mg.meetings(committees[0], date(2025, 5, 1), date(2026, 7, 1))
    assert [m.id for m in meetings] == [5001, 5002, 5003]
    assert [m.cancelled for m in meetings] == [False, True, False]
    response = mg.meeting(meetings[0])
    assert [i.number for i in response.meeting.items] == ["41", "42", "43", "44", "45"]
    assert len(response.sha256) == 64
    paths = [seen.path for seen in site.requests]
    assert paths == [
        "mgWebService.asmx/GetCommittees",
        "mgWebService.asmx/GetMeetings",
        "mgWebService.asmx/GetMeeting",
    ]
    asked = site.requests[1].params
    assert asked == {"lCommitteeId": "101", "sFromDate": "01/05/2025", "sToDate": "01/07/2026"}
    assert site.requests[2].params == {"lMeetingId": "5001"}
    assert {s.headers["User-Agent"] for s in site.requests} == {f"scrutiny-tui/{__version__}"}


def test_the_date_window_is_honoured(site, mg):
    committee = mg.committees()[0]
    assert [m.id for m in mg.meetings(committee, date(2026, 2, 1), date(2026, 5, 1))] == [
        5002,
        5003,
    ]


def test_base_url_forms():
    assert normalise_base_url("democracy.example.gov.uk") == "https://democracy.example.gov.uk/"
    assert (
        normalise_base_url("https://Example.gov.uk/modern.gov/mgListCommittees.aspx")
        == "https://example.gov.uk/modern.gov/"
    )
    assert normalise_base_url("http://x.uk/mg/mgWebService.asmx/GetCommittees") == "http://x.uk/mg/"
    assert normalise_base_url("http://x.uk/modern.gov") == "http://x.uk/modern.gov/"


def test_a_pause_between_requests_to_one_site(site):
    slow = HttpFetcher(ClientSettings(pause=0.25, timeout=1, retries=0))
    try:
        mg = ModernGovSite(site.base_url, slow)
        committee = mg.committees()[0]
        mg.meetings(committee, date(2025, 1, 1), date(2026, 6, 1))
        mg.committees()
    finally:
        slow.close()
    times = [seen.at for seen in site.requests]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(gaps) == 2 and min(gaps) >= 0.24


def test_the_pause_is_asked_for_by_the_default_settings(site):
    waited: list[float] = []
    fetcher = HttpFetcher(sleep=waited.append)
    try:
        assert fetcher.settings.pause == 1.0
        mg = ModernGovSite(site.base_url, fetcher)
        mg.committees()
        mg.committees()
    finally:
        fetcher.close()
    assert len(waited) == 1 and 0.9 < waited[0] <= 1.0


def test_500_then_success_is_retried_with_backoff(site, sleeps):
    fetcher = HttpFetcher(
        ClientSettings(pause=0, timeout=1, retries=3, backoff=0.5), sleep=sleeps.append
    )
    site.plan["GetCommittees"] += [500, 502]
    try:
        assert len(ModernGovSite(site.base_url, fetcher).committees()) == 4
    finally:
        fetcher.close()
    assert sleeps == [0.5, 1.0]
    assert site.operations() == ["GetCommittees"] * 3


def test_429_honours_retry_after(site, mg, sleeps):
    site.plan["GetCommittees"] += [(429, 7), (503, 0)]
    assert len(mg.committees()) == 4
    assert sleeps == [7.0, 0.0] or sleeps == [7.0]


def test_a_site_that_keeps_failing_is_reported(site, mg):
    site.plan["GetCommittees"] += [500, 500, 500]
    with pytest.raises(ServerError, match=r"answered HTTP 500 Internal Server Error 3 times"):
        mg.committees()


def test_403_says_the_site_refused_this_client(site, mg):
    site.forbidden = True
    with pytest.raises(Refused, match="refused this client \\(HTTP 403"):
        mg.committees()


def test_service_off_falls_back_to_the_pages(site, mg):
    site.service_off = True
    committees = mg.committees()
    assert mg.uses_pages and "switched off" in mg.notes[0]
    assert [c.id for c in committees] == [101, 102, 103, 77]
    meetings = mg.meetings(committees[0], date(2025, 11, 1), date(2026, 6, 1))
    assert [(m.id, m.date, m.cancelled) for m in meetings] == [
        (5001, "2026-01-01", False),
        (5002, "2026-03-02", True),
        (5003, "2026-04-01", False),
    ]
    full = mg.meeting(meetings[0]).meeting
    assert full.date == "2026-01-01" and full.committee_title == committees[0].title
    assert [i.number for i in full.items] == ["41", "42", "43", "44", "45"]
    assert "RESOLVED" in (full.items[2].minutes_html or "")
    assert full.items[4].restricted and full.items[4].minutes_html is None
    assert "ieListMeetings.aspx" in site.operations()


def test_an_address_that_is_not_a_moderngov_site(site, fetcher):
    with pytest.raises(NotModernGov, match="is not a ModernGov site"):
        ModernGovSite(site.origin + "/elsewhere/", fetcher).committees()


def test_no_network(fetcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(NoNetwork, match=f"cannot reach 127.0.0.1:{port}: connection refused"):
        ModernGovSite(f"http://127.0.0.1:{port}/", fetcher).committees()


def test_a_slow_answer_past_the_timeout(site):
    fetcher = HttpFetcher(ClientSettings(pause=0, timeout=0.3, retries=0))
    site.slow_seconds = 1.0
    site.plan["GetCommittees"].append("slow")
    started = time.monotonic()
    try:
        with pytest.raises(Timeout, match=r"did not answer within 0\.3 s"):
            ModernGovSite(site.base_url, fetcher).committees()
    finally:
        fetcher.close()
    assert time.monotonic() - started < 1.0


def test_malformed_xml(site, mg):
    site.plan["GetMeeting:5001"].append("malformed")
    committee = mg.committees()[0]
    first = mg.meetings(committee, date(2025, 1, 1), date(2026, 6, 1))[0]
    with pytest.raises(MalformedResponse, match="GetMeeting: malformed XML"):
        mg.meeting(first)


def test_a_huge_answer_is_cut_off(site, mg):
    site.plan["GetCommittees"].append("huge")
    with pytest.raises(TooLarge, match="sent more than 1 MB"):
        mg.committees()


def test_a_moved_site_is_followed_and_the_move_reported(site, fetcher):
    site.moved_from = "/old/"
    mg = ModernGovSite(site.origin + "/old/", fetcher)
    assert len(mg.committees()) == 4
    assert fetcher.redirects[0].source.startswith(site.origin + "/old/")
    assert fetcher.redirects[0].target.startswith(site.base_url)


def test_the_printed_minutes_pdf(site, mg):
    committee = mg.committees()[0]
    meetings = mg.meetings(committee, date(2025, 1, 1), date(2026, 6, 1))
    printed = mg.meeting(meetings[2]).meeting.printed_minutes
    assert printed is not None
    assert mg.document(printed.url).startswith(b"%PDF-")


def test_fast_settings_are_fast():
    assert FAST.pause == 0 and FAST.timeout <= 1


def test_a_site_that_wants_ldummy(site, mg):
    site.needs_dummy = True
    assert len(mg.committees()) == 4
    assert [seen.params for seen in site.requests] == [{}, {"lDummy": "0"}]


def test_documents_on_another_host_are_not_fetched(site, mg):
    with pytest.raises(ModernGovError, match=r"on another site \(elsewhere\.example\); not"):
        mg.document("https://elsewhere.example/minutes.pdf")
    assert site.requests == []
