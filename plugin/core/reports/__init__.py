"""Texts and tables for paper: methods annex, Excel workbook, district profiles, trend series and charts.

Pure Python (openpyxl for the workbook); may import every other core package, nothing of qgis.
"""
