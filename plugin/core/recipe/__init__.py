"""The index recipe: a documented, JSON-serialisable data model (model, indices) and its file (load).

Pure Python; imports only core/errors, core/i18n and core/outputs.
"""
