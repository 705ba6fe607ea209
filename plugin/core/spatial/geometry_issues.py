"""What to do with invalid, empty and NULL geometries before a spatial overlay, and what to tell the user.

Pure Python: plugin/gis/spatial/geometry_check.py finds the broken features and repairs them; this module
holds the policy (``repair``, ``skip``, ``stop``), the counts and the messages, so every overlay
algorithm reports broken geometry the same way. Features are named by their key (or ``fid <id>``).

Policies
- ``repair`` (default): an invalid (e.g. self-intersecting) polygon is repaired with makeValid and used;
  a NULL or empty geometry, or one that makeValid cannot turn into a polygon, is skipped (listed).
- ``skip``: every invalid, NULL or empty geometry is skipped (listed).
- ``stop``: any of them stops the run with a message naming the features.
A skipped district keeps its row in the output with NULL results and is left out of every total;
the log and the outputs say how many were left out.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Optional, Union

from ..errors import ComputationError
from ..i18n import tr, tr_noop

POLICIES = ("repair", "skip", "stop")
POLICY_LABELS = (
    tr_noop("Repair invalid geometries (makeValid); skip NULL and empty ones (listed in the log)"),
    tr_noop("Skip invalid, NULL and empty geometries (listed in the log)"),
    tr_noop("Stop and name the features with invalid, NULL or empty geometry"),
)
DEFAULT_POLICY = "repair"
MAX_LISTED = 10


def listing(labels: Iterable[object], limit: int = MAX_LISTED) -> str:
    """'a, b, c' of the first ``limit`` labels, with '… (n more)' when there are more."""
    texts = [str(v) for v in labels]
    shown = ", ".join(texts[:limit])
    if len(texts) > limit:
        shown += tr(" … ({n} more)").format(n=len(texts) - limit)
    return shown


@dataclass
class GeometryIssues:
    """Broken geometries of one layer, by label (key value or 'fid <id>'), after applying ``policy``.

    ``invalid``: GEOS-invalid geometries (self-intersections, …); ``repaired``: those of them repaired;
    ``unrepairable``: invalid ones makeValid could not turn into the layer's geometry type;
    ``empty``/``null``: empty and missing geometries; ``skipped``: every feature left out of the overlay."""

    layer: str
    policy: str
    n_features: int = 0
    invalid: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    unrepairable: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    null: list[str] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # every label in layer order (for listings)

    @property
    def skipped(self) -> list[str]:
        """Labels of the features left out of the overlay (in layer order when ``order`` is known)."""
        left = self.null + self.empty + self.unrepairable
        if self.policy == "skip":
            left = left + [v for v in self.invalid if v not in left]
        if self.order:
            rank = {label: i for i, label in enumerate(self.order)}
            left = sorted(left, key=lambda label: rank.get(label, len(rank)))
        return left

    @property
    def any(self) -> bool:
        """True when some geometry is invalid, empty or missing."""
        return bool(self.invalid or self.empty or self.null)

    def check(self) -> None:
        """Raise ComputationError naming the broken features when the policy is ``stop``."""
        if self.policy == "stop" and self.any:
            raise ComputationError(tr(
                "Layer '{layer}' has broken geometries: {parts}. Repair them (Vector › Geometry Tools › Fix "
                "Geometries), or set INVALID_GEOMETRY to repair or skip them.").format(
                layer=self.layer, parts="; ".join(self._parts())))

    def _parts(self) -> list[str]:
        parts = []
        for labels, text in ((self.invalid, tr("{n} invalid (e.g. self-intersecting): {keys}")),
                             (self.empty, tr("{n} empty: {keys}")),
                             (self.null, tr("{n} without geometry (NULL): {keys}"))):
            if labels:
                parts.append(text.format(n=len(labels), keys=listing(labels)))
        return parts

    def messages(self, what: Optional[str] = None) -> list[str]:
        """Log lines for the user ([] when every geometry was fine). ``what`` names what the skipped
        features get, e.g. tr("their counts are NULL")."""
        out: list[str] = []
        if not self.any:
            return out
        out.append(tr("Layer '{layer}': {n} of {total} features have broken geometries ({parts}).").format(
            layer=self.layer, n=len(self.invalid) + len(self.empty) + len(self.null), total=self.n_features,
            parts="; ".join(self._parts())))
        if self.repaired:
            out.append(tr("{n} invalid geometries were repaired with makeValid and used: {keys}. Check them "
                          "(Vector › Geometry Tools › Fix Geometries) if the numbers look wrong.").format(
                n=len(self.repaired), keys=listing(self.repaired)))
        if self.unrepairable:
            out.append(tr("{n} invalid geometries could not be repaired into a {kind}: {keys}.").format(
                n=len(self.unrepairable), kind=tr("geometry of the layer's type"), keys=listing(self.unrepairable)))
        skipped = self.skipped
        if skipped:
            line = tr("{n} features are skipped and left out of every total: {keys}.").format(
                n=len(skipped), keys=listing(skipped))
            if what:
                line += " " + what
            out.append(line)
        return out


def policy_from_index(index: Union[int, str]) -> str:
    """The policy name of an enum parameter value (0 = repair, 1 = skip, 2 = stop)."""
    if not 0 <= int(index) < len(POLICIES):
        raise ComputationError(tr("INVALID_GEOMETRY must be 0 (repair), 1 (skip) or 2 (stop), got {v}.").format(
            v=index))
    return POLICIES[int(index)]
