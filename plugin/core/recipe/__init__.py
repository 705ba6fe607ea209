"""The index recipe: a documented, JSON-serialisable data model (model, indices, uncertainty), read
strictly (strict_reading), and its file (load).

Pure Python; imports core/errors, core/i18n, core/outputs and (to check field names) core/index/output_fields.
"""
