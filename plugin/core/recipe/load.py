"""The index recipe: load/save as JSON (``"format": "sozialmonitor-recipe", "version": 1``) and validate.

Usage::

    recipe = Recipe.from_file("resources/recipes/berlin_mss_2021.json")
    recipe.validate(df.columns)          # RecipeError naming the entry if a field is missing
    text = recipe.to_json()              # e.g. to store in the QGIS project
    Recipe.from_json(text).save(path)    # atomic write

The data classes live in model.py and indices.py; the format is documented in docs/recipe-format.md.
"""
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import RecipeError
from ..i18n import tr
from ..outputs.atomic import StrPath, atomic_path
from .indices import IndexSpec, Typology, check_hierarchy
from .model import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Indicator,
    Metadata,
    Normalisation,
    ReferenceRules,
    Treatment,
)
from .strict_reading import MAX_DEPTH, MAX_FILE_BYTES, EntryReader, check_shape, entry_error, short_repr
from .uncertainty import UncertaintySpec

__all__ = ["Recipe", "RecipeError", "FORMAT_NAME", "FORMAT_VERSION"]


@dataclass
class Recipe:
    metadata: Metadata = field(default_factory=Metadata)
    indicators: list[Indicator] = field(default_factory=list)
    treatment: Treatment = field(default_factory=Treatment)
    reference: ReferenceRules = field(default_factory=ReferenceRules)
    normalisation: Normalisation = field(default_factory=Normalisation)
    indices: list[IndexSpec] = field(default_factory=list)
    typologies: list[Typology] = field(default_factory=list)
    source_path: str = ""
    uncertainty: Optional[UncertaintySpec] = None  # optional section, see recipe/uncertainty.py

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: object, source_path: StrPath = "") -> "Recipe":
        """Build a recipe from a dict as read from JSON; raises RecipeError naming the entry."""
        where = str(source_path) if source_path else tr("recipe")
        if not isinstance(data, dict):
            raise RecipeError(tr("{where} is not a Sozialmonitor recipe: expected an object {{...}} with \"format\": "
                                 "\"{name}\", got {got}.").format(where=where, name=FORMAT_NAME,
                                                                 got=type(data).__name__))
        check_shape(data)
        r = EntryReader(data, where)
        fmt = r.get("format", None, str)
        if fmt != FORMAT_NAME:
            raise RecipeError(tr("{where} is not a Sozialmonitor recipe: expected \"format\": \"{name}\", "
                                 "got {got}.").format(where=where, name=FORMAT_NAME, got=short_repr(fmt)))
        version = r.get("version", None, int, required=True)
        if version != FORMAT_VERSION:
            raise RecipeError(tr("{where}: recipe version {v} is not supported by this plugin version "
                                 "(supports {ok}). Update the plugin or convert the recipe.").format(
                                     where=where, v=version, ok=FORMAT_VERSION))
        indicators: list[Indicator] = []
        for i, d in enumerate(r.get("indicators", [], list)):
            indicators.append(Indicator.from_dict(d, f"indicators[{i}]"))
        if not indicators:
            raise entry_error("indicators", tr("the recipe lists no indicators."))
        _unique([i.id for i in indicators], "indicators", "indicator id")
        indices = [IndexSpec.from_dict(d, f"indices[{i}]", indicators)
                   for i, d in enumerate(r.get("indices", [], list))]
        if not indices:
            raise entry_error("indices", tr("the recipe defines no index."))
        _unique([i.id for i in indices], "indices", "index id")
        check_hierarchy(indices)
        typologies = [Typology.from_dict(d, f"typologies[{i}]", indices)
                      for i, d in enumerate(r.get("typologies", [], list))]
        recipe = cls(metadata=Metadata.from_dict(r.get("metadata", {}, dict)), indicators=indicators,
                     treatment=Treatment.from_dict(r.get("treatment", {}, dict)),
                     reference=ReferenceRules.from_dict(r.get("reference", {}, dict)),
                     normalisation=Normalisation.from_dict(r.get("normalisation", {}, dict)),
                     indices=indices, typologies=typologies, source_path=str(source_path),
                     uncertainty=UncertaintySpec.from_dict(r.get("uncertainty", None, dict), indices, indicators))
        r.done()
        recipe._check_consistency()
        return recipe

    @classmethod
    def from_json(cls, text: object, source_path: StrPath = "") -> "Recipe":
        """Parse recipe JSON text (a leading byte-order mark is allowed); RecipeError for anything else."""
        where = source_path or tr("The recipe")
        if not isinstance(text, str):
            raise RecipeError(tr("{where} is not text.").format(where=where))
        if len(text) > MAX_FILE_BYTES:
            raise RecipeError(tr("{where} is {mb:.0f} MB long; a recipe may have at most {max:.0f} MB. Is it the "
                                 "right file?").format(where=where, mb=len(text) / 1e6, max=MAX_FILE_BYTES / 1e6))
        text = text.lstrip("\ufeff")
        try:
            data = json.loads(text)
        except RecursionError:
            raise RecipeError(tr("{where} is nested far too deeply (brackets inside brackets); a recipe needs at "
                                 "most {m} levels. Check the file.").format(where=where, m=MAX_DEPTH)) from None
        except ValueError as err:
            raise RecipeError(tr("{where} is not valid JSON: {err}.").format(where=where,
                                                                             err=str(err)[:200])) from None
        return cls.from_dict(data, source_path)

    @classmethod
    def from_file(cls, path: StrPath) -> "Recipe":
        """Read a recipe file (UTF-8 JSON, at most MAX_FILE_BYTES); RecipeError naming the file otherwise."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise RecipeError(tr("The recipe file {path} is {mb:.0f} MB long; a recipe may have at most {max:.0f} "
                                     "MB. Is it the right file?").format(path=path, mb=size / 1e6,
                                                                         max=MAX_FILE_BYTES / 1e6))
            text = path.read_text(encoding="utf-8-sig")
        except OSError as err:
            raise RecipeError(tr("Cannot read the recipe file {path}: {err}.").format(path=path, err=err)) from None
        except UnicodeDecodeError:
            raise RecipeError(tr("The recipe file {path} is not UTF-8 text.").format(path=path)) from None
        return cls.from_json(text, str(path))

    # ---- serialisation ------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "metadata": self.metadata.to_dict(),
                "treatment": self.treatment.to_dict(), "reference": self.reference.to_dict(),
                "normalisation": self.normalisation.to_dict(),
                "indicators": [i.to_dict() for i in self.indicators],
                "indices": [i.to_dict() for i in self.indices],
                "typologies": [t.to_dict() for t in self.typologies],
                **({"uncertainty": self.uncertainty.to_dict()} if self.uncertainty else {})}

    def to_json(self, indent: Optional[int] = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def save(self, path: StrPath) -> None:
        """Write the recipe as UTF-8 JSON; the file is complete or untouched (core/files.atomic_path)."""
        text = self.to_json() + "\n"
        with atomic_path(path, error=RecipeError) as tmp:
            Path(tmp).write_text(text, encoding="utf-8")

    # ---- look-ups -----------------------------------------------------------------------
    def indicator(self, ind_id: str) -> Indicator:
        """The indicator with id ``ind_id``; KeyError when there is none."""
        for ind in self.indicators:
            if ind.id == ind_id:
                return ind
        raise KeyError(ind_id)

    def index(self, index_id: str) -> IndexSpec:
        """The index with id ``index_id``; KeyError when there is none."""
        for spec in self.indices:
            if spec.id == index_id:
                return spec
        raise KeyError(index_id)

    def required_fields(self) -> list[str]:
        """Input fields the recipe reads, in a stable order (key, name, population, indicators, group)."""
        names: list[str] = []
        m = self.metadata
        for name in [m.key_field, m.name_field, m.population_field] + [i.field for i in self.indicators] + [
                self.treatment.impute_group_field]:
            if name and name not in names:
                names.append(name)
        return names

    def needs_population(self) -> bool:
        """True when a reference rule or the normalisation reads the population field."""
        return self.reference.min_population is not None or self.normalisation.weighted

    def without_indicator(self, ind_id: str) -> Optional["Recipe"]:
        """A copy of the recipe without one indicator (for the drop-one sensitivity check).

        Returns None if an index would be left without indicators.
        """
        data = self.to_dict()
        data.pop("uncertainty", None)  # its choices may name the dropped indicator
        data["indicators"] = [d for d in data["indicators"] if d["id"] != ind_id]
        for idx in data["indices"]:
            idx["indicators"] = [i for i in idx["indicators"] if i != ind_id]
            idx.get("weights", {}).pop(ind_id, None)
            if not idx["indicators"] and not idx.get("sub_indices"):
                return None
        return Recipe.from_dict(data, self.source_path)

    def computing_order(self) -> list[IndexSpec]:
        """The indices with every sub-index before the indices built from it (else in recipe order)."""
        return check_hierarchy(self.indices)

    def indicators_of(self, index_id: str) -> list[str]:
        """Ids of all indicators that enter an index, through its sub-indices at any depth."""
        spec = self.index(index_id)
        out = list(spec.indicators)
        for sub in spec.sub_indices:
            out += [i for i in self.indicators_of(sub) if i not in out]
        return out

    # ---- validation ---------------------------------------------------------------------
    def _check_consistency(self) -> None:
        m = self.metadata
        if self.reference.exclude_keys and not m.key_field:
            raise entry_error("reference.exclude_keys", tr("excluding districts by key needs metadata.key_field."))
        if self.needs_population() and not m.population_field:
            raise entry_error("reference.min_population",
                       tr("a minimum population or population weighting needs metadata.population_field."))
        outputs: dict[str, str] = {}
        for name, entry in self._output_names():
            low = name.lower()
            if low in outputs:
                raise entry_error(entry, tr("its output field '{name}' collides with {other}; rename one of the ids."),
                           name=name, other=outputs[low])
            outputs[low] = entry

    def _output_names(self) -> list[tuple[str, str]]:
        from ..index.output_fields import output_field_names

        return output_field_names(self)

    def validate(self, columns: Iterable[object]) -> None:
        """Check that every field the recipe reads exists in ``columns``; raise RecipeError naming the entry."""
        cols = [str(c) for c in columns]
        lower = {c.lower(): c for c in cols}

        def check(name: Optional[str], entry: str) -> None:
            if not name or name in cols:
                return
            hint = ""
            if name.lower() in lower:
                hint = tr(" (did you mean '{c}'? Field names are case-sensitive)").format(c=lower[name.lower()])
            raise entry_error(entry, tr("unknown field '{name}'{hint}. The table has: {cols}."),
                       name=name, hint=hint, cols=", ".join(cols))

        m = self.metadata
        check(m.key_field, "metadata.key_field")
        check(m.name_field, "metadata.name_field")
        if self.needs_population():
            check(m.population_field, "metadata.population_field")
        for i, ind in enumerate(self.indicators):
            check(ind.field, f"indicators[{i}] (id '{ind.id}')")
        if self.treatment.impute_group_field:
            check(self.treatment.impute_group_field, "treatment.impute_group_field")
        for i, ind in enumerate(self.indicators):
            if (ind.impute or self.treatment.impute) == "group_mean" and not self.treatment.impute_group_field:
                raise entry_error(f"indicators[{i}] (id '{ind.id}')",
                           tr("impute 'group_mean' needs treatment.impute_group_field."))


def _unique(ids: list[str], where: str, what: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise entry_error(where, tr("the {what} '{id}' appears twice; ids must be unique."), what=what, id=i)
        seen.add(i)
