"""Outputs never touch inputs: one check of every file a run reads against every file it writes.

A path is compared as the operating system resolves it: relative to the working folder, through
symbolic links, and for an existing file by identity (device and inode, so hard links and a
case-insensitive file system are caught where, and only where, the file system is one). Two outputs
that do not exist yet are the same when their resolved paths are equal, ignoring case only on a
file system that ignores it. Pure Python (the Processing base class collects the paths).
"""
import os
import uuid
from collections.abc import Iterable
from typing import Optional

from ..errors import ExportError
from ..i18n import tr
from .atomic import StrPath


def resolve(path: StrPath) -> str:
    """``path`` absolute, with symbolic links (also of missing parents) resolved."""
    return os.path.realpath(os.path.abspath(os.path.expanduser(os.fspath(path))))


def _case_insensitive(folder: str) -> bool:
    """True when the existing ``folder``'s file system ignores case (probed with a file of our own)."""
    name = f".sozialmonitor-case-x{uuid.uuid4().hex[:8]}"
    probe = os.path.join(folder, name)
    try:
        with open(probe, "w"):
            pass
    except OSError:
        return os.path.normcase("A") == "a"  # cannot probe: the platform's convention
    try:
        return os.path.exists(os.path.join(folder, name.upper()))
    finally:
        os.remove(probe)


def same_file(a: StrPath, b: StrPath) -> bool:
    """True when the paths ``a`` and ``b`` name the same file (see the module docstring)."""
    ra, rb = resolve(a), resolve(b)
    if ra == rb:
        return True
    if os.path.exists(ra) and os.path.exists(rb):
        try:
            return os.path.samefile(ra, rb)
        except OSError:
            return False
    if os.path.exists(ra) != os.path.exists(rb):
        return False  # one exists, the other not: on any file system two different files
    if ra.lower() != rb.lower():
        return False
    folder = os.path.dirname(ra)
    return os.path.isdir(folder) and _case_insensitive(folder)


def check_outputs(inputs: Iterable[tuple[str, Optional[StrPath]]],
                  outputs: Iterable[tuple[str, Optional[StrPath]]]) -> None:
    """Raise ExportError when an output is an input or another output of the same run.

    ``inputs`` and ``outputs``: [(parameter name, file path)], paths may be relative or links; empty paths
    are skipped. The message names both parameters and the path, so the user knows which one to change.
    """
    written = [(name, path) for name, path in outputs if path]
    read = [(name, path) for name, path in inputs if path]
    for i, (out_name, out_path) in enumerate(written):
        for in_name, in_path in read:
            if same_file(out_path, in_path):
                raise ExportError(tr(
                    "{out} would overwrite the input {inp} ({path}). A result is never written into a file the "
                    "run reads: choose another file for {out}.").format(out=out_name, inp=in_name,
                                                                       path=resolve(in_path)))
        for other_name, other_path in written[:i]:
            if same_file(out_path, other_path):
                raise ExportError(tr(
                    "{a} and {b} are the same file ({path}): one would overwrite the other. Choose two different "
                    "files.").format(a=other_name, b=out_name, path=resolve(out_path)))
