"""Sozialmonitor plugin code. The layers are core -> gis -> processing -> gui (arrows point down)."""
