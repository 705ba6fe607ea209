"""Files are written completely or not at all, and checked before any work that they can be written.

Every writer of the plugin (reports, diagnostics, recipes, workbooks, maps, projects) goes through
``atomic_path``: the content goes to a temporary file in the target's folder, which replaces the
target only when it is complete, so a failed or cancelled run leaves the old file (or none), never
half a file. ``check_writable`` is called by the algorithms before the slow part of a run, so that a
report in a missing folder fails at once and not after the output layer was written.
"""
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import ExportError
from .i18n import tr


def cannot_write(path, reason, error=ExportError):
    """The one message for a file that cannot be written, naming it and saying what to do."""
    return error(tr("Cannot write {path}: {reason}. Choose another folder.").format(path=path, reason=reason))


def check_writable(path, create_folders=False, error=ExportError):
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
def atomic_path(path, create_folders=False, error=ExportError):
    """Yield a temporary path next to ``path``; when the block ends normally it replaces ``path``.

    The temporary file does not exist when the block starts (some writers, e.g. QGIS's layout
    exporter, refuse to write over a file) and keeps the target's suffix (writers pick the format from
    it). It gets the permissions of a normally created file (mkstemp would leave 0600). Any failure
    removes it; an OSError becomes ``error`` naming ``path``.
    """
    path = Path(os.fspath(path))
    tmp = None
    try:
        if create_folders:
            path.absolute().parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=".{}.".format(path.stem), suffix=path.suffix,
                                       dir=str(path.absolute().parent))
        os.close(handle)
        os.remove(tmp)
        yield tmp
        if os.path.exists(tmp):
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, str(path))
        tmp = None
    except OSError as err:
        raise cannot_write(path, err.strerror or str(err), error) from None
    finally:
        if tmp is not None:
            for suffix in ("", "-journal", "-wal", "-shm"):
                if os.path.exists(tmp + suffix):
                    os.remove(tmp + suffix)


def write_csv(frame, path, sep=";", encoding="utf-8-sig"):
    """Write a DataFrame as CSV through ``atomic_path``; the default opens in German Excel
    (semicolons, UTF-8 with BOM). Returns ``path`` as a string."""
    with atomic_path(path) as tmp:
        frame.to_csv(tmp, sep=sep, index=False, encoding=encoding)
    return os.fspath(path)


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
