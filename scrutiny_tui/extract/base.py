"""Format detection and dispatch; plain text and Markdown decoding."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scrutiny_tui.extract.decode import DecodeError, decode_text

MAX_FILE_BYTES = 64 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}


class ExtractError(Exception):
    """The file cannot be turned into minutes text; the message says why, in one line."""


@dataclass(slots=True)
class ExtractedDocument:
    path: Path
    format: str  # text | markdown | html | pdf | docx
    text: str
    sha256: str  # of the original bytes
    size: int
    metadata: dict[str, Any] = field(default_factory=dict)  # council/body/date/title, if known
    references: list[str] = field(default_factory=list)  # e.g. "Supporting documents" links


def read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata from ``<file>.yaml`` beside the file, if there is one."""
    for candidate in (path.with_name(path.name + ".yaml"), path.with_name(path.name + ".yml")):
        if candidate.is_file():
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
    return TEXT_SUFFIXES | MARKDOWN_SUFFIXES


def load_document(path: Path) -> ExtractedDocument:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExtractError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if path.is_dir():
        raise ExtractError(f"{path} is a folder, not a file")
    if size == 0:
        raise ExtractError("empty file")
    if size > MAX_FILE_BYTES:
        raise ExtractError(
            f"file too large: {size / 1_048_576:.0f} MB (limit {MAX_FILE_BYTES // 1_048_576} MB)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read {path}: {exc.strerror or exc}") from exc
    sha256 = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    fmt = "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    try:
        text = decode_text(data)
    except DecodeError as exc:
        raise ExtractError(f"{exc}: {path.name}") from exc
    return ExtractedDocument(
        path=path, format=fmt, text=text, sha256=sha256, size=size, metadata=read_sidecar(path)
    )
