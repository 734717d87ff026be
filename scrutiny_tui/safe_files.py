"""Writing a file the member asked for (a briefing pack, a notes export, a store backup).

Every command that writes a file goes through :func:`write_private` or :func:`replacing`:

- the bytes go to a temporary file in the same folder, are flushed to disk (fsync) and only
  then renamed over the name asked for, so a full disk or a crash leaves the old file whole
  and never a partial one;
- an existing file is replaced only when the caller says so (``--force``); without it the
  new file is linked into place, which fails if a file appeared meanwhile;
- anything that is not a regular file (a folder, a device such as ``/dev/null``, a FIFO, a
  socket, a symbolic link, dangling or not) is refused, and nothing is opened, written
  through or chmod-ed;
- the new file is readable by the user only (0600), and folders created for it are 0700.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from scrutiny_tui.safe_text import inline


class FileWriteError(Exception):
    """The file cannot be written where asked; the message says why, in one line."""


def _describe(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def check_target(path: Path, *, replace: bool) -> None:
    """Refuse ``path`` unless it is free, or a regular file and ``replace`` is set."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FileWriteError(f"cannot write {inline(str(path))}: {_reason(exc)}") from exc
    if stat.S_ISDIR(mode):
        raise FileWriteError(f"{inline(str(path))} is a folder; give a file name")
    if not stat.S_ISREG(mode):
        raise FileWriteError(
            f"{inline(str(path))} is {_describe(mode)}, not a regular file; nothing was written"
        )
    if not replace:
        raise FileWriteError(
            f"{inline(str(path))} already exists; choose another name or replace it (--force)"
        )


def make_private_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each readable by the user only (0700)."""
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate):
            break
        missing.append(candidate)
    for created in reversed(missing):
        try:
            os.mkdir(created, 0o700)
        except FileExistsError:
            pass
        except OSError as exc:
            raise FileWriteError(
                f"cannot create the folder {inline(str(created))}: {_reason(exc)}"
            ) from exc
    if not folder.is_dir():
        raise FileWriteError(f"{inline(str(folder))} is not a folder")
    if not os.access(folder, os.W_OK):
        raise FileWriteError(f"cannot write in {inline(str(folder))}: permission denied")


@contextmanager
def replacing(path: Path, *, replace: bool = False) -> Iterator[Path]:
    """A new, empty, private temporary file beside ``path`` for the caller to fill; when the
    block ends it is flushed to disk and moved into place (see the module docstring). If the
    block raises, the temporary file is removed and ``path`` is untouched."""
    path = Path(path).expanduser()
    check_target(path, replace=replace)
    make_private_folders(path.parent)
    temp = _new_temp(path)
    try:
        yield temp
        _flush(temp)
        _move_into_place(temp, path, replace=replace)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _flush_folder(path.parent)


def write_private(path: Path, data: str | bytes, *, replace: bool = False) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` as :func:`replacing` does; returns the path."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with replacing(path, replace=replace) as temp:
        try:
            with open(temp, "wb") as handle:
                handle.write(payload)
        except OSError as exc:
            raise FileWriteError(
                f"cannot write {inline(str(path))}: {_reason(exc)}; nothing was replaced"
            ) from exc
    return Path(path).expanduser()


def _new_temp(path: Path) -> Path:
    for attempt in range(100):
        temp = path.with_name(f".{path.name}.{os.getpid()}.{attempt}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:
            continue
        except OSError as exc:
            raise FileWriteError(
                f"cannot write in {inline(str(path.parent))}: {_reason(exc)}"
            ) from exc
        os.close(fd)
        return temp
    raise FileWriteError(f"cannot write in {inline(str(path.parent))}: too many temporary files")


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _flush(temp: Path) -> None:
    try:
        fd = os.open(temp, os.O_RDWR | _NOFOLLOW)
    except OSError as exc:
        raise FileWriteError(f"cannot write {inline(str(temp))}: {_reason(exc)}") from exc
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        os.fsync(fd)
    except OSError as exc:
        raise FileWriteError(
            f"cannot write {inline(str(temp))}: {_reason(exc)}; nothing was replaced"
        ) from exc
    finally:
        os.close(fd)


def _move_into_place(temp: Path, path: Path, *, replace: bool) -> None:
    if replace:
        check_target(path, replace=True)  # a folder or device may have appeared meanwhile
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise FileWriteError(f"cannot replace {inline(str(path))}: {_reason(exc)}") from exc
        return
    try:
        os.link(temp, path, follow_symlinks=False)  # fails if anything took the name meanwhile
    except FileExistsError:
        check_target(path, replace=False)  # says what is there
        raise FileWriteError(f"{inline(str(path))} already exists") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise FileWriteError(f"cannot write {inline(str(path))}: {_reason(exc)}") from exc
        # A file system without hard links: check, then rename (a narrow race, but no link).
        check_target(path, replace=False)
        os.replace(temp, path)
        return
    os.unlink(temp)


def _flush_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform allows opening a folder)."""
    with suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EDQUOT:
        return "over the disk quota"
    return exc.strerror or str(exc)
