"""Read a district layer's attributes and write it back with result columns: the one place that picks the I/O.

An algorithm that adds columns to a copy of its input layer (join_table, count_points, compute_index)
reads the attributes it needs with ``read_attributes`` (layer_to_dataframe: column-wise by GDAL for a whole
OGR layer, ``columnar_input``) and writes with ``write_result_layer``, which takes a ``plan`` from
``bulk_plan``: when the input is a whole GeoPackage table and the output a new .gpkg file, the data moves in
bulk (plugin/gis/io/gpkg_bulk.py: a page copy plus one UPDATE pass, ~20x faster than feature by feature);
otherwise through QGIS features (any provider, any destination, staged by the algorithm base). Values and
field kinds are the same on both paths.
"""
import os

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
)

from ..core.i18n import tr
from ..gis.io import gpkg_bulk
from ..gis.io.arrow_columns import columnar_source
from ..gis.io.layer_frame import layer_to_dataframe, output_fields, write_features


def bulk_plan(algorithm, parameters, context, source, input_name, output_name, spec_names):
    """(source path, table, destination path) when the bulk GeoPackage path applies, else None.

    It applies to a whole GeoPackage table (no selection, limit or subset) written to a new .gpkg file
    whose added fields (``spec_names``) replace none of the input's.
    """
    definition = parameters.get(input_name)
    if isinstance(definition, QgsProcessingFeatureSourceDefinition) and (
            definition.selectedFeaturesOnly or definition.featureLimit != -1):
        return None
    src = gpkg_bulk.gpkg_layer_source(algorithm.parameterAsVectorLayer(parameters, input_name, context))
    if src is None:
        return None
    dest = algorithm.parameterAsOutputLayer(parameters, output_name, context) or ""
    if not dest.lower().endswith(".gpkg") or "|" in dest:
        return None
    if os.path.exists(dest):
        return None  # an existing GeoPackage keeps its other layers: the generic path replaces only the layer
    existing = {f.name().lower() for f in source.fields()}
    if any(name.lower() in existing for name in spec_names):
        return None  # replacing existing fields is handled by the generic path
    return src[0], src[1], dest


def columnar_input(algorithm, parameters, context, input_name):
    """The file of the input ``input_name`` for layer_to_dataframe's column-wise reader
    (arrow_columns.columnar_source: a whole OGR layer, no selection, limit or subset), else None."""
    definition = parameters.get(input_name)
    if not isinstance(definition, QgsProcessingFeatureSourceDefinition):
        definition = None
    return columnar_source(algorithm.parameterAsVectorLayer(parameters, input_name, context), definition)


def read_attributes(algorithm, parameters, context, input_name, source, field_names, feedback=None):
    """DataFrame of ``field_names`` of the input ``input_name`` (``source``) indexed by feature id (numeric
    fields float, NULL NaN; text as text), read column-wise where the input allows it."""
    return layer_to_dataframe(source, list(field_names), feedback,
                              columnar_input(algorithm, parameters, context, input_name))


def write_result_layer(algorithm, parameters, context, source, frame, specs, feedback, plan=None,
                       output_name="OUTPUT", display=""):
    """Write every feature of ``source`` with the ``specs`` [(name, alias, kind)] columns of ``frame`` (indexed
    by feature id) to the output ``output_name``; returns the destination id. Fields named like a spec are
    replaced (generic path only; ``bulk_plan`` sends such runs there) and the log says so. Says "Writing the
    output…" once the staged file exists; a run cancelled meanwhile leaves the destination untouched."""
    if plan:
        dest_id = plan[2]
        gpkg_bulk.copy_with_results(plan[0], plan[1], dest_id, frame, specs, feedback)
        definition = parameters.get(output_name)
        if isinstance(definition, QgsProcessingOutputLayerDefinition) and definition.destinationProject:
            details = QgsProcessingContext.LayerDetails(
                definition.destinationName or display, definition.destinationProject, output_name)
            context.addLayerToLoadOnCompletion(dest_id, details)
        return dest_id
    fields, replaced = output_fields(source.fields(), specs)
    if replaced:
        feedback.pushInfo(tr("Existing fields replaced by the results: {names}.").format(names=", ".join(replaced)))
    sink, dest_id = algorithm.create_sink(parameters, output_name, context, fields, source.wkbType(),
                                          source.sourceCrs())
    feedback.setProgressText(tr("Writing the output…"))
    write_features(sink, source, frame, specs, fields, feedback)
    return dest_id
