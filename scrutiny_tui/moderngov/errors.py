"""What can go wrong talking to a ModernGov site, each with a one-line message that says so."""

from __future__ import annotations


class ModernGovError(Exception):
    """Talking to the site failed; ``str(error)`` is one line a member can act on."""


class NotModernGov(ModernGovError):
    """The address answers, but not as a ModernGov site."""


class ServiceOff(ModernGovError):
    """A ModernGov site whose web service (mgWebService.asmx) is switched off."""


class Refused(ModernGovError):
    """The site refused this client (HTTP 403)."""


class NoNetwork(ModernGovError):
    """The site cannot be reached at all (no network, unknown host, connection refused)."""


class Timeout(ModernGovError):
    """The site did not answer in time."""


class ServerError(ModernGovError):
    """The site kept failing (5xx or 429) after every retry, or answered with another error."""


class MalformedResponse(ModernGovError):
    """The answer is not the XML (or page) it should be."""


class TooLarge(ModernGovError):
    """The answer is larger than any real ModernGov response; reading stopped."""
