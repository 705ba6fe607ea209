"""Files are written completely or not at all, and checked before any work that they can be written.

Every writer of the plugin (reports, diagnostics, recipes, workbooks, maps, projects) goes through
``atomic_path``: the content goes to a temporary file in the target's folder, which replaces the
target only when it is complete, so a failed or cancelled run leaves the old file (or none), never
half a file. ``check_writable`` is called by the algorithms before the slow part of a run, so that a
report in a missing folder fails at once and not after the output layer was written.
"""
import errno
import hashlib
import os
import re
import shutil
import socket
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Union

from ..errors import ExportError, SozialmonitorError
from ..i18n import tr

if TYPE_CHECKING:
    import pandas as pd

#: a file path as the writers accept it (text or pathlib.Path)
StrPath = Union[str, "os.PathLike[str]"]
#: the exception class a caller wants for a failed write (ExportError, RecipeError, …)
ErrorClass = type[SozialmonitorError]


def cannot_write(path: StrPath, reason: object, error: ErrorClass = ExportError) -> SozialmonitorError:
    """The one message for a file that cannot be written, naming it and saying what to do."""
    return error(tr("Cannot write {path}: {reason}. Choose another folder.").format(path=path, reason=reason))


#: the longest line a message shows (issue 13: GDAL error lines of 84,000 characters); see ``cap_message``
MAX_LINE = 300
#: how many items of a long list a message or log shows; the report file has all
MAX_ITEMS = 10


def cap_message(text: object, width: int = MAX_LINE, max_lines: int = MAX_ITEMS) -> str:
    """``text`` with every line cut to ``width`` characters (ending in '…') and at most ``max_lines`` lines
    (then a line '… (n more lines)'). The one place that keeps messages readable."""
    lines = str(text).splitlines() or [""]
    out = [line if len(line) <= width else line[:width - 1] + "…" for line in lines[:max_lines]]
    if len(lines) > max_lines:
        out.append(tr("… ({n} more lines)").format(n=len(lines) - max_lines))
    return "\n".join(out)


def cap_list(items: Iterable[object], limit: int = MAX_ITEMS) -> str:
    """The first ``limit`` of ``items`` joined with ', ', plus '… (n more)' when there are more."""
    texts = [str(item) for item in items]
    text = ", ".join(texts[:limit])
    if len(texts) > limit:
        text += " " + tr("… ({n} more)").format(n=len(texts) - limit)
    return text


def free_space(path: StrPath) -> Optional[int]:
    """Free bytes on the file system of ``path`` (or of its nearest existing folder); None if unknown."""
    folder = Path(os.fspath(path)).absolute()
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        return shutil.disk_usage(str(folder)).free
    except OSError:
        return None


