"""Several print layouts into one PDF (one or more pages each), text kept as text.

QgsLayoutExporter can write one layout (or one atlas) per PDF; for a single "all maps" PDF we
render every page through QgsLayoutExporter.renderPage onto one QPdfWriter. Atomic like all exports.
"""
from qgis.core import Qgis, QgsLayoutExporter
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from ...core.errors import ExportError
from ...core.i18n import tr
from ...core.outputs.atomic import atomic_path


def _page_layout(size_mm):
    orientation = QPageLayout.Orientation.Landscape if size_mm.width() > size_mm.height() else \
        QPageLayout.Orientation.Portrait
    page_size = QPageSize(QSizeF(min(size_mm.width(), size_mm.height()), max(size_mm.width(), size_mm.height())),
                          QPageSize.Unit.Millimeter)
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))


def layouts_to_pdf(layouts, path, dpi=300, feedback=None):
    """Write all pages of ``layouts`` (in order) into the PDF ``path``. Returns the page count.

    Complete or absent: a cancel or an error leaves no (partial) PDF behind."""
    with atomic_path(path, create_folders=True) as tmp:
        pages = _render_pages(layouts, tmp, dpi, feedback)
        if pages == 0:
            raise ExportError(tr("There is no map to write into {path}.").format(path=path))
    return pages


def _render_pages(layouts, target, dpi, feedback):
    writer = QPdfWriter(target)
    writer.setResolution(dpi)
    writer.setCreator("Sozialmonitor (QGIS)")
    painter = None
    pages = 0
    try:
        for n, layout in enumerate(layouts):
            if feedback is not None and feedback.isCanceled():
                raise ExportError(tr("Export cancelled."))
            layout.renderContext().setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
            layout.renderContext().setDpi(dpi)
            exporter = QgsLayoutExporter(layout)
            for i in range(layout.pageCollection().pageCount()):
                size = layout.pageCollection().page(i).pageSize()
                writer.setPageLayout(_page_layout(size))
                if painter is None:
                    painter = QPainter(writer)
                else:
                    writer.newPage()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                exporter.renderPage(painter, i)
                pages += 1
            if feedback is not None:
                feedback.setProgress(100.0 * (n + 1) / max(1, len(layouts)))
    finally:
        if painter is not None:
            painter.end()
        del writer  # flushes and closes the file
    return pages
