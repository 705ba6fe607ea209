"""How wide the district outlines are drawn on a printed map, from the size of a district on paper.

A district outline (0.1 mm) is there to tell neighbours apart. Once districts are small on the page it
hides their class colour instead: a viewer or printer draws a line at least one device pixel wide, so at
100,000 districts on an A4 map (about 0.5 mm each) a screen or a small print showed almost only outlines
(2 % coloured pixels at 30 dpi). The rule: outlines are drawn only while the mean district, as a square,
is at least ``MIN_DISTRICT_MM`` wide on paper (20 outline widths: the outline then covers at most about a
tenth of its area); smaller districts are drawn as colour only, like a raster map.
"""
import math

#: district outline width on paper (mm): thin, so small districts keep their colour
OUTLINE_MM = 0.1
#: mean district width on paper (mm) from which outlines are drawn
MIN_DISTRICT_MM = 2.0


def district_outline_mm(n_districts: int, map_area_mm2: float) -> float:
    """Outline width (mm; 0.0: no outline) for ``n_districts`` drawn on a map of ``map_area_mm2`` mm².

    The mean district width is taken as sqrt(area / n), the size each district would have if the districts
    filled the whole map item (they fill less, so real districts are smaller still).
    """
    if n_districts <= 0 or map_area_mm2 <= 0:
        return OUTLINE_MM
    mean_width = math.sqrt(map_area_mm2 / n_districts)
    return OUTLINE_MM if mean_width >= MIN_DISTRICT_MM else 0.0