def human_size(n: float) -> str:
    """``n`` bytes as '12.3 MB' (decimal units, as file managers show them)."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if abs(n) < 1000 or unit == "GB":
            return ("{:.0f} {}" if unit == "bytes" else "{:.1f} {}").format(n, unit)
        n /= 1000.0
    return f"{n:.1f} TB"


def write_failure(path: StrPath, reason: object, needed: Optional[int] = None,
                  error: ErrorClass = ExportError) -> SozialmonitorError:
    """The message for a write that failed: ``cannot_write``, and for a full disk how much was free (and needed)."""
    text = str(reason)
    full = isinstance(reason, OSError) and reason.errno == errno.ENOSPC or re.search(
        r"disk (is )?full|no space left|SQLITE_FULL|database or disk is full", text, re.IGNORECASE)
    if isinstance(reason, OSError):
        text = reason.strerror or str(reason)
    text = cap_message(text, max_lines=1)
    free = free_space(path)
    if needed and free is not None and free < needed:
        full = True  # SQLite/GDAL often report what failed next (a trigger, a table), not the full disk
    if full:
        text = tr("the disk is full ({free} free").format(free=human_size(free or 0))
        text += tr(", about {needed} needed)").format(needed=human_size(needed)) if needed else ")"
    return cannot_write(path, text, error)


def check_complete(path: StrPath, error: ErrorClass = ExportError, target: Optional[StrPath] = None) -> None:
    """Raise ``error`` unless the file ``path`` just written is complete: not empty, and a PDF ends with
    %%EOF (a full disk leaves QGIS's PDF writer 'successful' with 0 bytes). ``target``: the name for the
    message (the destination a temporary ``path`` replaces)."""
    path = os.fspath(path)
    target = os.fspath(target or path)
    size = os.path.getsize(path) if os.path.isfile(path) else 0
    if size == 0:
        raise write_failure(target, tr("the written file is empty ({free} free on the disk)").format(
            free=human_size(free_space(path) or 0)), error=error)
    if path.lower().endswith(".pdf"):
        with open(path, "rb") as handle:
            handle.seek(max(0, size - 1024))
            if b"%%EOF" not in handle.read():
                raise write_failure(target, tr("the PDF is incomplete ({size} written, {free} free on the disk)")
                                    .format(size=human_size(size), free=human_size(free_space(path) or 0)),
                                    error=error)


# ------------------------------------------------------------------ staging next to a target
# Everything a run writes next to a target before it is complete is named
#   .sozialmonitor-<host>-<pid>-<random>[...]
# so that the next run can tell what a killed run left (its process is gone) from what a running one is
# still writing. Names without host and pid come from older versions.
STAGING_PREFIX = ".sozialmonitor-"
_HOST = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_STARTED = time.time()
_ACTIVE: set[str] = set()  # staging paths of this process still in use (QGIS runs algorithms in threads)
_LOCK = threading.Lock()
_STAGING_RE = re.compile(r"^\.sozialmonitor-(?:(?P<host>[0-9a-f]{8})-(?P<pid>\d+)-)?[A-Za-z0-9_]+")


def staging_name(pid: Optional[int] = None) -> str:
    """A fresh staging name (no folder) of this host and process (``pid`` only for tests)."""
    return f"{STAGING_PREFIX}{_HOST}-{os.getpid() if pid is None else pid}-{uuid.uuid4().hex[:10]}"


@contextmanager
def staging_folder(target: StrPath) -> Iterator[str]:
    """A new hidden folder next to ``target`` (same file system, so the result can be moved in place),
    removed when the block ends. Stale staging of killed runs in that folder is swept first."""
    folder = Path(os.fspath(target)).absolute().parent
    sweep_stale(folder)
    path = folder / staging_name()
    with _LOCK:
        _ACTIVE.add(str(path))
    try:
        path.mkdir()
        yield str(path)
    finally:
        shutil.rmtree(str(path), ignore_errors=True)
        with _LOCK:
            _ACTIVE.discard(str(path))


def register_active(path: StrPath) -> None:
    """Mark ``path`` (a staging file of this process) as in use, so that ``sweep_stale`` keeps it."""
    with _LOCK:
        _ACTIVE.add(str(path))


def unregister_active(path: StrPath) -> None:
    """Undo ``register_active``: ``sweep_stale`` may remove ``path`` again."""
    with _LOCK:
        _ACTIVE.discard(str(path))


def pid_alive(pid: int) -> bool:
    """True when a process ``pid`` runs on this machine (never signals it)."""
    if pid <= 0:
        return False
    if sys.platform.startswith("win"):
        import ctypes  # os.kill(pid, 0) would terminate the process on Windows

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def owner_gone(host: str, pid: int, active: bool = False) -> bool:
    """True when the process ``pid`` on the host tagged ``host`` (see ``staging_name``) can no longer be
    writing: it is this process and ``active`` is false, or a process of this host that is gone. Another
    host's process is never judged (a shared folder or database)."""
    if host != _HOST:
        return False
    if pid == os.getpid():
        return not active
    return not pid_alive(pid)


def host_tag() -> str:
    """The short tag of this machine used in staging and temporary table names."""
    return _HOST


def is_stale(name: str, mtime: float, pid_alive: Callable[[int], bool] = pid_alive) -> bool:
    """True when the staging entry ``name`` (see ``staging_name``) was left by a run that is over: its process
    on this host is gone (or is this process, which no longer uses it); an old-style name when it is older
    than this process. Entries of other hosts are kept (a shared folder)."""
    match = _STAGING_RE.match(name)
    if not match:
        return False
    if match.group("pid") is None:
        return mtime < _STARTED
    if match.group("host") != _HOST:
        return False
    pid = int(match.group("pid"))
    if pid == os.getpid():
        return True  # callers skip the entries in _ACTIVE
    return not pid_alive(pid)


def sweep_stale(folder: StrPath, log: Optional[Callable[[str], object]] = None) -> list[str]:
    """Remove the staging folders and files that killed runs left in ``folder``; returns their names."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(os.fspath(folder)))
    except OSError:
        return removed
    with _LOCK:
        active = set(_ACTIVE)
    for entry in entries:
        if not entry.name.startswith(STAGING_PREFIX) or \
                any(entry.path.startswith(a) or a.startswith(entry.path + os.sep) for a in active):
            continue
        try:
            stale = is_stale(entry.name, entry.stat(follow_symlinks=False).st_mtime)
            if not stale:
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.remove(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    if removed and log is not None:
        log(tr("Removed what an interrupted earlier run left in {folder}: {names}").format(
            folder=folder, names=cap_list(removed)))
    return removed


def check_writable(path: Optional[StrPath], create_folders: bool = False, error: ErrorClass = ExportError) -> None:
    """Raise ``error`` naming ``path`` unless a file can be created there; leaves nothing behind.

    ``create_folders``: missing folders on the way are fine (the writer creates them); otherwise the
    folder must exist. An empty ``path`` is accepted (an optional output that was not asked for).
    """
    if not path:
        return
    path = Path(os.fspath(path))
    if path.is_dir():
        raise cannot_write(path, tr("it is a folder"), error)
    folder = path.absolute().parent
    if not folder.exists():
        if not create_folders:
            raise cannot_write(path, tr("the folder {folder} does not exist").format(folder=folder), error)
        while not folder.exists() and folder.parent != folder:
            folder = folder.parent
    if not folder.is_dir():
        raise cannot_write(path, tr("{path} is a file, not a folder").format(path=folder), error)
    try:
        handle, probe = tempfile.mkstemp(prefix=".sozialmonitor-probe-", dir=str(folder))
        os.close(handle)
        os.remove(probe)
    except OSError as err:
        raise cannot_write(path, err.strerror or str(err), error) from None


@contextmanager
def atomic_path(path: StrPath, create_folders: bool = False, error: ErrorClass = ExportError) -> Iterator[str]:
    """Yield a temporary path next to ``path``; when the block ends normally it replaces ``path``.

    The temporary file does not exist when the block starts (some writers, e.g. QGIS's layout
    exporter, refuse to write over a file) and keeps the target's suffix (writers pick the format from
    it). It gets the permissions of a normally created file (mkstemp would leave 0600). Any failure
    removes it; an OSError becomes ``error`` naming ``path``.
    """
    path = Path(os.fspath(path))
    tmp = staged = None
    try:
        if create_folders:
            path.absolute().parent.mkdir(parents=True, exist_ok=True)
        sweep_stale(path.absolute().parent)
        tmp = staged = str(path.absolute().parent / (staging_name() + path.suffix))
        register_active(staged)
        yield tmp
        if os.path.exists(tmp):
            os.chmod(tmp, 0o666 & ~_umask())
            check_complete(tmp, error, target=path)
        os.replace(tmp, str(path))
        tmp = None
    except OSError as err:
        raise write_failure(path, err, error=error) from None
    except Exception as err:  # a writer's own error (e.g. pandas' OSError wrapped): say "disk full" if it is
        if tmp is not None and re.search(r"No space left|disk (is )?full", str(err), re.IGNORECASE):
            raise write_failure(path, OSError(errno.ENOSPC, str(err)), error=error) from None
        raise
    finally:
        if staged is not None:
            unregister_active(staged)
        if tmp is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                if os.path.exists(tmp + suffix):
                    os.remove(tmp + suffix)


def write_csv(frame: "pd.DataFrame", path: StrPath, sep: str = ";", encoding: str = "utf-8-sig") -> str:
    """Write a DataFrame as CSV through ``atomic_path``; the default opens in German Excel
    (semicolons, UTF-8 with BOM). Returns ``path`` as a string."""
    with atomic_path(path) as tmp:
        frame.to_csv(tmp, sep=sep, index=False, encoding=encoding)
    return os.fspath(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
