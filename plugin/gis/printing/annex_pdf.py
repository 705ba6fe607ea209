"""Print an HTML text (the methods annex) to an A4 PDF with Qt's text engine; text stays selectable."""
from qgis.PyQt.QtCore import QMarginsF
from qgis.PyQt.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ...core.outputs.atomic import atomic_path


def html_to_pdf(html, path, title=""):
    """Write ``html`` to the A4 portrait PDF ``path`` (20 mm margins), atomically."""
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 9))
    doc.setDefaultStyleSheet("h1 {font-size: 16pt;} h2 {font-size: 12pt; margin-top: 10px;} "
                             "th {background-color: #eeeeee; text-align: left;} td, th {font-size: 8pt;}")
    doc.setHtml(html)
    with atomic_path(path, create_folders=True) as tmp:
        writer = QPdfWriter(tmp)
        writer.setTitle(title)
        writer.setCreator("Sozialmonitor (QGIS)")
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))
        doc.print_(writer)
        del writer  # flushes the file
    return str(path)
