"""The HTTP side: a polite fetcher and a ModernGov site built on it.

:class:`Fetcher` is the small interface (``get(url, params) -> Fetched``); :class:`HttpFetcher`
is the real one, on httpx. It is polite: one request at a time per site (a lock per host,
shared by every fetcher in the process), a pause between requests (default 1 s), a
User-Agent naming scrutiny-tui and its version, timeouts, retries with backoff on 5xx and
429 (honouring ``Retry-After``), redirects followed and remembered so they can be reported,
and a cap on the size of an answer.

:class:`ModernGovSite` builds the web service's URLs from the base URL (the folder holding
``mgWebService.asmx``, sub-paths included), says clearly what went wrong, and falls back to
the site's pages when the web service is switched off.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Protocol
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from scrutiny_tui import __version__
from scrutiny_tui.moderngov import responses
from scrutiny_tui.moderngov.errors import (
    MalformedResponse,
    ModernGovError,
    NoNetwork,
    NotModernGov,
    Refused,
    ServerError,
    ServiceOff,
    Timeout,
    TooLarge,
)
from scrutiny_tui.moderngov.model import Committee, Meeting, MeetingSummary

USER_AGENT = f"scrutiny-tui/{__version__}"
MB = 1024 * 1024

# What a ModernGov site says when its web service is switched off or the method refused.
_SERVICE_OFF = re.compile(
    r"method name is not valid|is not a valid web service method|web ?service (?:is )?"
    r"(?:disabled|switched off|not enabled)|request format is unrecognized",
    re.IGNORECASE,
)
_MISSING_DUMMY = re.compile(r"missing parameter:\s*ldummy", re.IGNORECASE)
# A 500 that says the request itself was wrong: trying again would not help.
_NOT_RETRIED = re.compile(f"{_SERVICE_OFF.pattern}|missing parameter", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ClientSettings:
    pause: float = 1.0  # seconds between two requests to the same site
    timeout: float = 20.0  # seconds to connect, and between bytes of an answer
    retries: int = 3  # more tries after a 5xx or 429
    backoff: float = 2.0  # the first retry's wait, doubled for each next one
    max_retry_after: float = 120.0  # a longer Retry-After is not waited for
    max_bytes: int = 32 * MB  # the largest answer read


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # where the answer came from, after redirects
    status: int
    content: bytes
    content_type: str = ""
    redirected_from: str | None = None
    retry_after: str | None = None  # the Retry-After header, if sent

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")


class Fetcher(Protocol):
    def get(self, url: str, params: Mapping[str, str] | None = None) -> Fetched: ...

    def close(self) -> None: ...


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


_HOST_LOCKS: dict[str, threading.Lock] = {}
_HOST_LAST: dict[str, float] = {}
_LOCKS_LOCK = threading.Lock()


def _host_lock(host: str) -> threading.Lock:
    with _LOCKS_LOCK:
        return _HOST_LOCKS.setdefault(host, threading.Lock())


@dataclass(slots=True)
class Redirect:
    source: str
    target: str


class HttpFetcher:
    """The real fetcher (see the module docstring). ``sleep`` is injectable for tests."""

    def __init__(
        self,
        settings: ClientSettings | None = None,
        *,
        sleep: Callable[[float], None] | None = None,
        transport: httpx.BaseTransport | None = None,
        cancelled: threading.Event | None = None,
    ) -> None:
        self.settings = settings or ClientSettings()
        self.cancelled = cancelled or threading.Event()  # set: waits end, retries stop
        self.sleep = sleep or self._wait
        self.requests = 0
        self.redirects: list[Redirect] = []
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "text/xml, text/html, */*"},
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=True,
            max_redirects=10,
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def _wait(self, seconds: float) -> None:
        self.cancelled.wait(seconds)

    def _wait_turn(self, host: str) -> None:
        last = _HOST_LAST.get(host)
        if last is not None and self.settings.pause > 0:
            remaining = last + self.settings.pause - time.monotonic()
            if remaining > 0:
                self.sleep(remaining)

    def get(self, url: str, params: Mapping[str, str] | None = None) -> Fetched:
        host = _host(url)
        attempt = 0
        while True:
            with _host_lock(host):
                self._wait_turn(host)
                try:
                    fetched = self._once(url, params, host)
                finally:
                    _HOST_LAST[host] = time.monotonic()
            status = fetched.status
            retryable = status == 429 or (
                500 <= status < 600 and not _NOT_RETRIED.search(fetched.text[:4000])
            )
            if not retryable:
                break
            if attempt >= self.settings.retries or self.cancelled.is_set():
                raise ServerError(
                    f"{host} answered HTTP {status} {_reason(status)} "
                    f"{attempt + 1} time{'s' if attempt else ''}; try again later"
                )
            after = _retry_after(fetched)
            delay = after if after is not None else self.settings.backoff * 2**attempt
            if delay > self.settings.max_retry_after:
                raise ServerError(
                    f"{host} asked to wait {delay:.0f} s (HTTP {status}); try again later"
                )
            if delay > 0:
                self.sleep(delay)
            attempt += 1
        if status == 403:
            raise Refused(
                f"{host} refused this client (HTTP 403 Forbidden): the site blocks programs "
                "it does not know; ask the council's democratic services to allow it"
            )
        return fetched

    def _once(self, url: str, params: Mapping[str, str] | None, host: str) -> Fetched:
        self.requests += 1
        limit = self.settings.max_bytes
        try:
            with self._client.stream("GET", url, params=params) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise TooLarge(_too_large(host, limit))
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise TooLarge(_too_large(host, limit))
                    chunks.append(chunk)
                first = str(response.history[0].request.url) if response.history else None
                final = str(response.url)
                if first is not None and all(r.source != first for r in self.redirects):
                    self.redirects.append(Redirect(first, final))
                return Fetched(
                    final,
                    response.status_code,
                    b"".join(chunks),
                    response.headers.get("content-type", ""),
                    first,
                    response.headers.get("retry-after"),
                )
        except httpx.TimeoutException as exc:
            raise Timeout(
                f"{host} did not answer within {self.settings.timeout:g} s; "
                "the site may be busy, try again later"
            ) from exc
        except httpx.TooManyRedirects as exc:
            raise ServerError(f"{host} redirects in a loop") from exc
        except httpx.UnsupportedProtocol as exc:
            raise NotModernGov(f"not a web address: {url}") from exc
        except (httpx.ConnectError, httpx.NetworkError) as exc:
            raise NoNetwork(f"cannot reach {host}: {_network_reason(exc)}") from exc
        except httpx.HTTPError as exc:
            raise ServerError(f"{host}: {type(exc).__name__}: {exc}") from exc


def _too_large(host: str, limit: int) -> str:
    return f"{host} sent more than {limit / MB:g} MB; stopped reading (not a ModernGov answer?)"


def _reason(status: int) -> str:
    try:
        from http import HTTPStatus

        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _network_reason(exc: Exception) -> str:
    text = str(exc)
    lowered = text.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return "unknown host (check the address, or the network)"
    if "connection refused" in lowered:
        return "connection refused"
    if "network is unreachable" in lowered:
        return "no network"
    return text or type(exc).__name__


def _retry_after(fetched: Fetched) -> float | None:
    """The server's Retry-After in seconds (a number or an HTTP date), if it sent one."""
    value = (fetched.retry_after or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


# ---- the site --------------------------------------------------------------------------


def normalise_base_url(url: str) -> str:
    """The folder holding mgWebService.asmx, with a trailing slash: a page or the service's
    own address given instead is cut back to its folder; no scheme means https."""
    url = url.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        url = "https://" + url
    parts = urlsplit(url)
    path = parts.path or "/"
    last = path.rsplit("/", 1)[-1]
    if "." in last and re.search(r"\.(aspx|asmx|html?|php)$", last, re.IGNORECASE):
        path = path[: len(path) - len(last)]
    elif re.search(r"mgWebService\.asmx/\w+$", path, re.IGNORECASE):
        path = path[: path.lower().index("mgwebservice.asmx")]
    if not path.endswith("/"):
        path += "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


def dmy(day: date) -> str:
    """ModernGov's date parameter format: ISO dates make some sites ignore the range."""
    return day.strftime("%d/%m/%Y")


def _is_html(fetched: Fetched) -> bool:
    head = fetched.content[:512].lstrip().lower()
    return "html" in fetched.content_type.lower() or head.startswith((b"<!doctype html", b"<html"))


@dataclass(slots=True)
class MeetingResponse:
    meeting: Meeting
    sha256: str  # of the response's bytes: an unchanged answer is not read again
    from_pages: bool = False


@dataclass(slots=True)
class ModernGovSite:
    """One ModernGov site. ``uses_pages`` turns on when its web service is found off."""

    base_url: str
    fetcher: Fetcher
    uses_pages: bool = False
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.base_url = normalise_base_url(self.base_url)

    @property
    def host(self) -> str:
        return _host(self.base_url)

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path)

    def service_url(self, operation: str) -> str:
        return self.url(f"mgWebService.asmx/{operation}")

    def meeting_page_url(self, committee_id: int | None, meeting_id: int) -> str:
        """The meeting's public page, for reference."""
        if committee_id:
            return self.url(f"ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}")
        return self.url(f"ieListDocuments.aspx?MId={meeting_id}")

    # -- web service calls, with what each failure means --------------------------------

    def _service(self, operation: str, params: Mapping[str, str] | None = None) -> Fetched:
        fetched = self.fetcher.get(self.service_url(operation), params)
        if fetched.status == 500 and _MISSING_DUMMY.search(fetched.text):
            fetched = self.fetcher.get(
                self.service_url(operation), {**(params or {}), "lDummy": "0"}
            )
        if _SERVICE_OFF.search(fetched.text[:4000]) and (
            fetched.status >= 400 or _is_html(fetched)
        ):
            raise ServiceOff(f"{self.host}: the ModernGov web service is switched off")
        if fetched.status == 404:
            if self._is_moderngov_site():
                raise ServiceOff(f"{self.host}: the ModernGov web service is switched off")
            raise NotModernGov(
                f"{self.base_url} is not a ModernGov site (no mgWebService.asmx there); "
                "give the address of the folder holding the council's mgListCommittees.aspx"
            )
        if fetched.status >= 400:
            raise ServerError(
                f"{self.host} answered HTTP {fetched.status} {_reason(fetched.status)} "
                f"to {operation}"
            )
        if _is_html(fetched):
            if responses.looks_like_moderngov_page(fetched.text):
                raise ServiceOff(f"{self.host}: the ModernGov web service is switched off")
            raise NotModernGov(
                f"{self.base_url} is not a ModernGov site (it answers with a web page)"
            )
        return fetched

    def _is_moderngov_site(self) -> bool:
        try:
            page = self.fetcher.get(self.url("mgListCommittees.aspx"))
        except ModernGovError:
            return False
        return page.status == 200 and responses.looks_like_moderngov_page(page.text)

    def _switch_to_pages(self) -> None:
        self.uses_pages = True
        self.notes.append("the web service is switched off; read the site's pages instead")

    def _page(self, path: str) -> Fetched:
        fetched = self.fetcher.get(self.url(path))
        if fetched.status >= 400:
            raise ServerError(f"{self.host} answered HTTP {fetched.status} for {path}")
        return fetched

    # -- what sync asks for -------------------------------------------------------------

    def committees(self) -> list[Committee]:
        """Every committee the site lists; from its pages when the service is off."""
        if not self.uses_pages:
            try:
                return responses.parse_committees(self._service("GetCommittees").content)
            except ServiceOff:
                self._switch_to_pages()
        page = self._page("mgListCommittees.aspx")
        if not responses.looks_like_moderngov_page(page.text):
            raise NotModernGov(f"{self.base_url} is not a ModernGov site")
        found = responses.parse_committee_list_page(page.text)
        if not found:
            raise MalformedResponse(f"{self.host}: no committees found on mgListCommittees.aspx")
        return found

    def meetings(self, committee: Committee, since: date, until: date) -> list[MeetingSummary]:
        """The committee's meetings from ``since`` to ``until`` (inclusive)."""
        if not self.uses_pages:
            try:
                return self._service_meetings(committee, since, until)
            except ServiceOff:
                self._switch_to_pages()
        found: dict[int, MeetingSummary] = {}
        for year in range(since.year, until.year + 1):
            page = self._page(f"ieListMeetings.aspx?CId={committee.id}&Year={year}")
            for meeting in responses.parse_meeting_list_page(
                page.text, committee.id, committee.title
            ):
                found.setdefault(meeting.id, meeting)
        iso_since, iso_until = since.isoformat(), until.isoformat()
        return [m for m in found.values() if m.date is None or iso_since <= m.date <= iso_until]

    def _service_meetings(
        self, committee: Committee, since: date, until: date
    ) -> list[MeetingSummary]:
        fetched = self._service(
            "GetMeetings",
            {"lCommitteeId": str(committee.id), "sFromDate": dmy(since), "sToDate": dmy(until)},
        )
        found = responses.parse_meetings(fetched.content)
        return [m if m.committee_title else _with_committee(m, committee) for m in found]

    def meeting(self, summary: MeetingSummary) -> MeetingResponse:
        """One meeting in full, with the hash of the answer it came from."""
        if not self.uses_pages:
            try:
                fetched = self._service("GetMeeting", {"lMeetingId": str(summary.id)})
                return MeetingResponse(
                    responses.parse_meeting(fetched.content),
                    hashlib.sha256(fetched.content).hexdigest(),
                )
            except ServiceOff:
                self._switch_to_pages()
        page = self._page(f"ieListDocuments.aspx?CId={summary.committee_id}&MId={summary.id}")
        meeting = responses.parse_meeting_page(page.text, summary.id, page.url)
        # A page carries view state and timestamps that change on every visit: what it says
        # about the meeting is what is compared.
        digest = hashlib.sha256(repr(meeting).encode("utf-8")).hexdigest()
        return MeetingResponse(meeting, digest, from_pages=True)

    def document(self, url: str) -> bytes:
        """A linked document (the printed minutes PDF), from this site only: the member
        added this site, not whatever another host a page links to."""
        url = urljoin(self.base_url, url)
        allowed = {self.host} | {_host(r.target) for r in getattr(self.fetcher, "redirects", [])}
        if _host(url) not in allowed:
            raise ModernGovError(
                f"the printed minutes are on another site ({_host(url)}); not fetched"
            )
        fetched = self.fetcher.get(url)
        if fetched.status >= 400:
            raise ServerError(f"{self.host} answered HTTP {fetched.status} for {url}")
        return fetched.content


def _with_committee(meeting: MeetingSummary, committee: Committee) -> MeetingSummary:
    return MeetingSummary(
        meeting.id,
        meeting.committee_id or committee.id,
        committee.title,
        meeting.date,
        meeting.status,
        meeting.time,
    )
