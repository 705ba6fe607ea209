"""The shipped .qpt templates: every documented item id, the right paper, and in step with the builder."""
import pytest
from qgis.core import QgsProject
from sozialmonitor.plugin.gis.printing import template_builder as tb
from sozialmonitor.plugin.gis.printing.layouts import TEMPLATE_KEYS, load_layout, template_path


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_shipped_template_has_all_items_and_paper(qgis_app, key):
    project = QgsProject()
    layout = load_layout(project, template_path(key), key)
    assert {i for i in tb.ITEM_IDS if layout.itemById(i) is not None} == set(tb.ITEM_IDS)
    size = layout.pageCollection().page(0).pageSize()
    width, height = tb.SPECS[key][0], tb.SPECS[key][1]
    assert (round(size.width()), round(size.height())) == (width, height)
    # every item inside the page
    for item_id in tb.ITEM_IDS:
        item = layout.itemById(item_id)
        pos, dim = item.positionWithUnits(), item.sizeWithUnits()
        assert 0 <= pos.x() and pos.x() + dim.width() <= width + 0.01, item_id
        assert 0 <= pos.y() and pos.y() + dim.height() <= height + 0.01, item_id


@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_shipped_template_matches_builder(qgis_app, key):
    """Rebuild from template_builder.SPECS and compare item geometry with the shipped file."""
    projects = [QgsProject(), QgsProject()]  # a layout lives only as long as its project
    fresh = tb.build_layout(projects[0], key)
    shipped = load_layout(projects[1], template_path(key), key)
    for item_id in tb.ITEM_IDS:
        if item_id == "scalebar":  # its size follows the linked map's scale; compare the position only
            assert fresh.itemById(item_id).positionWithUnits() == shipped.itemById(item_id).positionWithUnits()
            continue
        a, b = fresh.itemById(item_id), shipped.itemById(item_id)
        assert (a.positionWithUnits().x(), a.positionWithUnits().y(), a.sizeWithUnits().width(),
                a.sizeWithUnits().height()) == pytest.approx(
            (b.positionWithUnits().x(), b.positionWithUnits().y(), b.sizeWithUnits().width(),
             b.sizeWithUnits().height())), item_id
