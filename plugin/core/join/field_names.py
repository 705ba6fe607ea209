"""Field names a join adds to a layer: safe for GeoPackage and expressions, unique against the layer's fields.

Pure Python (pandas); used by the join and by the spatial overlays that add count fields.
"""
import re
import unicodedata
from collections.abc import Collection, Sequence

import pandas as pd

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
                           "%": "pct"})


def sanitise_field_names(names: Sequence[str], taken: Collection[str] = (), max_length: int = 63) -> dict[str, str]:
    """Field names safe for GeoPackage/expressions: ASCII letters, digits and '_', not starting with a digit,
    unique ignoring case (also against ``taken``, the layer's fields). Returns {original: sanitised}.

    Umlauts are transliterated (ä -> ae, ß -> ss), '%' becomes 'pct'; the original header stays
    available as the field alias.
    """
    used = {str(t).lower() for t in taken}
    out = {}
    for name in names:
        text = str(name).translate(_TRANSLIT)
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        text = re.sub(r"[^A-Za-z0-9_]+", "_", text).strip("_")
        text = re.sub(r"_+", "_", text) or "column"
        if text[0].isdigit():
            text = "v_" + text
        text = text[:max_length]
        candidate, k = text, 2
        while candidate.lower() in used:
            suffix = f"_{k}"
            candidate, k = text[: max_length - len(suffix)] + suffix, k + 1
        used.add(candidate.lower())
        out[name] = candidate
    return out


def rename_collisions(joined: pd.DataFrame, district_columns: Sequence[str],
                      suffix: str = "table") -> tuple[pd.DataFrame, dict[str, str]]:
    """``joined`` with every column whose name (ignoring case) is already a district column renamed to
    ``<name>_<suffix>`` (``_<suffix>2`` … if that is taken too); also returns {old: new}."""
    taken = {str(c).lower() for c in district_columns}
    renamed: dict[str, str] = {}
    for col in joined.columns:
        if str(col).lower() in taken:
            new, k = f"{col}_{suffix}", 2
            while new.lower() in taken:
                new, k = f"{col}_{suffix}{k}", k + 1
            renamed[col] = new
            taken.add(new.lower())
    return (joined.rename(columns=renamed) if renamed else joined), renamed
