"""Cluster maps for the spatial autocorrelation output: LISA clusters and Gi* hot/cold spots.

A categorized renderer on the stable code field (``lisa_cluster`` / ``gi_class``) with the
conventional colours (core.cluster_analysis) and the district count per legend entry. The layer
gets both maps as named styles (style manager); the LISA cluster map is the current one.
"""
from qgis.core import QgsCategorizedSymbolRenderer, QgsRendererCategory

from ...core.i18n import tr, tr_noop
from ...core.maps.palettes import NO_DATA
from ...core.spatial.cluster_analysis import GI_CLASSES, LISA_CLASSES
from .symbols import fill_symbol, vector_hatch_symbol

STYLE_LISA = tr_noop("LISA clusters")  # style names, shown through tr()
STYLE_GI = tr_noop("Getis-Ord Gi* hot spots")


def cluster_renderer(field_name, classes, counts=None):
    """Categorized renderer for ``classes`` {code: (label, colour)}; labels get '(count)' when counts are given.

    Codes with a zero count are left out of the legend, except the four cluster types / hot and
    cold, so a reader sees that a type does not occur.
    """
    categories = []
    for code, (label, colour) in classes.items():
        count = None if counts is None else counts.get(code, 0)
        if count == 0 and code in ("ns", "island", "missing"):
            continue
        text = tr(label) if count is None else f"{tr(label)} ({count})"
        symbol = vector_hatch_symbol(NO_DATA) if colour is None else fill_symbol(colour)
        categories.append(QgsRendererCategory(code, symbol, text))
    return QgsCategorizedSymbolRenderer(field_name, categories)


def apply_cluster_styles(layer, lisa_counts=None, gi_counts=None):
    """Give ``layer`` the Gi* map as a named style and the LISA cluster map as current style."""
    manager = layer.styleManager()
    layer.setRenderer(cluster_renderer("gi_class", GI_CLASSES, gi_counts))
    gi_name = tr(STYLE_GI)
    if gi_name in manager.styles():
        manager.removeStyle(gi_name)
    manager.addStyleFromLayer(gi_name)
    layer.setRenderer(cluster_renderer("lisa_cluster", LISA_CLASSES, lisa_counts))
    lisa_name = tr(STYLE_LISA)
    if manager.currentStyle() != lisa_name and lisa_name not in manager.styles():
        manager.renameStyle(manager.currentStyle(), lisa_name)
    layer.triggerRepaint()
