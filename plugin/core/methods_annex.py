"""The methods annex of a committee package, generated from the recipe, in German (HTML text).

States everything a reader needs to judge the index: indicators with direction, weight, unit and
description; the treatment of missing values and outliers; the reference rules (minimum
population, exclusions); the standardisation; aggregation and class thresholds; typologies;
data sources and dates. The HTML is simple (headings, paragraphs, tables) so Qt can print it.
"""
from html import escape

from .map_classes import format_number

DIRECTION = {"higher_is_worse": "höher = ungünstiger", "higher_is_better": "höher = günstiger"}
NORMALISATION = {
    "zscore": "z-Standardisierung (Abweichung vom Mittelwert in Standardabweichungen)",
    "minmax": "Min-Max-Skalierung", "rank": "Perzentilrang", "distance": "Abstand zum Referenzwert",
    "none": "keine Standardisierung",
}
AGGREGATION = {"sum": "Summe", "mean": "Mittelwert", "weighted_mean": "gewichteter Mittelwert",
               "geometric_mean": "geometrisches Mittel"}
CLASS_METHOD = {"fixed": "feste Schwellenwerte", "manual": "manuelle Schwellenwerte", "quantile": "Quantile",
                "jenks": "natürliche Brüche (Jenks)", "equal_interval": "gleiche Intervalle",
                "sd": "Standardabweichungen"}
IMPUTE = {"none": "keine Ersetzung (Gebiet wird nicht bewertet)", "mean": "Mittelwert", "median": "Median",
          "group_mean": "Mittelwert der Gruppe"}


def _table(headers, rows, widths=None):
    widths = widths or [""] * len(headers)
    head = "".join('<th width="{}">{}</th>'.format(w, escape(h)) for h, w in zip(headers, widths))
    body = "".join("<tr>" + "".join("<td>{}</td>".format(escape(str(c))) for c in row) + "</tr>" for row in rows)
    return '<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{}</tr>{}</table>'.format(head, body)


def _num(v):
    text = format_number(v, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def _thresholds(cls):
    if cls.method not in ("fixed", "manual"):
        extra = " (Schritt {} SD)".format(_num(cls.step)) if cls.method == "sd" else ""
        return "{} mit {} Klassen{}, berechnet aus den Werten der Referenzgebiete".format(
            CLASS_METHOD[cls.method], cls.n, extra)
    unit = " Standardabweichungen um den Mittelwert" if cls.units == "sd" else ""
    goes = cls.equal_goes if isinstance(cls.equal_goes, list) else [cls.equal_goes] * len(cls.breaks)
    parts = ["{} ({} zählt zur {} Klasse)".format(_num(b), _num(b), "unteren" if g == "lower" else "oberen")
             for b, g in zip(cls.breaks, goes)]
    return "{}: {}{}".format(CLASS_METHOD[cls.method], "; ".join(parts), unit)


def methods_annex_html(recipe, title="Methodenanhang"):
    """The annex as an HTML document (UTF-8 text)."""
    m = recipe.metadata
    out = ["<html><head><meta charset='utf-8'><title>{}</title></head><body>".format(escape(title)),
           "<h1>{}</h1>".format(escape(title))]
    if m.title:
        out.append("<p><b>{}</b></p>".format(escape(m.title)))
    if m.description:
        out.append("<p>{}</p>".format(escape(m.description)))
    out.append("<h2>Datengrundlage</h2>")
    stand = "; Datenstand: {}".format(escape(_german_date(m.data_date))) if m.data_date else ""
    out.append("<p>{}{}</p>".format(escape(m.source or "Quelle nicht angegeben."), stand))
    out.append("<h2>Indikatoren</h2>")
    out.append(_table(["Indikator (Feld)", "Einheit", "Richtung", "Gew.", "Beschreibung"],
                      [["{} ({})".format(i.label or i.id, i.field), i.unit, DIRECTION[i.direction], _num(i.weight),
                        i.description] for i in recipe.indicators],
                      ["26%", "15%", "19%", "6%", "34%"]))
    t = recipe.treatment
    out.append("<h2>Aufbereitung</h2><ul>")
    if t.missing_codes:
        out.append("<li>Fehlwert-Codes: {}</li>".format(escape(", ".join(_num(c) for c in t.missing_codes))))
    if t.missing_if_all_equal:
        out.append("<li>Ein Gebiet, dessen Indikatoren alle {} sind, gilt als ohne Werte.</li>".format(
            escape(" bzw. ".join(_num(c) for c in t.missing_if_all_equal))))
    out.append("<li>Fehlende Werte: {}</li>".format(escape(IMPUTE[t.impute])))
    if t.winsorise is not None:
        w = t.winsorise
        text = ("Ausreißer werden bei Mittelwert ± {} SD begrenzt".format(_num(w.k)) if w.method == "sd"
                else "Ausreißer werden auf das {}. und {}. Perzentil begrenzt".format(_num(w.lower), _num(w.upper)))
        out.append("<li>{}</li>".format(escape(text)))
    if t.transform != "none":
        out.append("<li>Transformation: {}</li>".format(escape(t.transform)))
    out.append("</ul>")
    r = recipe.reference
    out.append("<h2>Bewertete Gebiete und Geheimhaltung</h2><ul>")
    if r.min_population is not None:
        out.append("<li>Gebiete mit weniger als {} Einwohnern ({}) werden nicht bewertet; ihre Werte erscheinen "
                   "in Tabellen als „.“ und in Karten schraffiert.</li>".format(
                       escape(format_number(r.min_population, 0)), escape(m.population_field)))
    for key, reason in r.exclude_keys.items():
        out.append("<li>Ausgeschlossen: {} – {}</li>".format(escape(key), escape(reason)))
    out.append("<li>Mittelwert und Standardabweichung werden nur über die bewerteten Gebiete berechnet.</li></ul>")
    n = recipe.normalisation
    sd = "Populations-Standardabweichung" if n.sd == "population" else "Stichproben-Standardabweichung"
    out.append("<h2>Standardisierung</h2><p>{}{}{}.</p>".format(
        escape(NORMALISATION[n.method]), ", " + sd if n.method == "zscore" else "",
        ", gewichtet mit der Einwohnerzahl" if n.weighted else ""))
    out.append("<h2>Indizes und Klassen</h2>")
    rows = []
    for s in recipe.indices:
        cls = s.classification
        rows.append([s.label or s.id, ", ".join(s.indicators), AGGREGATION[s.aggregation] +
                     (", erneut standardisiert" if s.restandardise else ""),
                     _thresholds(cls) if cls else "–", " / ".join(cls.labels) if cls else "–"])
    out.append(_table(["Index", "Indikatoren", "Zusammenfassung", "Klassengrenzen", "Klassen (niedrigster Wert "
                       "zuerst)"], rows))
    for typ in recipe.typologies:
        out.append("<p><b>{}</b>: Kombination aus {} (Zeilen) und {} (Spalten); Code {}.</p>".format(
            escape(typ.label or typ.id), escape(recipe.index(typ.rows).label or typ.rows),
            escape(recipe.index(typ.columns).label or typ.columns), escape(typ.code)))
    out.append("<p><i>Erzeugt mit dem QGIS-Plugin Sozialmonitor aus dem Rezept {}.</i></p>".format(
        escape(recipe.source_path.rsplit("/", 1)[-1] if recipe.source_path else "")))
    out.append("</body></html>")
    return "\n".join(out)


def _german_date(text):
    parts = str(text).split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return "{}.{}.{}".format(parts[2], parts[1], parts[0])
    return str(text)
