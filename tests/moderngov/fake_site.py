"""A fake ModernGov site on 127.0.0.1, for the tests and for trying the app by hand.

It answers the web service (``mgWebService.asmx/GetCommittees``, ``GetMeetings``,
``GetMeeting``) in ModernGov's XML shapes, the pages used when the service is off
(``mgListCommittees.aspx``, ``ieListMeetings.aspx``, ``ieListDocuments.aspx``) and linked
documents (a printed minutes PDF made with fpdf2). Tests can make it misbehave: switch the
service off, refuse everyone (403), fail, stall, send malformed or huge answers, or move
(redirect). Every request is recorded.

By hand::

    .venv/bin/python -m tests.moderngov.fake_site --port 8765 --base /democracy/

then ``scrutiny sources add http://127.0.0.1:8765/democracy/``.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

SERVICE_OFF_TEXT = "Request format is unrecognized for URL unexpectedly ending in '/{op}'."


@dataclass
class FakeItem:
    id: int
    number: str | None
    title: str
    minutes_html: str | None = None
    restricted: bool = False
    docs: list[tuple[int, str, str]] = field(default_factory=list)  # (id, title, path)


@dataclass
class FakeMeeting:
    id: int
    committee_id: int
    date: date
    status: str = "Confirmed"
    location: str = "Committee Room 1, Civic Centre"
    items: list[FakeItem] = field(default_factory=list)
    attendees: list[tuple[str, str, str]] = field(default_factory=list)  # name, role, attendance
    printed_minutes: str | None = None  # path of the PDF, relative to the base


@dataclass
class Seen:
    path: str  # relative to the base
    params: dict[str, str]
    headers: dict[str, str]
    at: float


def _x(text: str) -> str:
    return html.escape(text, quote=True)


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def make_pdf(lines: list[str]) -> bytes:
    """A real PDF with a text layer, one paragraph a line."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        if line:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


