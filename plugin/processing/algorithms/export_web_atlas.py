"""sozialmonitor:export_web_atlas — an interactive atlas for the public: one folder, opens offline in any browser."""
import datetime
import time

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ...core.errors import ExportError
from ...core.i18n import tr, tr_noop
from ...core.maps.palettes import RAMP_NAMES
from ...core.outputs.atomic import human_size
from ...core.web.atlas_data import build_atlas_data, series_entry, uncertainty_entries
from ...core.web.atlas_fields import atlas_fields, year_series
from ...core.web.atlas_folder import folder_size, write_atlas_folder
from ...core.web.topology import build_topology, simplify_topology
from ...gis.io.layer_frame import NUMERIC_TYPES, layer_to_dataframe
from ...gis.printing.map_document import german_date
from ...gis.style.renderers import COLOUR_MODES, GRADUATED_METHODS, secrecy_rule
from ...gis.web.atlas_layers import district_geometries, field_entries, geometry_payload, tolerance_in_layer_units
from ...resources import WEB_DIR, WEB_VENDOR
from .map_parameters import COLOUR_LABELS, METHOD_LABELS, MapAlgorithm

LANGUAGES = ["de", "en"]
LANGUAGE_LABELS = [tr_noop("German"), tr_noop("English")]


class ExportWebAtlasAlgorithm(MapAlgorithm):
    NAME = "export_web_atlas"
    DISPLAY = "Export interactive web atlas"
    HELP = (
        "Writes a folder with index.html: an interactive atlas that opens from a file share or an intranet in any "
        "browser, without internet (no CDN; background tiles only when you give BASEMAP_URL). Residents pick a map "
        "(the index classes, each indicator, each year present), hover for names, click or tap a district for "
        "its profile (values with units, rank, deviation from the city, class, trend over the years, the "
        "uncertainty of its class where the layer has it), search by name or key, and switch to a sortable table "
        "with CSV download. German and English, chosen in the page.\n\n"
        "The classes, breaks, colours and legend counts are those of the printed maps. Districts that are not "
        "evaluated (statistical secrecy) show '.'; their values are not written into the atlas files at all. "
        "Boundaries are simplified for the web with TOLERANCE metres without gaps or overlaps between neighbours "
        "(each shared boundary is simplified once). The output folder must be new, empty or an earlier atlas; "
        "it is replaced only when the new atlas is complete."
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(
            "INPUT", self.tr("Result layer (districts with index)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFile(
            "RECIPE", self.tr("Index recipe (JSON)"), extension="json", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "NAME_FIELD", self.tr("District name field"), defaultValue="name", parentLayerParameterName="INPUT",
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "KEY_FIELD", self.tr("District key field"), defaultValue="id", parentLayerParameterName="INPUT",
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "FIELDS", self.tr("Further fields to offer (numbers: indicators; text: classes)"),
            parentLayerParameterName="INPUT", allowMultiple=True, optional=True))
        for key, label in (("TITLE", tr_noop("Title")), ("SUBTITLE", tr_noop("Subtitle")),
                           ("SOURCE", tr_noop("Data source line (default: recipe source)")),
                           ("DATE", tr_noop("Data date (default: recipe data date)")),
                           ("LICENCE", tr_noop("Licence of the data (e.g. CC BY 4.0, dl-de/by-2-0)"))):
            self.addParameter(QgsProcessingParameterString(key, self.tr(label), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "LANGUAGE", self.tr("Language the page opens in"), [self.tr(t) for t in LANGUAGE_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "TOLERANCE", self.tr("Simplification tolerance (m; 0 = keep every vertex)"),
            QgsProcessingParameterNumber.Type.Double, 5.0, minValue=0.0, maxValue=1000.0))
        advanced = [
            QgsProcessingParameterString("BASEMAP_URL", self.tr(
                "Background tiles URL template, e.g. https://tiles.example/{z}/{x}/{y}.png (empty: none, "
                "the atlas then needs no network)"), optional=True),
            QgsProcessingParameterString("BASEMAP_ATTRIBUTION", self.tr("Attribution of the background tiles"),
                                         optional=True),
            QgsProcessingParameterEnum("COLOURS", self.tr("Class colours"), [self.tr(t) for t in COLOUR_LABELS],
                                       defaultValue=0),
            QgsProcessingParameterEnum("METHOD", self.tr("Classification of numeric fields"),
                                       [self.tr(t) for t in METHOD_LABELS[:4]], defaultValue=0),
            QgsProcessingParameterNumber("CLASSES", self.tr("Number of classes (numeric fields)"),
                                         QgsProcessingParameterNumber.Type.Integer, 5, minValue=2, maxValue=9),
            QgsProcessingParameterEnum("RAMP", self.tr("Colour ramp (numeric fields)"), RAMP_NAMES,
                                       defaultValue=RAMP_NAMES.index("Oranges")),
        ]
        for param in advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Web atlas folder")))
        self.addOutput(QgsProcessingOutputFile("INDEX_HTML", self.tr("Start page (index.html)")))
        self.addOutput(QgsProcessingOutputNumber("DISTRICTS", self.tr("Districts")))
        self.addOutput(QgsProcessingOutputNumber("FIELDS_SHOWN", self.tr("Maps offered")))
        self.addOutput(QgsProcessingOutputNumber("SIZE_BYTES", self.tr("Size of the atlas folder (bytes)")))
        self.addOutput(QgsProcessingOutputNumber("VERTICES", self.tr("Boundary vertices after simplification")))

    def execute(self, parameters, context, feedback):
        started = time.perf_counter()
        recipe = self.recipe(parameters, context)
        layer = self.layer(parameters, "INPUT", context)
        name_field = self.parameterAsString(parameters, "NAME_FIELD", context) or "name"
        key_field = self.parameterAsString(parameters, "KEY_FIELD", context) or "id"
        columns = layer.fields().names()
        for param, name in (("NAME_FIELD", name_field), ("KEY_FIELD", key_field)):
            if name not in columns:
                raise ExportError(tr("The layer has no field '{field}' ({param}). Available fields: {fields}.").format(
                    field=name, param=param, fields=", ".join(columns)))
        numeric = [f.name() for f in layer.fields() if f.type() in NUMERIC_TYPES]
        chosen = self.parameterAsStrings(parameters, "FIELDS", context) or []
        labels = {f.name(): f.alias() or f.name() for f in layer.fields()}
        specs = atlas_fields(columns, numeric, recipe, extra=[f for f in chosen if f in numeric],
                             class_fields=[f for f in chosen if f not in numeric], labels=labels)
        if not specs:
            raise ExportError(tr("The web atlas has no field to show: give a recipe whose index or indicator fields "
                                 "are in the layer, or choose FIELDS."))
        rule = secrecy_rule(layer, recipe)
        series = year_series(numeric, recipe)
        needed = [key_field, name_field] + [s.field for s in specs] + rule.fields()
        needed += [f for s in series for f in s.fields.values()]
        index_ids = [s.id for s in recipe.indices] if recipe is not None else \
            [s.field[:-len("_class")] for s in specs if s.field.endswith("_class")]
        needed += [i + suffix for i in index_ids for suffix in ("_class_prob", "_rank_p05", "_rank_p95")
                   if i + suffix in columns]
        feedback.setProgressText(tr("Reading {n} districts…").format(n=layer.featureCount()))
        frame = layer_to_dataframe(layer, list(dict.fromkeys(needed)), feedback=feedback)
        if frame.empty:
            raise ExportError(tr("The layer '{layer}' has no districts.").format(layer=layer.name()))
        keys = frame[key_field]
        duplicated = keys[keys.duplicated()].astype(str).unique().tolist()
        if duplicated:
            feedback.pushWarning(tr("District keys occur more than once: {keys}. The search finds the first "
                                    "of each.").format(keys=", ".join(duplicated[:10])))
        feedback.setProgress(10)
        metres = self.parameterAsDouble(parameters, "TOLERANCE", context)
        geoms = district_geometries(layer, frame.index.tolist(), feedback)
        if geoms is None or feedback.isCanceled():
            return {}
        tolerance, approx = tolerance_in_layer_units(layer, metres)
        topo = simplify_topology(build_topology(geoms), tolerance)
        feedback.pushInfo(tr("Boundaries: {arcs} shared arcs, {vertices} vertices after simplifying with {tol} m "
                             "({kept} arcs kept unsimplified so that every district stays valid).").format(
                                 arcs=len(topo.arcs), vertices=topo.vertex_count(), tol=metres,
                                 kept=topo.kept_original))
        feedback.setProgress(40)
        method = GRADUATED_METHODS[self.parameterAsEnum(parameters, "METHOD", context)]
        fields = field_entries(layer, frame, specs, rule, recipe=recipe, method=method,
                               n_classes=self.parameterAsInt(parameters, "CLASSES", context),
                               ramp=RAMP_NAMES[self.parameterAsEnum(parameters, "RAMP", context)],
                               colour_mode=COLOUR_MODES[self.parameterAsEnum(parameters, "COLOURS", context)],
                               feedback=feedback)
        if fields is None:
            return {}
        feedback.setProgress(70)
        data = build_atlas_data(frame, keys.tolist(), frame[name_field].tolist(), rule, fields,
                                series=[series_entry(frame, s, rule) for s in series],
                                uncertainty=uncertainty_entries(frame, index_ids, rule),
                                meta=self._meta(parameters, context, recipe, metres, approx))
        geometry = geometry_payload(topo, layer.crs(), context.transformContext())
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        index = write_atlas_folder(folder, data, geometry, WEB_DIR, WEB_VENDOR)
        size = folder_size(folder)
        feedback.pushInfo(tr("Web atlas written: {path} ({size}, {n} districts, {k} maps, {s:.1f} s).").format(
            path=index, size=human_size(size), n=len(frame), k=len(fields), s=time.perf_counter() - started))
        return {"OUTPUT_FOLDER": folder, "INDEX_HTML": index, "DISTRICTS": len(frame), "FIELDS_SHOWN": len(fields),
                "SIZE_BYTES": size, "VERTICES": topo.vertex_count()}

    def _meta(self, parameters, context, recipe, metres, approx):
        meta = recipe.metadata if recipe is not None else None

        def text(key):
            return (self.parameterAsString(parameters, key, context) or "").strip()

        date = text("DATE") or (meta.data_date if meta else "")
        basemap = text("BASEMAP_URL")
        return {
            "title": text("TITLE") or (meta.title if meta else "") or "Sozialatlas",
            "subtitle": text("SUBTITLE"),
            "source": text("SOURCE") or (meta.source if meta else ""),
            "date": german_date(date) if date else "",
            "licence": text("LICENCE"),
            "lang": LANGUAGES[self.parameterAsEnum(parameters, "LANGUAGE", context)],
            "tolerance": metres, "tolerance_unit": "≈ m" if approx else "m",
            "created": datetime.date.today().strftime("%d.%m.%Y"),
            "min_population": recipe.reference.min_population if recipe is not None else None,
            "basemap": {"url": basemap, "attribution": text("BASEMAP_ATTRIBUTION")} if basemap else None,
        }
