"""Predictable file names and year groups for batch exports (pure Python).

File names: ``<nn>_<field>.pdf`` (nn = position, two digits), with the field name reduced to
lowercase ASCII letters, digits and '_' (ä -> ae, ß -> ss), so sorting the folder gives the order
of the maps. Year groups: fields that differ only by a four-digit year (``S1_2019``, ``S1_2021``)
form one group and share pooled class breaks, so their maps are comparable.
"""
import re
from collections.abc import Iterable
from typing import Optional

_YEAR = re.compile(r"(?:^|_)((?:19|20)\d{2})(?=_|$)")
_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}


def slug(text: str) -> str:
    """``text`` as lowercase ASCII letters, digits and '_' (umlauts spelt out); 'karte' when nothing is left."""
    for k, v in _UMLAUTS.items():
        text = text.replace(k, v)
    text = re.sub(r"[^A-Za-z0-9_]+", "_", text).strip("_").lower()
    return text or "karte"


def map_file_name(position: int, field: str, suffix: str = ".pdf") -> str:
    """'01_status_class.pdf' for position 1 (1-based)."""
    return f"{position:02d}_{slug(field)}{suffix}"


def year_of(field: str) -> Optional[str]:
    """The four-digit year in a field name, or None."""
    m = _YEAR.search(field)
    return m.group(1) if m else None


def year_group(field: str) -> str:
    """Field name without its year: 'S1_2019' -> 'S1'; fields without a year are their own group."""
    return _YEAR.sub("", field).strip("_") or field


def groups(fields: Iterable[str]) -> dict[str, list[str]]:
    """{group: [fields]} preserving the order of ``fields``."""
    out: dict[str, list[str]] = {}
    for f in fields:
        out.setdefault(year_group(f), []).append(f)
    return out
