/* Sozialmonitor web atlas (sozialmonitor:export_web_atlas). Plain JavaScript, no build step.
 *
 * Reads window.ATLAS_DATA (data/atlas.js: fields, classes, values, ranks, deviations, trends) and
 * window.ATLAS_GEOMETRY (data/geometry.js: shared arcs, delta-encoded). It computes nothing that is printed:
 * classes, breaks, ranks, deviations and city values come from the plugin; this file only formats them in the
 * chosen language. Values of secret districts are not in the data; the page prints "." for them.
 */
(function () {
  "use strict";
  var DATA = window.ATLAS_DATA, GEO = window.ATLAS_GEOMETRY;
  var SECRET = ".", MISSING = "–";
  var TEXTS = {
    de: {
      map: "Karte", search: "Gebiet suchen (Name oder Schlüssel)", table: "Tabelle", mapView: "Karte",
      themeIndex: "Sozialindex", themeIndicators: "Indikatoren", themeYears: "{label}: Jahre",
      notEvaluated: "nicht bewertet", noData: "keine Daten", upTo: "bis {high}", over: "über {low}",
      overTo: "über {low} bis {high}", close: "Schließen", key: "Schlüssel", name: "Name",
      indicator: "Indikator", value: "Wert", rank: "Rang", deviation: "Abw. Stadt", city: "Stadt",
      rankOf: "{rank} von {n}", classOf: "Klasse", secretNote: "nicht bewertet: Werte unterliegen der " +
        "statistischen Geheimhaltung oder das Gebiet hat zu wenige Einwohner (Zeichen „.“).",
      profileNote: "Stadt: ungewichtetes Mittel der bewerteten Gebiete; Abweichung in der Einheit des " +
        "Indikators (Pp. = Prozentpunkte); Rang 1 = höchster Wert. „.“ = nicht bewertet, „–“ = kein Wert.",
      trend: "Entwicklung", district: "Gebiet", cityMean: "Stadt (Mittel der bewerteten Gebiete)",
      classProb: "Sicherheit der Klasse: {p}", rankInterval: "Rang, 90-%-Intervall: {lo}–{hi}",
      uncertainty: "Unsicherheit", csv: "CSV herunterladen", rows: "{n} Gebiete", sortBy: "Sortieren nach {c}",
      source: "Quelle", date: "Stand", licence: "Lizenz", created: "Erstellt",
      simplified: "Grenzen für das Web vereinfacht (Toleranz {t}, ohne Lücken oder Überlappungen zwischen " +
        "Nachbarn).", mapLib: "Karte: Leaflet", notFound: "Kein Gebiet „{q}“ gefunden.",
      mapLabel: "Karte der Gebiete; Gebiete über die Suche oder die Tabelle auswählen",
      skip: "Zur Auswahl", open: "Steckbrief öffnen", classCount: "{label} ({n})", language: "Sprache"
    },
    en: {
      map: "Map", search: "Find an area (name or key)", table: "Table", mapView: "Map",
      themeIndex: "Social index", themeIndicators: "Indicators", themeYears: "{label}: years",
      notEvaluated: "not evaluated", noData: "no data", upTo: "up to {high}", over: "over {low}",
      overTo: "over {low} to {high}", close: "Close", key: "Key", name: "Name",
      indicator: "Indicator", value: "Value", rank: "Rank", deviation: "Dev. city", city: "City",
      rankOf: "{rank} of {n}", classOf: "Class", secretNote: "not evaluated: values are under statistical " +
        "secrecy or the area has too few inhabitants (sign “.”).",
      profileNote: "City: unweighted mean of the evaluated areas; deviation in the indicator's unit " +
        "(Pp. = percentage points); rank 1 = highest value. “.” = not evaluated, “–” = no value.",
      trend: "Trend", district: "Area", cityMean: "City (mean of the evaluated areas)",
      classProb: "Certainty of the class: {p}", rankInterval: "Rank, 90 % interval: {lo}–{hi}",
      uncertainty: "Uncertainty", csv: "Download CSV", rows: "{n} areas", sortBy: "Sort by {c}",
      source: "Source", date: "Date", licence: "Licence", created: "Created",
      simplified: "Boundaries simplified for the web (tolerance {t}, without gaps or overlaps between " +
        "neighbours).", mapLib: "Map: Leaflet", notFound: "No area “{q}” found.",
      mapLabel: "Map of the areas; choose areas with the search or the table",
      skip: "Skip to the controls", open: "Open profile", classCount: "{label} ({n})", language: "Language"
    }
  };
  // English names of the class labels of the shipped presets (recipe labels are German)
  var CLASS_EN = { "hoch": "high", "mittel": "medium", "niedrig": "low", "sehr niedrig": "very low",
    "positiv": "positive", "stabil": "stable", "negativ": "negative" };
  var OUTLINE = "#4d4d4d";
  var state = { lang: (DATA.meta && DATA.meta.lang) === "en" ? "en" : "de", field: 0, selected: -1,
    sortCol: 0, sortAsc: true, view: "map" };
  var layers = [], map, group, hatch = {}, tooltip;
  var byId = {};
  DATA.fields.forEach(function (f, i) { byId[f.id] = i; });

  function t(key, args) {
    var text = TEXTS[state.lang][key] || key;
    if (args) { Object.keys(args).forEach(function (k) { text = text.split("{" + k + "}").join(args[k]); }); }
    return text;
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }
  var formats = {};
  function num(v, d) {
    var key = state.lang + d;
    if (!formats[key]) {
      formats[key] = new Intl.NumberFormat(state.lang === "de" ? "de-DE" : "en-GB",
        { minimumFractionDigits: d, maximumFractionDigits: d });
    }
    return formats[key].format(v);
  }
  function withUnit(text, symbol) { return symbol ? text + " " + symbol : text; }
  function classLabel(label) { return state.lang === "en" && CLASS_EN[label] ? CLASS_EN[label] : label; }
  function isSecret(i) { return DATA.districts.secret[i] === 1; }
  function legendUnit(f) { return f.symbol === "%" || f.symbol === "Pp." ? " " + f.symbol : ""; }

  /* ---- text of one cell: what the table, the profile and the CSV show ---- */
  function valueText(f, i) {
    if (isSecret(i)) { return SECRET; }
    var v = f.values[i];
    if (v === null || v === undefined) { return MISSING; }
    return f.kind === "categorical" ? classLabel(v) : withUnit(num(v, f.decimals), f.symbol);
  }
  function deviationText(f, i) {
    if (isSecret(i)) { return SECRET; }
    var v = f.deviation ? f.deviation[i] : null;
    if (v === null || v === undefined) { return MISSING; }
    return withUnit((v > 0 ? "+" : "") + num(v, f.decimals), f.dev_symbol);
  }
  function rankText(f, i) {
    if (isSecret(i)) { return SECRET; }
    var r = f.rank ? f.rank[i] : null;
    return r === null || r === undefined ? MISSING : t("rankOf", { rank: r, n: f.n });
  }
  function classText(f, c) {
    if (f.kind === "categorical") { return classLabel(c.label); }
    var u = legendUnit(f);
    if (f.classes.length === 1) {
      var d = Math.max(c.lower_d || 0, c.upper_d || 0, 1);
      return num(f.edges[0], d) + " – " + num(f.edges[1], d) + u;
    }
    if (c.lower === null) { return t("upTo", { high: num(c.upper, c.upper_d) }) + u; }
    if (c.upper === null) { return t("over", { low: num(c.lower, c.lower_d) }) + u; }
    return t("overTo", { low: num(c.lower, c.lower_d), high: num(c.upper, c.upper_d) }) + u;
  }
  function themeLabel(theme) {
    if (theme === "index") { return t("themeIndex"); }
    if (theme === "indicators") { return t("themeIndicators"); }
    var s = DATA.series.filter(function (x) { return "year:" + x.prefix === theme; })[0];
    return t("themeYears", { label: s ? s.label : theme.slice(5) });
  }
  function fieldTitle(f) {
    return f.unit && legendUnit(f) === "" ? f.label + " (" + f.unit + ")" : f.label;
  }

  /* ---- geometry: shared arcs -> Leaflet lat/lng rings ---- */
  var extent = [Infinity, Infinity, -Infinity, -Infinity]; // min lat, min lng, max lat, max lng
  function decodeArcs() {
    var p = GEO.precision, ox = GEO.origin[0], oy = GEO.origin[1];
    return GEO.arcs.map(function (arc) {
      var out = new Array(arc.length / 2), x = 0, y = 0, lat, lng;
      for (var k = 0; k < arc.length; k += 2) {
        x += arc[k]; y += arc[k + 1];
        lat = oy + y * p; lng = ox + x * p;
        out[k / 2] = L.latLng(lat, lng); // shared by both neighbours of the arc; Leaflet never changes it
        if (lat < extent[0]) { extent[0] = lat; }
        if (lat > extent[2]) { extent[2] = lat; }
        if (lng < extent[1]) { extent[1] = lng; }
        if (lng > extent[3]) { extent[3] = lng; }
      }
      return out;
    });
  }
  function ringLatLngs(arcs, refs) {
    var ring = [], j, k, arc;
    for (j = 0; j < refs.length; j++) {
      arc = refs[j] >= 0 ? arcs[refs[j]] : arcs[~refs[j]];
      if (refs[j] >= 0) {
        for (k = j === 0 ? 0 : 1; k < arc.length; k++) { ring.push(arc[k]); }
      } else {
        for (k = j === 0 ? arc.length - 1 : arc.length - 2; k >= 0; k--) { ring.push(arc[k]); }
      }
    }
    ring.pop(); // Leaflet closes rings itself
    return ring;
  }
  function makePattern(kind, colour) {
    var c = document.createElement("canvas");
    c.width = c.height = 8;
    var g = c.getContext("2d");
    g.fillStyle = "#ffffff"; g.fillRect(0, 0, 8, 8);
    g.strokeStyle = colour; g.lineWidth = 1;
    g.beginPath(); g.moveTo(0, 8); g.lineTo(8, 0);
    if (kind === "cross") { g.moveTo(0, 0); g.lineTo(8, 8); }
    g.stroke();
    return g.createPattern(c, "repeat");
  }

  function buildMap() {
    map = L.map("map", { preferCanvas: true, zoomSnap: 0.25, keyboard: true, attributionControl: true });
    var renderer = L.canvas({ padding: 0.3, tolerance: 2 });
    var base = DATA.meta.basemap;
    if (base && base.url) {
      L.tileLayer(base.url, { attribution: base.attribution || "", maxZoom: 19 }).addTo(map);
    }
    map.attributionControl.setPrefix(false);
    hatch.notEvaluated = makePattern("diagonal", "#737373");
    hatch.noData = makePattern("cross", "#969696");
    var arcs = decodeArcs();
    performance.mark("atlas-decoded");
    group = L.featureGroup();
    var first = DATA.fields[state.field];
    GEO.districts.forEach(function (parts, i) {
      var latlngs = parts.map(function (rings) {
        return rings.map(function (refs) { return ringLatLngs(arcs, refs); });
      });
      var layer = L.polygon(latlngs.length === 1 ? latlngs[0] : latlngs, {
        renderer: renderer, weight: 0.6, color: OUTLINE, fillOpacity: base && base.url ? 0.75 : 1,
        fillColor: fillOf(first, i)
      });
      layer.districtIndex = i;
      layers.push(layer);
      group.addLayer(layer);
    });
    performance.mark("atlas-polygons");
    map.fitBounds([[extent[0], extent[1]], [extent[2], extent[3]]], { padding: [8, 8], animate: false });
    group.addTo(map);
    performance.mark("atlas-map");
    tooltip = L.tooltip({ sticky: true, direction: "top", offset: [0, -6] });
    group.on("mousemove", function (e) {
      var i = e.layer.districtIndex;
      tooltip.setLatLng(e.latlng).setContent(districtLabel(i));
      if (!map.hasLayer(tooltip)) { tooltip.addTo(map); }
    });
    group.on("mouseout", function () { map.removeLayer(tooltip); });
    group.on("click", function (e) { select(e.layer.districtIndex, false); });
  }
  function districtLabel(i) {
    return DATA.districts.name[i] + " (" + DATA.districts.key[i] + ")";
  }
  function fillOf(f, i) {
    var c = f.cls[i];
    if (c === -1) { return hatch.notEvaluated; }
    if (c < 0) { return hatch.noData; }
    return f.classes[c].colour;
  }
  function styleMap() {
    var f = DATA.fields[state.field];
    layers.forEach(function (layer, i) {
      var sel = i === state.selected;
      layer.setStyle({ fillColor: fillOf(f, i), weight: sel ? 3 : 0.6, color: sel ? "#000" : OUTLINE });
    });
    if (state.selected >= 0) { layers[state.selected].bringToFront(); }
  }

  /* ---- controls, legend ---- */
  function buildSelect() {
    var select = $("field-select");
    select.textContent = "";
    var groups = {};
    DATA.fields.forEach(function (f, i) {
      if (!groups[f.theme]) {
        groups[f.theme] = el("optgroup", { label: themeLabel(f.theme) });
        select.appendChild(groups[f.theme]);
      }
      groups[f.theme].appendChild(el("option", { value: String(i), text: fieldTitle(f) }));
    });
    select.value = String(state.field);
  }
  function buildLegend() {
    var f = DATA.fields[state.field];
    var box = $("legend");
    box.textContent = "";
    box.appendChild(el("h2", { text: fieldTitle(f) }));
    var list = el("ul");
    f.classes.forEach(function (c) {
      list.appendChild(el("li", {}, [el("span", { "class": "swatch", style: "background:" + c.colour }),
        el("span", { text: t("classCount", { label: classText(f, c), n: c.count }) })]));
    });
    if (f.not_evaluated) {
      list.appendChild(el("li", {}, [el("span", { "class": "swatch hatch-diagonal" }),
        el("span", { text: t("classCount", { label: t("notEvaluated"), n: f.not_evaluated }) })]));
    }
    if (f.no_data) {
      list.appendChild(el("li", {}, [el("span", { "class": "swatch hatch-cross" }),
        el("span", { text: t("classCount", { label: t("noData"), n: f.no_data }) })]));
    }
    box.appendChild(list);
  }
  function buildSearch() {
    var list = $("district-list");
    if (list.childNodes.length) { return; }
    var frag = document.createDocumentFragment();
    DATA.districts.key.forEach(function (k, i) { frag.appendChild(el("option", { value: districtLabel(i) })); });
    list.appendChild(frag);
  }
  function findDistrict(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return -1; }
    var keys = DATA.districts.key, names = DATA.districts.name, i;
    for (i = 0; i < keys.length; i++) { if (districtLabel(i).toLowerCase() === q) { return i; } }
    for (i = 0; i < keys.length; i++) { if (keys[i].toLowerCase() === q || names[i].toLowerCase() === q) { return i; } }
    for (i = 0; i < keys.length; i++) { if (names[i].toLowerCase().indexOf(q) >= 0) { return i; } }
    return -1;
  }

  /* ---- the district profile ---- */
  function profileFields(theme) {
    return DATA.fields.filter(function (f) { return f.theme === theme && f.profile; });
  }
  function trendChart(s, i) {
    var W = 330, H = 130, L0 = 62, R0 = 18, T0 = 10, B0 = 24;
    var own = s.fields.map(function (id) { return isSecret(i) ? null : DATA.fields[byId[id]].values[i]; });
    var all = own.concat(s.reference).filter(function (v) { return v !== null; });
    if (!all.length) { return null; }
    var lo = Math.min.apply(null, all), hi = Math.max.apply(null, all);
    if (hi === lo) { hi = lo + 1; }
    var n = s.years.length;
    function X(k) { return L0 + (n === 1 ? 0 : k * (W - L0 - R0) / (n - 1)); }
    function Y(v) { return T0 + (hi - v) * (H - T0 - B0) / (hi - lo); }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("role", "img");
    function add(tag, attrs, text) {
      var node = document.createElementNS(ns, tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) { node.textContent = text; }
      svg.appendChild(node);
      return node;
    }
    add("line", { x1: L0, x2: W - R0, y1: H - B0, y2: H - B0, stroke: "#999" });
    [lo, hi].forEach(function (v) {
      add("text", { x: L0 - 4, y: Y(v) + 4, "text-anchor": "end", "font-size": 10 }, num(v, Math.abs(v) >= 100 ? 0 : 1));
    });
    s.years.forEach(function (y, k) {
      add("text", { x: X(k), y: H - 8, "text-anchor": "middle", "font-size": 10 }, String(y));
    });
    function line(values, colour, dash, label) {
      var d = "", open = false;
      values.forEach(function (v, k) {
        if (v === null) { open = false; return; }
        d += (open ? " L" : " M") + X(k).toFixed(1) + " " + Y(v).toFixed(1);
        open = true;
        var dot = add("circle", { cx: X(k), cy: Y(v), r: 2.5, fill: colour });
        var title = document.createElementNS(ns, "title");
        title.textContent = label + " " + s.years[k] + ": " + withUnit(num(v, 1), s.unit);
        dot.appendChild(title);
      });
      if (d) { add("path", { d: d, fill: "none", stroke: colour, "stroke-width": 2, "stroke-dasharray": dash }); }
    }
    line(s.reference, "#777", "4 3", t("city"));
    line(own, "#08519c", "", t("district"));
    var desc = s.years.map(function (y, k) {
      return y + ": " + (isSecret(i) ? SECRET : own[k] === null ? MISSING : num(own[k], 1)) + " / " +
        (s.reference[k] === null ? MISSING : num(s.reference[k], 1));
    }).join("; ");
    svg.setAttribute("aria-label", s.label + " — " + t("district") + " / " + t("city") + ": " + desc);
    return svg;
  }
  function renderProfile() {
    var box = $("profile"), i = state.selected;
    if (i < 0) { box.hidden = true; return; }
    box.hidden = false;
    box.textContent = "";
    var close = el("button", { type: "button", "class": "close", "aria-label": t("close"), text: "×" });
    close.addEventListener("click", function () { select(-1); });
    box.appendChild(close);
    box.appendChild(el("h2", { text: districtLabel(i) }));
    var classes = el("div", { "class": "classes" });
    DATA.fields.filter(function (f) { return f.theme === "index" && f.kind === "categorical"; }).forEach(function (f) {
      var c = f.cls[i], text;
      var badge = el("span", { "class": "badge" });
      if (c >= 0) { text = classLabel(f.classes[c].label); badge.style.background = f.classes[c].colour; }
      else { text = c === -1 ? t("notEvaluated") : t("noData"); badge.className += c === -1 ? " hatch-diagonal" : " hatch-cross"; }
      badge.textContent = "\u00a0\u00a0";
      classes.appendChild(el("p", { "data-field": f.id }, [el("span", { text: f.label + ": " }), badge,
        el("span", { text: " " + text, "class": "class-value" })]));
    });
    box.appendChild(classes);
    if (isSecret(i)) { box.appendChild(el("p", { "class": "note secret", text: t("secretNote") })); }
    DATA.uncertainty.forEach(function (u) {
      var bits = [];
      if (u.prob && u.prob[i] !== null && !isSecret(i)) { bits.push(t("classProb", { p: num(u.prob[i] * 100, 0) + " %" })); }
      if (u.p05 && u.p95 && u.p05[i] !== null && u.p95[i] !== null && !isSecret(i)) {
        bits.push(t("rankInterval", { lo: u.p05[i], hi: u.p95[i] }));
      }
      if (bits.length) {
        var f = DATA.fields[byId[u.index + "_class"]];
        box.appendChild(el("p", { "class": "uncertainty", "data-index": u.index,
          text: (f ? f.label : u.index) + " — " + t("uncertainty") + ": " + bits.join("; ") }));
      }
    });
    var rows = profileFields("index").filter(function (f) { return f.kind === "graduated"; })
      .concat(profileFields("indicators"));
    if (rows.length) {
      var table = el("table", { "class": "profile-table" });
      table.appendChild(el("thead", {}, [el("tr", {}, [el("th", { text: t("indicator") }),
        el("th", { "class": "num", text: t("value") }), el("th", { "class": "num", text: t("city") }),
        el("th", { "class": "num", text: t("deviation") }), el("th", { "class": "num", text: t("rank") })])]));
      var body = el("tbody");
      rows.forEach(function (f) {
        body.appendChild(el("tr", { "data-field": f.id }, [el("td", { text: fieldTitle(f) }),
          el("td", { "class": "num value", text: valueText(f, i) }),
          el("td", { "class": "num", text: f.city === null ? MISSING : withUnit(num(f.city, f.decimals), f.symbol) }),
          el("td", { "class": "num", text: deviationText(f, i) }),
          el("td", { "class": "num", text: rankText(f, i) })]));
      });
      table.appendChild(body);
      box.appendChild(table);
    }
    DATA.series.forEach(function (s) {
      var chart = trendChart(s, i);
      if (!chart) { return; }
      box.appendChild(el("div", { "class": "trend" }, [el("h3", { text: t("trend") + ": " + s.label +
        (s.unit ? " (" + s.unit + ")" : "") }), chart,
        el("p", { "class": "note", text: "— " + t("district") + "   - - " + t("cityMean") })]));
    });
    box.appendChild(el("p", { "class": "note", text: t("profileNote") }));
  }
  function select(i, zoom) {
    state.selected = i;
    styleMap();
    renderProfile();
    if (i >= 0) {
      if (zoom) { map.fitBounds(layers[i].getBounds(), { maxZoom: map.getZoom() + 2, padding: [40, 40] }); }
      $("profile").focus();
    }
  }

  /* ---- table view and CSV ---- */
  function tableFields() {
    var theme = DATA.fields[state.field].theme;
    return DATA.fields.filter(function (f) { return f.theme === theme; });
  }
  function tableRows() {
    var fields = tableFields();
    var rows = DATA.districts.key.map(function (k, i) {
      return { i: i, cells: [k, DATA.districts.name[i]].concat(fields.map(function (f) { return valueText(f, i); })),
        sort: [k, DATA.districts.name[i]].concat(fields.map(function (f) {
          if (isSecret(i)) { return null; }
          return f.kind === "categorical" ? (f.cls[i] >= 0 ? f.cls[i] : null) : f.values[i];
        })) };
    });
    var col = state.sortCol, dir = state.sortAsc ? 1 : -1;
    rows.sort(function (a, b) {
      var x = a.sort[col], y = b.sort[col];
      if (x === null && y === null) { return a.i - b.i; }
      if (x === null) { return 1; }
      if (y === null) { return -1; }
      if (typeof x === "string") { return dir * x.localeCompare(y, state.lang) || a.i - b.i; }
      return dir * (x - y) || a.i - b.i;
    });
    return { header: [t("key"), t("name")].concat(fields.map(fieldTitle)), rows: rows };
  }
  function renderTable() {
    var data = tableRows();
    var thead = $("table").tHead, tbody = $("table").tBodies[0];
    thead.textContent = ""; tbody.textContent = "";
    $("table-caption").textContent = themeLabel(DATA.fields[state.field].theme);
    var tr = el("tr");
    data.header.forEach(function (h, c) {
      var b = el("button", { type: "button", text: h + (c === state.sortCol ? (state.sortAsc ? " ▲" : " ▼") : ""),
        "aria-label": t("sortBy", { c: h }) });
      b.addEventListener("click", function () {
        state.sortAsc = state.sortCol === c ? !state.sortAsc : true;
        state.sortCol = c;
        renderTable();
      });
      tr.appendChild(el("th", { "class": c > 1 ? "num" : "", "aria-sort": c === state.sortCol ?
        (state.sortAsc ? "ascending" : "descending") : "none" }, [b]));
    });
    thead.appendChild(tr);
    var frag = document.createDocumentFragment();
    data.rows.forEach(function (row) {
      var cells = row.cells.map(function (text, c) {
        if (c === 1) {
          var link = el("button", { type: "button", text: text, title: t("open") });
          link.addEventListener("click", function () { showView("map"); select(row.i, true); });
          return el("td", {}, [link]);
        }
        return el("td", { "class": c > 1 ? "num" : "", text: text });
      });
      frag.appendChild(el("tr", { "data-key": DATA.districts.key[row.i] }, cells));
    });
    tbody.appendChild(frag);
    $("table-count").textContent = t("rows", { n: data.rows.length });
  }
  function csvText() {
    var data = tableRows();
    function cell(s) { return /[";\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
    var lines = [data.header.map(cell).join(";")].concat(data.rows.map(function (r) {
      return r.cells.map(cell).join(";");
    }));
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }
  window.atlasCsv = csvText; // the tests read the CSV the button downloads
  function downloadCsv() {
    var blob = new Blob([csvText()], { type: "text/csv;charset=utf-8" });
    var a = el("a", { href: URL.createObjectURL(blob), download: DATA.fields[state.field].theme.replace(":", "_") + ".csv" });
    document.body.appendChild(a); a.click(); a.remove();
  }
  function showView(view) {
    state.view = view;
    $("table-view").hidden = view !== "table";
    $("map-view").hidden = view === "table";
    $("view-toggle").setAttribute("aria-pressed", String(view === "table"));
    $("view-toggle").textContent = view === "table" ? t("mapView") : t("table");
    if (view === "table") { renderTable(); } else { map.invalidateSize(); }
  }

  /* ---- texts of the whole page in the chosen language ---- */
  function renderTexts() {
    document.documentElement.lang = state.lang;
    var meta = DATA.meta;
    $("title").textContent = meta.title || "Sozialatlas";
    document.title = meta.title || "Sozialatlas";
    $("subtitle").textContent = meta.subtitle || "";
    $("field-label").textContent = t("map");
    $("search-label").textContent = t("search");
    $("skip-link").textContent = t("skip");
    $("csv").textContent = t("csv");
    $("map").setAttribute("aria-label", t("mapLabel"));
    $("view-toggle").textContent = state.view === "table" ? t("mapView") : t("table");
    document.querySelectorAll(".lang button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-lang") === state.lang));
    });
    ["de", "en"].forEach(function (lang) { map.attributionControl.removeAttribution(TEXTS[lang].mapLib); });
    map.attributionControl.addAttribution(t("mapLib"));
    var foot = $("footer");
    foot.textContent = "";
    var parts = [];
    if (meta.source) { parts.push(/^(daten)?quelle|^(data )?source/i.test(meta.source) ? meta.source : t("source") + ": " + meta.source); }
    if (meta.date) { parts.push(t("date") + ": " + meta.date); }
    if (meta.licence) { parts.push(t("licence") + ": " + meta.licence); }
    foot.appendChild(el("p", { id: "source-line", text: parts.join(" · ") }));
    var tol = meta.tolerance ? num(meta.tolerance, meta.tolerance < 1 ? 2 : 0) + " " + (meta.tolerance_unit || "m") : null;
    foot.appendChild(el("p", { text: (tol ? t("simplified", { t: tol }) + " " : "") +
      (meta.created ? t("created") + ": " + meta.created + ". " : "") + t("mapLib") + " (BSD-2-Clause)." }));
    buildSelect();
    buildLegend();
    renderProfile();
    if (state.view === "table") { renderTable(); }
  }

  function init() {
    buildMap();
    renderTexts();
    performance.mark("atlas-texts");
    $("field-select").addEventListener("change", function (e) {
      state.field = Number(e.target.value);
      state.sortCol = Math.min(state.sortCol, 1);
      buildLegend(); styleMap();
      if (state.view === "table") { renderTable(); }
    });
    $("search").addEventListener("focus", buildSearch); // the list of names is built when it is first needed
    $("search").addEventListener("change", function (e) {
      var i = findDistrict(e.target.value);
      if (i >= 0) { showView("map"); select(i, true); e.target.setCustomValidity(""); }
      else if (e.target.value) { e.target.setCustomValidity(t("notFound", { q: e.target.value })); e.target.reportValidity(); }
    });
    $("view-toggle").addEventListener("click", function () { showView(state.view === "table" ? "map" : "table"); });
    $("csv").addEventListener("click", downloadCsv);
    document.querySelectorAll(".lang button").forEach(function (b) {
      b.addEventListener("click", function () { state.lang = b.getAttribute("data-lang"); renderTexts(); });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && state.selected >= 0) { select(-1); $("search").focus(); }
    });
    window.atlas = { select: select, state: state, showView: showView, valueText: valueText, layers: layers, map: map };
    performance.mark("atlas-interactive");
    document.body.setAttribute("data-ready", "1");
  }
  init();
}());