class FakeSite:
    """See the module docstring. ``start()`` returns the base URL."""

    def __init__(self, base_path: str = "/", *, today: date | None = None, demo: bool = True):
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self.today = today or date.today()
        self.committees: dict[int, tuple[str, bool]] = {}
        self.meetings: dict[int, FakeMeeting] = {}
        self.files: dict[str, tuple[str, bytes]] = {}
        self.requests: list[Seen] = []
        self.service_off = False
        self.forbidden = False
        self.slow_seconds = 3.0
        self.huge_bytes = 3 * 1024 * 1024
        self.moved_from: str | None = None  # a path prefix redirected to the base
        self.needs_dummy = False  # GetCommittees wants lDummy=0, as some sites do
        # Per request key ("GetMeeting:5001", "GetCommittees", a page path, or "*"): what to
        # do instead of answering, one entry per request: an int status, (status,
        # retry_after), "slow", "malformed", "huge".
        self.plan: dict[str, list[Any]] = defaultdict(list)
        self._server: ThreadingHTTPServer | None = None
        if demo:
            load_demo(self)

    # -- running --------------------------------------------------------------------

    def start(self, port: int = 0) -> str:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site._handle(self)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()
        return self.base_url

    @property
    def origin(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def base_url(self) -> str:
        return self.origin + self.base_path

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeSite:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def operations(self) -> list[str]:
        """The web service operations and pages asked for, in order."""
        return [seen.path.split("/")[-1] for seen in self.requests]

    # -- answering ------------------------------------------------------------------

    def _send(
        self,
        handler: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str = "text/xml; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(body)

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}
        path = unquote(parts.path)
        if self.moved_from and path.startswith(self.moved_from):
            target = self.base_path + path[len(self.moved_from) :]
            query = f"?{parts.query}" if parts.query else ""
            self._send(handler, 301, b"", "text/html", {"Location": target + query})
            return
        if not path.startswith(self.base_path):
            self._send(handler, 404, b"<html><body>Not found</body></html>", "text/html")
            return
        rest = path[len(self.base_path) :]
        self.requests.append(Seen(rest, params, dict(handler.headers.items()), time.monotonic()))
        if self.forbidden:
            self._send(handler, 403, b"<html><body>Forbidden</body></html>", "text/html")
            return
        op = rest.split("/")[-1]
        key = f"{op}:{params.get('lMeetingId')}" if op == "GetMeeting" else op
        for name in (key, op, "*"):
            if self.plan.get(name):
                if self._misbehave(handler, self.plan[name].pop(0)):
                    return
                break
        if rest.startswith("mgWebService.asmx/"):
            self._service(handler, op, params)
        elif rest == "mgListCommittees.aspx":
            self._send(handler, 200, self.committees_page().encode(), "text/html")
        elif rest == "ieListMeetings.aspx":
            page = self.meetings_page(int(params.get("CId", 0)), int(params.get("Year", 0)))
            self._send(handler, 200, page.encode(), "text/html")
        elif rest == "ieListDocuments.aspx" and int(params.get("MId", 0)) in self.meetings:
            page = self.meeting_page(self.meetings[int(params["MId"])])
            self._send(handler, 200, page.encode(), "text/html")
        elif rest in self.files:
            content_type, body = self.files[rest]
            self._send(handler, 200, body, content_type)
        elif rest in ("", "mgHome.aspx"):
            home = '<html><body><div id="mgMain"><a href="mgListCommittees.aspx">Committees</a>'
            self._send(handler, 200, (home + "</div></body></html>").encode(), "text/html")
        else:
            self._send(handler, 404, b"<html><body>Not found</body></html>", "text/html")

    def _misbehave(self, handler: BaseHTTPRequestHandler, what: Any) -> bool:
        if what == "slow":
            time.sleep(self.slow_seconds)
            return False  # then answer, too late
        if what == "malformed":
            self._send(handler, 200, b"<?xml version='1.0'?><meeting><agendaitems><agendaitem>")
            return True
        if what == "huge":
            body = b"<committees>" + b" " * self.huge_bytes + b"</committees>"
            self._send(handler, 200, body)
            return True
        status, retry_after = what if isinstance(what, tuple) else (what, None)
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        self._send(handler, status, f"error {status}".encode(), "text/plain", headers)
        return True

    def _service(self, handler: BaseHTTPRequestHandler, op: str, params: dict[str, str]) -> None:
        if self.service_off:
            self._send(handler, 500, SERVICE_OFF_TEXT.format(op=op).encode(), "text/plain")
            return
        if op == "GetCommittees" and self.needs_dummy and "lDummy" not in params:
            message = b"Missing parameter: lDummy."
            self._send(handler, 500, message, "text/plain")
            return
        if op == "GetCommittees":
            body = self.committees_xml()
        elif op == "GetMeetings":
            body = self.meetings_xml(
                int(params.get("lCommitteeId", 0)), params.get("sFromDate"), params.get("sToDate")
            )
        elif op == "GetMeeting" and int(params.get("lMeetingId", 0)) in self.meetings:
            body = self.meeting_xml(self.meetings[int(params["lMeetingId"])])
        elif op == "GetMeeting":
            body = "<meeting></meeting>"
        else:
            self._send(handler, 500, f"The method name is not valid: {op}".encode(), "text/plain")
            return
        self._send(handler, 200, ('<?xml version="1.0" encoding="utf-8"?>\n' + body).encode())

    # -- the XML ----------------------------------------------------------------------

    def committees_xml(self) -> str:
        rows = "".join(
            f"<committee><committeeid>{cid}</committeeid>"
            f"<committeetitle>{_x(_x(title))}</committeetitle>"
            f"<committeedeleted>False</committeedeleted>"
            f"<committeeexpired>{expired}</committeeexpired></committee>"
            for cid, (title, expired) in self.committees.items()
        )
        count = f"<committeescount> {len(self.committees)}</committeescount>"
        return f"<committees>{count}{rows}</committees>"

    def meetings_xml(self, committee_id: int, since: str | None, until: str | None) -> str:
        def parse(value: str | None) -> date | None:
            try:
                day, month, year = (int(p) for p in (value or "").split("/"))
                return date(year, month, day)
            except ValueError:
                return None

        start, end = parse(since), parse(until)
        title = self.committees.get(committee_id, ("", False))[0]
        found = [
            m
            for m in self.meetings.values()
            if m.committee_id == committee_id
            and (start is None or m.date >= start)
            and (end is None or m.date <= end)
        ]
        rows = "".join(
            f"<meeting><meetingid>{m.id}</meetingid><meetingdate>{_dmy(m.date)}</meetingdate>"
            f"<meetingstatus>{m.status}</meetingstatus><meetingtime>6.30 pm</meetingtime></meeting>"
            for m in sorted(found, key=lambda m: m.date)
        )
        return (
            f"<getmeetings><committee><committeeid>{committee_id}</committeeid>"
            f"<committeetitle>{_x(title)}</committeetitle>"
            f"<committeemeetings>{rows}</committeemeetings></committee></getmeetings>"
        )

    def meeting_xml(self, meeting: FakeMeeting) -> str:
        items = []
        for item in meeting.items:
            docs = "".join(
                f"<linkeddoc><attachmentid>{doc_id}</attachmentid><title>{_x(title)}</title>"
                f"<url>{_x(self.base_url + path)}</url>"
                "<isrestricted>False</isrestricted></linkeddoc>"
                for doc_id, title, path in item.docs
            )
            minutes = _x(item.minutes_html) if item.minutes_html else ""
            number = f"<fulldisplaynumberformat>{item.number}.</fulldisplaynumberformat>"
            items.append(
                f"<agendaitem><agendaitemid>{item.id}</agendaitemid>"
                f"<agendaitemtitle>{_x(_x(item.title))}</agendaitemtitle>"
                f"{number if item.number else ''}"
                f"<minutesnonemptyhtmlbody>{minutes}</minutesnonemptyhtmlbody>"
                f"<isrestricted>{item.restricted}</isrestricted>"
                f"<linkeddocuments>{docs}</linkeddocuments></agendaitem>"
            )
        attendees = "".join(
            f'<attendee name="{_x(name)}" roledescription="{_x(role)}" attendance="{_x(att)}"/>'
            for name, role, att in meeting.attendees
        )
        printed = ""
        if meeting.printed_minutes:
            printed = (
                "<linkeddocuments><linkeddoc><attachmentid>9300</attachmentid>"
                f"<title>Printed minutes {meeting.date:%d-%b-%Y}</title>"
                f"<url>{_x(self.base_url + meeting.printed_minutes)}</url>"
                "<isrestricted>False</isrestricted></linkeddoc></linkeddocuments>"
            )
        published = any(i.minutes_html for i in meeting.items) or bool(meeting.printed_minutes)
        return (
            f"<meeting><meetingid>{meeting.id}</meetingid>"
            f"<meetingdate>{_dmy(meeting.date)}</meetingdate>"
            f"<meetingstatus>{meeting.status}</meetingstatus>"
            f"<meetinglocation>{_x(meeting.location)}</meetinglocation>"
            f"<minutepublished>{published}</minutepublished>"
            f"<agendaitems>{''.join(items)}</agendaitems>{printed}"
            f"<attendees>{attendees}</attendees></meeting>"
        )

    # -- the pages ------------------------------------------------------------------

    def committees_page(self) -> str:
        links = "".join(
            f'<li><a href="mgCommitteeDetails.aspx?ID={cid}">{_x(title)}</a></li>'
            for cid, (title, _) in self.committees.items()
        )
        return f'<html><body><div id="mgMain"><ul>{links}</ul></div></body></html>'

    def meetings_page(self, committee_id: int, year: int) -> str:
        links = "".join(
            f'<li><a href="ieListDocuments.aspx?CId={m.committee_id}&amp;MId={m.id}">'
            f"{m.date:%d %b %Y} 6.30 pm{' CANCELLED' if m.status == 'Cancelled' else ''}</a></li>"
            for m in self.meetings.values()
            if m.committee_id == committee_id and m.date.year == year
        )
        return f'<html><body><div id="mgMain"><ul>{links}</ul></div></body></html>'

    def meeting_page(self, meeting: FakeMeeting) -> str:
        title = self.committees.get(meeting.committee_id, ("", False))[0]
        rows = []
        for item in meeting.items:
            minutes = (
                f'<p class="mgSubItemTitleTxt">Minutes:</p><div class="mgWordPara">'
                f"{item.minutes_html}</div>"
                if item.minutes_html and not item.restricted
                else ""
            )
            restricted = '<p class="mgRestrictedTxt">Restricted</p>' if item.restricted else ""
            rows.append(
                f'<tr><td><p class="mgAiTitleTxt">{item.number or ""}.</p></td>'
                f'<td><p class="mgAiTitleTxt"><a href="mgAi.aspx?ID={item.id}">{_x(item.title)}'
                f"</a></p>{minutes}{restricted}</td></tr>"
            )
        printed = (
            f'<a href="{_x(meeting.printed_minutes)}">Printed minutes PDF</a>'
            if meeting.printed_minutes
            else ""
        )
        when = f"{meeting.date:%A}, {meeting.date.day} {meeting.date:%B}, {meeting.date.year}"
        state = f'<input type="hidden" name="__VIEWSTATE" value="{time.monotonic_ns()}">'
        return (
            f'<html><body>{state}<div id="mgMain"><h2 class="mgSubTitleTxt">{_x(title)} - {when} '
            f"6.30 pm</h2>{printed}"
            f'<table class="mgItemTable">{"".join(rows)}</table></div></body></html>'
        )


# ---- the demo council -------------------------------------------------------------------

CHILDREN = "Children and Young People Scrutiny Committee"
ADULTS = "Adult Social Care & Health Scrutiny Committee"
PLANNING = "Planning Committee"

EXPLOITATION_MINUTES = """<div class="WordSection1">
<p class="MsoNormal">The Committee considered a report of the Director of Children&rsquo;s
Services on children at risk of exploitation and children who go missing from home or care.</p>
<p class="MsoNormal">Members asked about waiting times for return interviews, which had risen
to 9 days against a target of 3.</p>
<p class="MsoNormal"><b>RESOLVED:</b> That</p>
<ol><li>the report be noted; and</li>
<li>the Director be requested to report back on return interview performance to the
Committee in {month}.</li></ol>
</div>"""

TRANSPORT_MINUTES = """<p>The Committee received a report on home to school transport for
children with special educational needs.</p>
<p>RECOMMENDED: That the Cabinet review the eligibility criteria before the next school
year.</p>"""

DISCHARGE_MINUTES = """<p>The Committee considered the hospital discharge update.</p>
<p>RESOLVED: That the update be noted and the Committee receive a further update in
{month}.</p>"""


def printed_minutes_lines(day: date) -> list[str]:
    return [
        CHILDREN,
        f"Minutes of the meeting held on {day.day} {day:%B %Y}",
        "PRESENT: Councillor Sarah Lowe (Chair), Councillor Dev Patel",
        "60. Apologies for Absence",
        "Apologies were received from Councillor Ruth Ames.",
        "61. Youth Services Review",
        "The Committee considered the review of youth services.",
        "RESOLVED: That the youth services review be endorsed.",
    ]


def load_demo(site: FakeSite) -> None:
    """A small council: three committees (one expired), five meetings around ``today``."""
    today = site.today
    site.committees = {
        101: (CHILDREN, False),
        102: (ADULTS, False),
        103: (PLANNING, False),
        77: ("Old Overview and Scrutiny Management Board", True),
    }
    first = today - timedelta(days=120)
    report_month = f"{(today + timedelta(days=30)):%B %Y}"
    people = [
        ("Councillor Sarah Lowe", "Chair", "Present"),
        ("Councillor Ruth Ames", "Committee Member", "Apologies"),
        ("Councillor Dev Patel", "Committee Member", "Present as substitute"),
        ("Jo Brand", "Director of Children's Services", "In attendance"),
    ]
    site.meetings[5001] = FakeMeeting(
        5001,
        101,
        first,
        items=[
            FakeItem(
                30011,
                "41",
                "Apologies for Absence",
                "<p>Apologies were received from Councillor Ruth Ames.</p>",
            ),
            FakeItem(
                30012, "42", "Chair's Announcements", "<p>The Chair welcomed the new Director.</p>"
            ),
            FakeItem(
                30013,
                "43",
                "Child Exploitation and Missing Children",
                EXPLOITATION_MINUTES.format(month=report_month),
            ),
            FakeItem(30014, "44", "Home to School Transport", TRANSPORT_MINUTES),
            FakeItem(30015, "45", "Residential Care Contract", None, restricted=True),
        ],
        attendees=people,
    )
    site.meetings[5002] = FakeMeeting(5002, 101, today - timedelta(days=60), status="Cancelled")
    printed_day = today - timedelta(days=30)
    site.meetings[5003] = FakeMeeting(
        5003,
        101,
        printed_day,
        items=[
            FakeItem(30031, "60", "Apologies for Absence"),
            FakeItem(30032, "61", "Youth Services Review"),
        ],
        printed_minutes="documents/g5003/Printed minutes.pdf",
    )
    site.files["documents/g5003/Printed minutes.pdf"] = (
        "application/pdf",
        make_pdf(printed_minutes_lines(printed_day)),
    )
    site.meetings[5101] = FakeMeeting(
        5101,
        102,
        today - timedelta(days=90),
        items=[
            FakeItem(
                31011, "7", "Hospital Discharge", DISCHARGE_MINUTES.format(month=report_month)
            ),
        ],
        attendees=[("Councillor Ann Green", "Chair", "Present")],
    )
    site.meetings[5201] = FakeMeeting(
        5201,
        103,
        today - timedelta(days=45),
        items=[
            FakeItem(
                32011,
                "12",
                "Land at Mill Lane",
                "<p>RESOLVED: That planning permission be granted.</p>",
            )
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="A fake ModernGov site on 127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--base", default="/", help="the sub-path, e.g. /democracy/")
    parser.add_argument("--service-off", action="store_true", help="switch the web service off")
    args = parser.parse_args()
    site = FakeSite(args.base)
    site.service_off = args.service_off
    print(f"fake ModernGov site at {site.start(args.port)}  (ctrl+c to stop)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        site.stop()


if __name__ == "__main__":
    main()
