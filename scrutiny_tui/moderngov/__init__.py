"""ModernGov: council committee sites, read through their web service or their pages.

``responses`` turns the web service's XML (and, where the service is switched off, the
``ieListDocuments.aspx`` pages) into frozen dataclasses with no network; ``client`` is the
polite HTTP client that fetches them. Nothing here touches the store.
"""

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
from scrutiny_tui.moderngov.model import (
    Attendee,
    Committee,
    LinkedDoc,
    Meeting,
    MeetingSummary,
    MinutesItem,
)

__all__ = [
    "Attendee",
    "Committee",
    "LinkedDoc",
    "MalformedResponse",
    "Meeting",
    "MeetingSummary",
    "MinutesItem",
    "ModernGovError",
    "NoNetwork",
    "NotModernGov",
    "Refused",
    "ServerError",
    "ServiceOff",
    "Timeout",
    "TooLarge",
]
