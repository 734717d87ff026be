"""Format detection and dispatch: a file on disk to the text the parser reads.

The format is decided by the file's content first (``%PDF``, a zip holding
``word/document.xml``, ``<html``/``<!DOCTYPE html``) and its suffix second. The document keeps
the sha256 of the original bytes, so re-ingesting an unchanged PDF is recognised as such,
while ``text`` is what was extracted from it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrutiny_tui.extract.decode import DecodeError, decode_text
from scrutiny_tui.extract.result import ExtractError, Extraction, too_large
from scrutiny_tui.extract.sniff import (
    DOCX_SUFFIXES,
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    PDF_SUFFIXES,
    TEXT_SUFFIXES,
    UnsupportedFormat,
    sniff_format,
)

__all__ = [
    "ExtractError",
    "ExtractedDocument",
    "load_bytes",
    "load_document",
    "read_sidecar",
    "supported_suffixes",
]

MAX_FILE_BYTES = 64 * 1024 * 1024
# The same limit once the file is unpacked: a Word file's parts, and the text of any format
# (a few KB of compressed PDF or Word can hold gigabytes).
MAX_UNPACKED_BYTES = MAX_FILE_BYTES
MAX_TEXT_CHARS = MAX_FILE_BYTES


@dataclass(slots=True)
class ExtractedDocument:
    path: Path
    format: str  # text | markdown | html | pdf | docx
    text: str
    sha256: str  # of the original bytes
    size: int
    metadata: dict[str, Any] = field(default_factory=dict)  # council/body/date/title, if known
    references: list[str] = field(default_factory=list)  # e.g. "Supporting documents" links
    warnings: list[str] = field(default_factory=list)  # what was read only in part, and why


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata from ``<file>.yaml`` beside the file, if there is one."""
    for candidate in (path.with_name(path.name + ".yaml"), path.with_name(path.name + ".yml")):
        if candidate.is_file():
            import yaml  # only when a sidecar exists: every command starts without it

            try:
                data = yaml.safe_load(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                raise ExtractError(f"sidecar {candidate.name} is not valid YAML: {exc}") from exc
            if data is None:
                return {}
            if not isinstance(data, dict):
                raise ExtractError(f"sidecar {candidate.name} must be a mapping")
            return {str(k): v for k, v in data.items()}
    return {}


def supported_suffixes() -> set[str]:
    """Suffixes worth picking up when walking a folder (files without one can still be read)."""
    suffixes = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES
    return {suffix for suffix in suffixes if suffix}


def _read_bytes(path: Path) -> bytes:
    if path.is_dir():
        raise ExtractError(f"{path} is a folder, not a file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExtractError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if size == 0:
        raise ExtractError("empty file")
    if size > MAX_FILE_BYTES:
        raise ExtractError(
            f"file too large: {size / 1_048_576:.0f} MB (limit {MAX_FILE_BYTES // 1_048_576} MB)"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _decoded(data: bytes, name: str) -> str:
    try:
        return decode_text(data)
    except DecodeError as exc:
        raise ExtractError(f"{exc}: {name}") from exc


def _extract_text(data: bytes, name: str) -> Extraction:
    return Extraction(text=_decoded(data, name))


def _extract_html(data: bytes, name: str) -> Extraction:
    from scrutiny_tui.extract.html import extract_html

    extraction = extract_html(_decoded(data, name))
    if not extraction.text.strip():
        raise ExtractError("empty HTML page: no text in its content")
    return extraction


def _extract_pdf(data: bytes, name: str) -> Extraction:
    from scrutiny_tui.extract.pdf import extract_pdf

    if b"%PDF-" not in data[:1024]:
        raise ExtractError("corrupt PDF: no %PDF header (not a PDF file)")
    return extract_pdf(data, max_chars=MAX_TEXT_CHARS)


def _extract_docx(data: bytes, name: str) -> Extraction:
    from scrutiny_tui.extract.docx import extract_docx

    if not data.startswith(b"PK"):
        raise ExtractError("corrupt Word document: not a zip archive")
    return extract_docx(data, max_unpacked=MAX_UNPACKED_BYTES, max_chars=MAX_TEXT_CHARS)


def _extract(fmt: str, data: bytes, name: str) -> Extraction:
    extraction = _EXTRACTORS[fmt](data, name)
    if len(extraction.text) > MAX_TEXT_CHARS:
        raise too_large("its text", MAX_TEXT_CHARS)
    return extraction


# The heavier readers are imported on first use, so `scrutiny parse notes.txt` stays quick.
_EXTRACTORS: dict[str, Callable[[bytes, str], Extraction]] = {
    "text": _extract_text,
    "markdown": _extract_text,
    "html": _extract_html,
    "pdf": _extract_pdf,
    "docx": _extract_docx,
}


def load_document(path: Path) -> ExtractedDocument:
    path = Path(path)
    data = _read_bytes(path)
    try:
        fmt = sniff_format(data, path.suffix)
    except UnsupportedFormat as exc:
        raise ExtractError(str(exc)) from exc
    extraction = _extract(fmt, data, path.name)
    # A sidecar is the user's own statement about the file, so it wins over the page's.
    metadata = {**extraction.metadata, **read_sidecar(path)}
    return ExtractedDocument(
        path=path,
        format=fmt,
        text=extraction.text,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        metadata=metadata,
        references=extraction.references,
        warnings=extraction.warnings,
    )


def load_bytes(data: bytes, name: str) -> ExtractedDocument:
    """A document fetched rather than read from disk (a printed minutes PDF from a council's
    site): the same detection and extraction as :func:`load_document`, no sidecar."""
    if not data:
        raise ExtractError("empty file")
    if len(data) > MAX_FILE_BYTES:
        raise ExtractError(f"file too large: {len(data) / 1_048_576:.0f} MB")
    try:
        fmt = sniff_format(data, Path(name).suffix)
    except UnsupportedFormat as exc:
        raise ExtractError(str(exc)) from exc
    extraction = _extract(fmt, data, name)
    return ExtractedDocument(
        path=Path(name),
        format=fmt,
        text=extraction.text,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        metadata=dict(extraction.metadata),
        references=extraction.references,
        warnings=extraction.warnings,
    )
