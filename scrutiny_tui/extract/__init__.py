"""From a file on disk to text the parser can read.

``load_document(path)`` reads the bytes, detects the format (plain text, Markdown, HTML
including ModernGov pages, PDF, Word .docx), decodes or extracts the text, and returns an
:class:`ExtractedDocument`. Failures raise :class:`ExtractError` with a specific, one-line
reason ("empty file", "binary file, not text: ...", "scanned PDF: no text layer").
"""

from scrutiny_tui.extract.base import (
    ExtractedDocument,
    ExtractError,
    load_bytes,
    load_document,
    read_sidecar,
    supported_suffixes,
)

__all__ = [
    "ExtractError",
    "ExtractedDocument",
    "load_bytes",
    "load_document",
    "read_sidecar",
    "supported_suffixes",
]
