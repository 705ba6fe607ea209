"""Spatial weights as a small sparse matrix in pure numpy (no scipy, no PySAL).

``SpatialWeights`` holds an n x n weights matrix W in compressed sparse row form: for row i
(an observation, e.g. a district) ``indices[indptr[i]:indptr[i+1]]`` are the positions of its
neighbours j (ascending) and ``data[...]`` the weights w_ij. The neighbour lists themselves are
found in plugin/gis (contiguity with a spatial index, k nearest neighbours); this module only
holds and transforms them.

Conventions:
- positions 0..n-1 follow the order of ``ids`` (feature ids or keys, for reporting only);
- binary weights: w_ij = 1 for a neighbour; row-standardised: w_ij = 1 / k_i (k_i neighbours of i);
- an *island* is a row without neighbours; its row stays empty (all w_ij = 0) in every transform;
- W need not be symmetric (k nearest neighbours are not).
"""
from collections.abc import Iterable
from typing import Optional

import numpy as np
import numpy.typing as npt


class SpatialWeights:
    """Sparse spatial weights W (CSR arrays ``indptr``, ``indices``, ``data``) over n observations."""

    def __init__(self, indptr: npt.ArrayLike, indices: npt.ArrayLike, data: npt.ArrayLike,
                 ids: Optional[Iterable[object]] = None, transform: str = "binary") -> None:
        self.indptr = np.asarray(indptr, dtype=np.int64)
        self.indices = np.asarray(indices, dtype=np.int64)
        self.data = np.asarray(data, dtype=float)
        self.n = len(self.indptr) - 1
        self.ids: list[object] = list(range(self.n)) if ids is None else list(ids)
        self.transform = transform
        if len(self.ids) != self.n:
            raise ValueError(f"ids has {len(self.ids)} entries for {self.n} rows")

    # ---- construction --------------------------------------------------------------------
    @classmethod
    def from_neighbours(cls, neighbours: Iterable[Iterable[int]],
                        ids: Optional[Iterable[object]] = None) -> "SpatialWeights":
        """Binary weights from neighbour lists: ``neighbours[i]`` = positions of i's neighbours.

        Duplicates and self-references are dropped; each row is sorted ascending (the order
        scipy.sparse uses, so row sums are added in the same order as PySAL's ``W.sparse``).
        """
        indptr = [0]
        indices: list[int] = []
        for i, row in enumerate(neighbours):
            indices.extend(sorted({int(j) for j in row if int(j) != i}))
            indptr.append(len(indices))
        return cls(indptr, indices, np.ones(len(indices)), ids=ids, transform="binary")

    # ---- structure -----------------------------------------------------------------------
    @property
    def cardinalities(self) -> np.ndarray:
        """Number of neighbours k_i per row (self not counted)."""
        return np.diff(self.indptr)

    @property
    def islands(self) -> np.ndarray:
        """Positions of rows without neighbours."""
        return np.flatnonzero(self.cardinalities == 0)

    @property
    def rows(self) -> np.ndarray:
        """Row position of every stored entry (same length as ``indices``)."""
        return np.repeat(np.arange(self.n), self.cardinalities)

    def neighbours(self, i: int) -> list[int]:
        """Positions of the neighbours of row ``i`` (ascending)."""
        return self.indices[self.indptr[i]:self.indptr[i + 1]].tolist()

    def neighbour_lists(self) -> list[list[int]]:
        """``neighbours(i)`` for every row."""
        return [self.neighbours(i) for i in range(self.n)]

    def row_sums(self) -> np.ndarray:
        """W_i = sum_j w_ij per row (0 for islands)."""
        return np.bincount(self.rows, weights=self.data, minlength=self.n)

    def to_dense(self) -> np.ndarray:
        """The full n x n matrix (for tests and small n only)."""
        dense = np.zeros((self.n, self.n))
        dense[self.rows, self.indices] = self.data
        return dense

    # ---- transforms ----------------------------------------------------------------------
    def binary(self) -> "SpatialWeights":
        """w_ij = 1 for every neighbour."""
        return SpatialWeights(self.indptr, self.indices, np.ones(len(self.indices)), self.ids, "binary")

    def row_standardised(self) -> "SpatialWeights":
        """w_ij / W_i so that every non-island row sums to 1 (islands stay 0)."""
        sums = self.row_sums()
        data = self.data / sums[self.rows] if len(self.data) else self.data.copy()
        return SpatialWeights(self.indptr, self.indices, data, self.ids, "row")

    def transformed(self, row_standardise: bool) -> "SpatialWeights":
        """Row-standardised or binary weights."""
        return self.row_standardised() if row_standardise else self.binary()

    def subset(self, keep: npt.ArrayLike) -> "SpatialWeights":
        """Weights among the observations where the boolean array ``keep`` is true.

        Links to dropped observations disappear, so an observation can become an island.
        Weights are carried over unchanged: re-apply the transform afterwards.
        """
        keep = np.asarray(keep, dtype=bool)
        new_pos = np.full(self.n, -1, dtype=np.int64)
        new_pos[keep] = np.arange(int(keep.sum()))
        entry_ok = keep[self.rows] & keep[self.indices]
        rows = new_pos[self.rows[entry_ok]]
        indices = new_pos[self.indices[entry_ok]]
        counts = np.bincount(rows, minlength=int(keep.sum()))
        indptr = np.concatenate([[0], np.cumsum(counts)])
        ids = [ident for ident, k in zip(self.ids, keep) if k]
        return SpatialWeights(indptr, indices, self.data[entry_ok], ids, self.transform)

    # ---- sums used by the statistics -------------------------------------------------------
    @property
    def s0(self) -> float:
        """S0 = sum_i sum_j w_ij."""
        return float(self.data.sum())

    @property
    def s1(self) -> float:
        """S1 = 1/2 sum_i sum_j (w_ij + w_ji)^2 (W need not be symmetric)."""
        keys = np.concatenate([self.rows * self.n + self.indices, self.indices * self.n + self.rows])
        values = np.concatenate([self.data, self.data])
        _unique, inverse = np.unique(keys, return_inverse=True)
        summed = np.bincount(inverse, weights=values)
        return float(0.5 * (summed ** 2).sum())

    @property
    def s2(self) -> float:
        """S2 = sum_i (w_i. + w_.i)^2 (row sum plus column sum)."""
        col_sums = np.bincount(self.indices, weights=self.data, minlength=self.n)
        return float(((self.row_sums() + col_sums) ** 2).sum())

    # ---- products ------------------------------------------------------------------------
    def padded(self) -> tuple[np.ndarray, np.ndarray]:
        """(neighbour positions, weights) as dense n x k_max arrays padded with (0, 0.0)."""
        k_max = int(self.cardinalities.max()) if self.n else 0
        positions = np.zeros((self.n, k_max), dtype=np.int64)
        weights = np.zeros((self.n, k_max))
        offsets = np.arange(len(self.indices)) - np.repeat(self.indptr[:-1], self.cardinalities)
        positions[self.rows, offsets] = self.indices
        weights[self.rows, offsets] = self.data
        return positions, weights

    def lag(self, values: npt.ArrayLike) -> np.ndarray:
        """Spatial lag (W z)_i = sum_j w_ij z_j for a vector (n,) or a matrix (n, m) of columns.

        The terms of each row are added one after the other in ascending neighbour order, the
        same order as a CSR matrix-vector product, so results match scipy.sparse bit for bit.
        """
        matrix = np.asarray(values, dtype=float)
        positions, weights = self.padded()
        out = np.zeros(matrix.shape)
        for c in range(positions.shape[1]):
            if matrix.ndim == 1:
                out = out + weights[:, c] * matrix[positions[:, c]]
            else:
                out = out + weights[:, c, None] * matrix[positions[:, c], :]
        return out

    def with_self(self, weight: float = 1.0) -> "SpatialWeights":
        """W with w_ii = ``weight`` added to every row (used by Getis-Ord Gi*, which counts i itself)."""
        neighbours = self.neighbour_lists()
        indptr, indices, data = [0], [], []
        weights = self.data
        for i, row in enumerate(neighbours):
            start = self.indptr[i]
            pairs = [(j, weights[start + n]) for n, j in enumerate(row)] + [(i, weight)]
            for j, w in sorted(pairs):
                indices.append(j)
                data.append(w)
            indptr.append(len(indices))
        return SpatialWeights(indptr, indices, data, self.ids, self.transform + "+self")
