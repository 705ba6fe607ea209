"""The status x dynamics typology as a two-way grid (rows: status classes, columns: dynamics classes).

Rows and columns are ordered best first (as Berlin's MSS prints it: status hoch at the top,
dynamics positiv on the left). Cell codes follow the recipe's typology ``code`` template
(e.g. "{row_code}{col_code}" -> "2+/-"); colours come from ``palettes.TYPOLOGY_COLOURS``
(lightness by status, hue by dynamics) when the grid is 4 x 3, else from a ramp per column.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .palettes import DYNAMIK_PRESET, STATUS_PRESET, TYPOLOGY_COLOURS, ramp_colours

if TYPE_CHECKING:
    from ..recipe.indices import IndexSpec
    from ..recipe.load import Recipe


@dataclass
class TypologyGrid:
    title: str
    row_title: str
    col_title: str
    row_labels: list[str]
    col_labels: list[str]
    codes: list[list[str]]  # [row][col]
    colours: list[list[str]] = field(default_factory=list)

    def cells(self) -> list[tuple[str, str, str, int, int]]:
        """[(code, label, colour, row, col)] in reading order."""
        out = []
        for r, row_label in enumerate(self.row_labels):
            for c, col_label in enumerate(self.col_labels):
                label = f"{self.row_title} {row_label}, {self.col_title} {col_label}"
                out.append((self.codes[r][c], label, self.colours[r][c], r, c))
        return out


def _colours(n_rows: int, n_cols: int) -> list[list[str]]:
    if (n_rows, n_cols) == (4, 3):
        return [list(row) for row in TYPOLOGY_COLOURS]
    ramps = ["Blues", "Greys", "Oranges"] if n_cols == 3 else ["Blues"] * n_cols
    columns = [ramp_colours(ramps[c] if ramps[c] != "Greys" else "Purples", n_rows) for c in range(n_cols)]
    return [[columns[c][r] for c in range(n_cols)] for r in range(n_rows)]


def _best_first(spec: "IndexSpec") -> tuple[list[str], list[str]]:
    assert spec.classification is not None, "Typology.from_dict accepts only classified indices"
    labels = list(spec.classification.labels)
    codes = list(spec.classification.codes)
    if spec.higher_means == "better":
        labels.reverse()
        codes.reverse()
    return labels, codes


def _render(template: str, row_code: str, col_code: str) -> str:
    return template.replace("{row_code}", row_code).replace("{col_code}", col_code)


def grid_from_recipe(recipe: Optional["Recipe"], typology_id: str) -> Optional[TypologyGrid]:
    """The grid of the recipe's typology ``typology_id``; None if the recipe has no such typology."""
    if recipe is None:
        return None
    for typ in recipe.typologies:
        if typ.id != typology_id:
            continue
        rows, cols = recipe.index(typ.rows), recipe.index(typ.columns)
        row_labels, row_codes = _best_first(rows)
        col_labels, col_codes = _best_first(cols)
        codes = [[_render(typ.code, rc, cc) for cc in col_codes] for rc in row_codes]
        return TypologyGrid(title=typ.label or typ.id, row_title=_short(rows.label or rows.id),
                            col_title=_short(cols.label or cols.id), row_labels=row_labels,
                            col_labels=col_labels, codes=codes, colours=_colours(len(row_labels), len(col_labels)))
    return None


def _short(label: str) -> str:
    """'Status-Index' -> 'Status' (the grid has little room)."""
    return label[:-len("-Index")] if label.endswith("-Index") else label


def default_mss_grid() -> TypologyGrid:
    """Berlin MSS coding without a recipe: status 1..4 (hoch..sehr niedrig) x dynamics +, +/-, -."""
    row_codes = ["1", "2", "3", "4"]
    col_codes = ["+", "+/-", "-"]
    return TypologyGrid(title="Status-Dynamik-Index", row_title="Status", col_title="Dynamik",
                        row_labels=list(STATUS_PRESET["labels"]), col_labels=list(DYNAMIK_PRESET["labels"]),
                        codes=[[r + c for c in col_codes] for r in row_codes], colours=_colours(4, 3))


def grid_for_field(recipe: Optional["Recipe"], field_name: str, values: Iterable[object]
                   ) -> Optional[TypologyGrid]:
    """The grid for a typology field: from the recipe, else the MSS default if every value fits it."""
    grid = grid_from_recipe(recipe, field_name)
    if grid is not None:
        return grid
    default = default_mss_grid()
    known = {code for row in default.codes for code in row}
    present = {str(v) for v in values if v is not None and v == v}
    if present and present <= known:
        return default
    return None
