"""Writing outputs safely: files are written completely or not at all, and never onto an input.

Pure Python (os, pathlib); imports nothing else of the plugin but core/errors and core/i18n.
"""
