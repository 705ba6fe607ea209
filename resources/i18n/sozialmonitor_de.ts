<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>Sozialmonitor</name>
        <message>
            <location filename="../../plugin/core/index/aggregate.py" />
            <source>{what}: the geometric mean needs normalised values above 0, but {n} are not. Use min-max normalisation with a range such as [1, 100].</source>
            <translation>{what}: Das geometrische Mittel braucht normierte Werte über 0, aber {n} Werte sind es nicht. Verwenden Sie eine Min-Max-Normierung mit einem Bereich wie [1, 100].</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/classify.py" />
            <source>{n} of the values to classify are infinite ({signs}); class breaks would be meaningless. Check the field for a division by zero or an overflow and set such values to NULL.</source>
            <translation>{n} der zu klassifizierenden Werte sind unendlich ({signs}); Klassengrenzen wären sinnlos. Prüfen Sie das Feld auf eine Division durch null oder einen Überlauf und setzen Sie solche Werte auf NULL.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/classify.py" />
            <source>No values to compute SD-based thresholds from.</source>
            <translation>Keine Werte, aus denen SD-basierte Schwellen berechnet werden können.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/classify.py" />
            <source>Classification '{m}' needs at least 2 classes.</source>
            <translation>Die Klassifizierung '{m}' braucht mindestens 2 Klassen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/classify.py" />
            <source>No values to classify.</source>
            <translation>Keine Werte zum Klassifizieren.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>population missing</source>
            <translation>Einwohnerzahl fehlt</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>fewer than {n:g} inhabitants</source>
            <translation>weniger als {n:g} Einwohner</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>excluded: {reason}</source>
            <translation>ausgeschlossen: {reason}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>{n} excluded keys (reference.exclude_keys) do not occur in field '{field}': {keys}{more}.</source>
            <translation>{n} ausgeschlossene Schlüssel (reference.exclude_keys) kommen im Feld '{field}' nicht vor: {keys}{more}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>all indicators coded missing</source>
            <translation>alle Indikatoren als fehlend codiert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>Indicator '{id}': {n} missing value(s) could not be imputed ({method}).</source>
            <translation>Indikator '{id}': {n} fehlende(r) Wert(e) konnte(n) nicht ersetzt werden ({method}).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>missing values: </source>
            <translation>fehlende Werte: </translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>Indicator '{id}'</source>
            <translation>Indikator '{id}'</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>Indicator '{id}' (field {field}): no district that passes the reference rules has a value (all missing or coded missing). Check the field, the missing-value codes and the reference rules.</source>
            <translation>Indikator '{id}' (Feld {field}): kein Gebiet, das die Referenzregeln erfüllt, hat einen Wert (alle fehlend oder als fehlend codiert). Prüfen Sie das Feld, die Fehlwert-Codes und die Referenzregeln.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>No district has values for all indicators ({ids}), so there is no reference set. Check the missing values, or choose an imputation in the recipe.</source>
            <translation>Kein Gebiet hat Werte für alle Indikatoren ({ids}), es gibt also keine Referenzmenge. Prüfen Sie die fehlenden Werte oder wählen Sie in der Indexdefinition eine Imputation.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>key {key}</source>
            <translation>Schlüssel {key}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>row {row}</source>
            <translation>Zeile {row}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>Population field '{field}' has the negative value {value:g} ({where}); {n} such values. Weights must be 0 or more: fix the table.</source>
            <translation>Das Bevölkerungsfeld '{field}' hat den negativen Wert {value:g} ({where}); {n} solche Werte. Gewichte müssen 0 oder größer sein: Korrigieren Sie die Tabelle.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>{n} reference district(s) have no population (missing or 0) in field '{field}': {keys}{more}. They stay in the reference set and are scored, but weigh 0 in the population-weighted mean and SD. Fill in the population, or exclude them (reference.min_population).</source>
            <translation>{n} Gebiet(e) der Referenzmenge haben keine Bevölkerung (fehlend oder 0) im Feld '{field}': {keys}{more}. Sie bleiben in der Referenzmenge und erhalten einen Wert, zählen aber mit Gewicht 0 im bevölkerungsgewichteten Mittelwert und in der Standardabweichung. Tragen Sie die Bevölkerung nach oder schließen Sie die Gebiete aus (reference.min_population).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>Indicator '{id}' (field {field})</source>
            <translation>Indikator '{id}' (Feld {field})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>Index '{id}'</source>
            <translation>Index '{id}'</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/compute.py" />
            <source>Only {n} districts are in the reference set; means and SDs are unstable.</source>
            <translation>Nur {n} Gebiete sind in der Referenzmenge; Mittelwerte und Standardabweichungen sind instabil.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/data_weights.py" />
            <source>Only {n} reference districts: a principal component analysis needs at least 3.</source>
            <translation>Nur {n} Referenzgebiete: Eine Hauptkomponentenanalyse braucht mindestens 3.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/diagnostics.py" />
            <source>an index would have no indicator left</source>
            <translation>ein Index hätte keinen Indikator mehr</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>Field '{field}' holds true/false values, not numbers.</source>
            <translation>Das Feld '{field}' enthält Wahrheitswerte (true/false), keine Zahlen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>Field '{field}' (indicator '{id}')</source>
            <translation>Feld '{field}' (Indikator '{id}')</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>Field '{field}'</source>
            <translation>Feld '{field}'</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>{name} has the non-numeric value '{value}' ({where}); {n} such values. Fix the table or declare the field as text.</source>
            <translation>{name} hat den nicht numerischen Wert '{value}' ({where}); {n} solche Werte. Korrigieren Sie die Tabelle oder deklarieren Sie das Feld als Text.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>{name} has the value {value} ({where}), which is {what}; {n} such values. Numbers must be finite and below {max:g} in size: fix the table (a unit error, an overflow in the source, or a missing-value code?).</source>
            <translation>{name} hat den Wert {value} ({where}), der {what} ist; {n} solche Werte. Zahlen müssen endlich und kleiner als {max:g} sein: korrigieren Sie die Tabelle (ein Einheitenfehler, ein Überlauf in der Quelle oder ein Fehlwertcode?).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>infinite</source>
            <translation>unendlich</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>too large to compute with</source>
            <translation>zu groß zum Rechnen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>{what}: winsorising by median +- k MAD is impossible because at least half of the reference values equal the median {m:g} (MAD = 0): every other value would be clipped. Use the 'sd' or 'percentile' rule.</source>
            <translation>{what}: Winsorisieren mit Median ± k MAD ist nicht möglich, weil mindestens die Hälfte der Referenzwerte gleich dem Median {m:g} ist (MAD = 0): Jeder andere Wert würde abgeschnitten. Verwenden Sie die Regel 'sd' oder 'percentile'.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/missing_and_outliers.py" />
            <source>Indicator '{id}': transformation '{kind}' needs values above {limit}, but {n} value(s) are not (first: {value} at {where}). Use 'log1p', no transformation, or declare the value as a missing code.</source>
            <translation>Indikator '{id}': Die Transformation '{kind}' braucht Werte über {limit}, aber {n} Wert(e) sind es nicht (erster: {value} bei {where}). Verwenden Sie 'log1p', keine Transformation oder erklären Sie den Wert zum Fehlwertcode.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/normalise.py" />
            <source>the population weights of all {n} reference districts are 0 or missing, so a weighted mean and SD are undefined. Check the population field or switch off weighting.</source>
            <translation>die Bevölkerungsgewichte aller {n} Referenzgebiete sind 0 oder fehlen, daher sind gewichteter Mittelwert und Standardabweichung nicht definiert. Prüfen Sie das Bevölkerungsfeld oder schalten Sie die Gewichtung aus.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/normalise.py" />
            <source>the population weights of the reference districts sum to {t:g}; the sample SD divides by this sum minus 1 and is undefined. Check the population field (inhabitants, not shares) or use the population SD.</source>
            <translation>die Bevölkerungsgewichte der Referenzgebiete summieren sich zu {t:g}; die Stichproben-Standardabweichung teilt durch diese Summe minus 1 und ist nicht definiert. Prüfen Sie das Bevölkerungsfeld (Einwohnerzahlen, keine Anteile) oder verwenden Sie die Standardabweichung der Grundgesamtheit.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/normalise.py" />
            <source>its values differ (from {lo:g} to {hi:g}) but their SD cannot be computed in floating point. Rescale the field (e.g. per 1,000 instead of per person).</source>
            <translation>seine Werte unterscheiden sich (von {lo:g} bis {hi:g}), aber ihre Standardabweichung lässt sich in Gleitkommazahlen nicht berechnen. Skalieren Sie das Feld um (z. B. je 1.000 statt je Person).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/normalise.py" />
            <source>{what}: no reference district has a value (all missing). Check the field, the missing-value codes and the reference rules.</source>
            <translation>{what}: Kein Referenzgebiet hat einen Wert (alle fehlen). Prüfen Sie das Feld, die Fehlwertcodes und die Referenzregeln.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/normalise.py" />
            <source>{what} cannot be standardised: {problem}</source>
            <translation>{what} kann nicht standardisiert werden: {problem}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/normalise.py" />
            <source>{what} is constant over the {n} reference districts (SD = 0), so it cannot be standardised. Remove it from the recipe or check the field.</source>
            <translation>{what} ist über die {n} Referenzgebiete konstant (SD = 0) und kann daher nicht standardisiert werden. Entfernen Sie den Indikator aus der Indexdefinition oder prüfen Sie das Feld.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/normalise.py" />
            <source>{what}: the reference value is 0, so a relative distance (%) is undefined. Use an absolute distance.</source>
            <translation>{what}: Der Referenzwert ist 0, daher ist ein relativer Abstand (%) nicht definiert. Verwenden Sie einen absoluten Abstand.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>z-score</source>
            <translation>z-Wert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>min-max scaled</source>
            <translation>Min-Max-skaliert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>percentile rank</source>
            <translation>Perzentilrang</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>distance to reference</source>
            <translation>Abstand zum Referenzwert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>not normalised</source>
            <translation>nicht normiert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>Evaluated (has a score and a class)</source>
            <translation>Bewertet (hat einen Indexwert und eine Klasse)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>In the reference set (enters mean and SD)</source>
            <translation>In der Referenzmenge (geht in Mittelwert und SD ein)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>Reason for exclusion or flag</source>
            <translation>Grund für Ausschluss oder Kennzeichnung</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>Some indicator values were imputed</source>
            <translation>Einzelne Indikatorwerte wurden ersetzt (imputiert)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>Imputed indicators</source>
            <translation>Ersetzte Indikatoren</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>{label}: normalised ({method}, oriented)</source>
            <translation>{label}: normiert ({method}, ausgerichtet)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>{label}: aggregate before re-standardisation</source>
            <translation>{label}: Summe vor der Re-Standardisierung</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <location filename="../../plugin/core/web/atlas_fields.py" />
            <source>{label}: score</source>
            <translation>{label}: Indexwert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>{label}: class</source>
            <translation>{label}: Klasse</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>{label}: class number (1 = lowest score)</source>
            <translation>{label}: Klassennummer (1 = niedrigster Indexwert)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>{label}: type</source>
            <translation>{label}: Typ</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>{label}: description</source>
            <translation>{label}: Beschreibung</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/output_fields.py" />
            <source>flag field</source>
            <translation>Kennzeichenfeld</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/summary.py" />
            <source>n</source>
            <translation>n</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/summary.py" />
            <source>missing</source>
            <translation>fehlend</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/summary.py" />
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>mean</source>
            <translation>Mittelwert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/summary.py" />
            <source>SD</source>
            <translation>SD</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/summary.py" />
            <source>min</source>
            <translation>Min.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/summary.py" />
            <source>max</source>
            <translation>Max.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/summary.py" />
            <source>class changes without it ({index})</source>
            <translation>Klassenwechsel ohne ihn ({index})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/summary.py" />
            <source>indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>The recipe has no 'uncertainty' section, so there is nothing to vary. Add one (see docs/recipe-format.md, section Uncertainty).</source>
            <translation>Das Rezept hat keinen Abschnitt 'uncertainty', es gibt also nichts zu variieren. Ergänzen Sie ihn (siehe docs/recipe-format.md, Abschnitt Uncertainty).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>Recipe entry uncertainty.impute: 'group_mean' needs treatment.impute_group_field (the field whose groups give the means).</source>
            <translation>Rezepteintrag uncertainty.impute: 'group_mean' braucht treatment.impute_group_field (das Feld, dessen Gruppen die Mittelwerte liefern).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>Uncertainty alternative {alt}: {n} district(s) that the recipe evaluates would get no score (first: row {row}), e.g. because an imputation leaves values missing. Remove this alternative from the uncertainty section.</source>
            <translation>Unsicherheits-Alternative {alt}: {n} Gebiet(e), die das Rezept bewertet, erhielten keinen Wert (erstes: Zeile {row}), z. B. weil eine Ersetzung Werte fehlen lässt. Entfernen Sie diese Alternative aus dem Abschnitt uncertainty.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>imputation {m}</source>
            <translation>Ersetzung {m}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>winsorising off</source>
            <translation>Winsorisierung aus</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>winsorising {m}</source>
            <translation>Winsorisierung {m}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>reference {m}</source>
            <translation>Referenz {m}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>the recipe</source>
            <translation>das Rezept</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>A simulated recipe gives every indicator of index '{id}' weight 0. Narrow the weight ranges of the uncertainty section.</source>
            <translation>Ein simuliertes Rezept gibt jedem Indikator des Index '{id}' das Gewicht 0. Engen Sie die Gewichtsbereiche im Abschnitt uncertainty ein.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty.py" />
            <source>Index '{id}' is constant over the reference districts in a simulated recipe, so it cannot be re-standardised. Narrow the uncertainty section.</source>
            <translation>Der Index '{id}' ist in einem simulierten Rezept über die Referenzgebiete konstant und kann daher nicht erneut standardisiert werden. Engen Sie den Abschnitt uncertainty ein.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_draws.py" />
            <source>Normalisation</source>
            <translation>Standardisierung</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_draws.py" />
            <source>Aggregation</source>
            <translation>Aggregation</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_draws.py" />
            <source>Imputation</source>
            <translation>Ersetzung fehlender Werte</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_draws.py" />
            <source>Winsorising</source>
            <translation>Winsorisierung</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_draws.py" />
            <source>Reference districts</source>
            <translation>Referenzgebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_draws.py" />
            <source>Weight {id}</source>
            <translation>Gewicht {id}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_draws.py" />
            <source>Weights (Dirichlet)</source>
            <translation>Gewichte (Dirichlet)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_draws.py" />
            <source>Dropping one indicator</source>
            <translation>Weglassen eines Indikators</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_run.py" />
            <source>{label}: rank in the recipe (1 = most disadvantaged)</source>
            <translation>{label}: Rang im Rezept (1 = am stärksten benachteiligt)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_run.py" />
            <source>{label}: median rank over the simulated recipes</source>
            <translation>{label}: Median des Rangs über die simulierten Rezepte</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_run.py" />
            <source>{label}: rank, 5th percentile</source>
            <translation>{label}: Rang, 5. Perzentil</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_run.py" />
            <source>{label}: rank, 95th percentile</source>
            <translation>{label}: Rang, 95. Perzentil</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_run.py" />
            <source>{label}: class number in the recipe</source>
            <translation>{label}: Klassennummer im Rezept</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_run.py" />
            <source>{label}: most frequent class number</source>
            <translation>{label}: häufigste Klassennummer</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_run.py" />
            <source>{label}: share of draws in the most frequent class</source>
            <translation>{label}: Anteil der Ziehungen in der häufigsten Klasse</translation>
        </message>
        <message>
            <location filename="../../plugin/core/index/uncertainty_run.py" />
            <source>{label}: share of draws in class {k} ({name})</source>
            <translation>{label}: Anteil der Ziehungen in Klasse {k} ({name})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>{table}: {m} of {n} districts ({dp} %) and {r} of {t} table rows ({tp} %) matched; the join expects at least {min} % of both.</source>
            <translation>{table}: {m} von {n} Gebieten ({dp} %) und {r} von {t} Tabellenzeilen ({tp} %) zugeordnet; die Verknüpfung erwartet mindestens {min} % von beiden.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>If this is what you expect, lower the minimum match (MIN_MATCH_PERCENT) to {p} %; the join report lists every unmatched key.</source>
            <translation>Wenn Sie das so erwarten, senken Sie die Mindestzuordnung (MIN_MATCH_PERCENT) auf {p} %; der Verknüpfungsbericht listet jeden nicht zugeordneten Schlüssel.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>No key matched, so the join is refused whatever the minimum; the join report lists the keys.</source>
            <translation>Kein Schlüssel wurde zugeordnet, daher wird die Verknüpfung bei jeder Mindestzuordnung abgelehnt; der Verknüpfungsbericht listet die Schlüssel.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>The table's key column is empty.</source>
            <translation>Die Schlüsselspalte der Tabelle ist leer.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>{n} table keys are in scientific notation without all digits (e.g. '{ex}'): Excel rounded them and they cannot be matched. Format the key column as text in Excel and export again.</source>
            <translation>{n} Tabellenschlüssel stehen in wissenschaftlicher Schreibweise ohne alle Ziffern (z. B. '{ex}'): Excel hat sie gerundet, sie lassen sich nicht zuordnen. Formatieren Sie die Schlüsselspalte in Excel als Text und exportieren Sie erneut.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>The table's keys are in scientific notation (e.g. '{t}', layer '{d}'), as Excel writes long numbers.</source>
            <translation>Die Schlüssel der Tabelle stehen in wissenschaftlicher Schreibweise (z. B. '{t}', Layer '{d}'), wie Excel lange Zahlen schreibt.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>The table's keys are decimal numbers (e.g. '{t}', layer '{d}').</source>
            <translation>Die Schlüssel der Tabelle sind Dezimalzahlen (z. B. '{t}', Layer '{d}').</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>The layer's keys lost their leading zeros (e.g. '{d}' for '{t}'; a numeric key field?).</source>
            <translation>Die Schlüssel des Layers haben ihre führenden Nullen verloren (z. B. '{d}' für '{t}'; ein numerisches Schlüsselfeld?).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>The table's keys lost their leading zeros (e.g. '{t}' for '{d}').</source>
            <translation>Die Schlüssel der Tabelle haben ihre führenden Nullen verloren (z. B. '{t}' für '{d}').</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>The keys differ in case or spacing (e.g. table '{t}', layer '{d}').</source>
            <translation>Die Schlüssel unterscheiden sich in Groß-/Kleinschreibung oder Leerzeichen (z. B. Tabelle '{t}', Layer '{d}').</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>With the key rule '{rule}' {m} of {n} districts ({p} %) would match.</source>
            <translation>Mit der Schlüsselregel '{rule}' würden {m} von {n} Gebieten ({p} %) zugeordnet.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>{r} of the table's {t} rows matched, but they cover only {m} of the {n} districts: the table covers a part of the area only (or the layer has more districts than the table).</source>
            <translation>{r} der {t} Tabellenzeilen wurden zugeordnet, sie decken aber nur {m} der {n} Gebiete ab: Die Tabelle umfasst nur einen Teil des Gebiets (oder der Layer hat mehr Gebiete als die Tabelle).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>{m} of the {n} districts got data, but only {r} of the table's {t} rows found a district: the table covers a larger area than the layer (or holds other areas as well).</source>
            <translation>{m} der {n} Gebiete haben Daten, aber nur {r} der {t} Tabellenzeilen fanden ein Gebiet: Die Tabelle umfasst ein größeres Gebiet als der Layer (oder enthält auch andere Gebiete).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>The table's keys look like a different district vintage: same format as the layer's (e.g. table '{t}', layer '{d}'), but only {r} of {n} occur in the layer.</source>
            <translation>Die Schlüssel der Tabelle sehen nach einem anderen Gebietsstand aus: dasselbe Format wie im Layer (z. B. Tabelle '{t}', Layer '{d}'), aber nur {r} von {n} kommen im Layer vor.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>{k} names occur in both.</source>
            <translation>{k} Namen kommen in beiden vor.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>Join it to districts in the table's boundaries (or take the table for this layer's vintage).</source>
            <translation>Verknüpfen Sie sie mit Gebieten im Gebietsstand der Tabelle (oder nehmen Sie die Tabelle für den Gebietsstand dieses Layers).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/expectation.py" />
            <source>The keys of table and layer look different (e.g. table '{t}', layer '{d}'): check the key column (TABLE_KEY) and the district key field (INPUT_KEY).</source>
            <translation>Die Schlüssel von Tabelle und Layer sehen verschieden aus (z. B. Tabelle '{t}', Layer '{d}'): Prüfen Sie die Schlüsselspalte (TABLE_KEY) und das Schlüsselfeld der Gebiete (INPUT_KEY).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/keys.py" />
            <source>keys compared as text, ignoring surrounding whitespace</source>
            <translation>Schlüssel als Text verglichen, umgebende Leerzeichen ignoriert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/keys.py" />
            <source>digit keys compared after removing a trailing '.0', writing out scientific notation (1.011101E+6) and restoring leading zeros to {width} digits (other keys as text, ignoring surrounding whitespace)</source>
            <translation>Ziffernschlüssel verglichen, nachdem ein angehängtes '.0' entfernt, wissenschaftliche Schreibweise (1.011101E+6) ausgeschrieben und führende Nullen auf {width} Stellen ergänzt wurden (andere Schlüssel als Text, umgebende Leerzeichen ignoriert)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/keys.py" />
            <source>keys compared as text ignoring case, surrounding/repeated whitespace, Unicode form and ß/ss</source>
            <translation>Schlüssel als Text verglichen, ohne Beachtung von Groß-/Kleinschreibung, umgebenden/mehrfachen Leerzeichen, Unicode-Form und ß/ss</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/keys.py" />
            <source>Unknown key rule '{rule}'. Use one of: {rules}.</source>
            <translation>Unbekannte Schlüsselregel '{rule}'. Verwenden Sie eine von: {rules}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>table</source>
            <translation>Tabelle</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>Unknown duplicates option '{opt}'. Use one of: {opts}.</source>
            <translation>Unbekannte Option für Duplikate '{opt}'. Verwenden Sie eine von: {opts}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>district layer</source>
            <translation>Gebietslayer</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>district key field '{f}' is numeric; its values were turned into text (leading zeros cannot be recovered without the key rule 'pad_zeros')</source>
            <translation>Das Schlüsselfeld '{f}' der Gebiete ist numerisch; seine Werte wurden in Text umgewandelt (führende Nullen lassen sich nur mit der Schlüsselregel 'pad_zeros' wiederherstellen)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>table column '{old}' renamed to '{new}' (the layer has a field '{old}')</source>
            <translation>Tabellenspalte '{old}' in '{new}' umbenannt (der Layer hat bereits ein Feld '{old}')</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>Strict join failed for {table}: {summary}. Fix the keys or switch strict mode off; the full list is in the details.</source>
            <translation>Strikte Verknüpfung von {table} fehlgeschlagen: {summary}. Korrigieren Sie die Schlüssel oder schalten Sie den strikten Modus aus; die vollständige Liste steht in den Details.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>Column '{col}' not found in {where}. Columns: {cols}.</source>
            <translation>Spalte '{col}' nicht gefunden in {where}. Spalten: {cols}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>first row kept, later rows dropped</source>
            <translation>erste Zeile übernommen, weitere Zeilen verworfen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>values summed</source>
            <translation>Werte summiert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>values averaged</source>
            <translation>Werte gemittelt</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>{table}: {n} keys occur in several rows: {listing}. Remove the duplicates or choose an aggregation (sum, mean or first).</source>
            <translation>{table}: {n} Schlüssel kommen in mehreren Zeilen vor: {listing}. Entfernen Sie die Duplikate oder wählen Sie eine Zusammenfassung (Summe, Mittelwert oder erste Zeile).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>column '{col}': {n} duplicate keys left missing because one of their rows has no value (suppressed or empty): {keys}</source>
            <translation>Spalte '{col}': {n} doppelte Schlüssel bleiben ohne Wert, weil eine ihrer Zeilen keinen Wert hat (gesperrt oder leer): {keys}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>text columns {cols}: first row of each duplicate key kept</source>
            <translation>Textspalten {cols}: erste Zeile jedes doppelten Schlüssels übernommen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>{table}: {n} keys are in scientific notation without all digits (e.g. '{ex}'), so different districts got the same key: Excel rounded them. Format the key column as text in Excel and export again.</source>
            <translation>{table}: {n} Schlüssel stehen in wissenschaftlicher Schreibweise ohne alle Ziffern (z. B. '{ex}'), daher haben verschiedene Gebiete denselben Schlüssel: Excel hat sie gerundet. Formatieren Sie die Schlüsselspalte in Excel als Text und exportieren Sie erneut.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>{table} is in long format: each key occurs in about {k} rows, one per {dims}. Summing or averaging them would add up years and indicators.</source>
            <translation>{table} ist im Langformat: Jeder Schlüssel kommt in etwa {k} Zeilen vor, je eine pro {dims}. Summe oder Mittelwert würden Jahre und Indikatoren zusammenzählen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>Pivot it to one row per district: {params} (the columns are found if you leave them empty).</source>
            <translation>Formen Sie sie in eine Zeile pro Gebiet um: {params} (die Spalten werden erkannt, wenn Sie sie leer lassen).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/match.py" />
            <source>with the key rule '{rule}' {now} table rows would match instead of {before} ({n} unmatched entries now)</source>
            <translation>mit der Schlüsselregel '{rule}' würden {now} statt {before} Tabellenzeilen zugeordnet ({n} derzeit nicht zugeordnete Einträge)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>{key}: {count} features ({names})</source>
            <translation>{key}: {count} Objekte ({names})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>{key}: {count} features</source>
            <translation>{key}: {count} Objekte</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Districts without data ({n})</source>
            <translation>Gebiete ohne Daten ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Districts without key ({n})</source>
            <translation>Gebiete ohne Schlüssel ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>feature {row} {name}</source>
            <translation>Objekt {row} {name}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Table rows without district ({n})</source>
            <translation>Tabellenzeilen ohne Gebiet ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>row {row}: {key} {name}</source>
            <translation>Zeile {row}: {key} {name}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Table rows without key ({n})</source>
            <translation>Tabellenzeilen ohne Schlüssel ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>row {row} {name}</source>
            <translation>Zeile {row} {name}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Duplicate keys in the district layer ({n}) — all features kept, each gets the same table row</source>
            <translation>Doppelte Schlüssel im Gebietslayer ({n}) – alle Objekte bleiben erhalten, jedes erhält dieselbe Tabellenzeile</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Duplicate keys in the table ({n})</source>
            <translation>Doppelte Schlüssel in der Tabelle ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>{key}: rows {rows} — {action}</source>
            <translation>{key}: Zeilen {rows} – {action}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Same key, different name ({n})</source>
            <translation>Gleicher Schlüssel, anderer Name ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>{key}: layer '{dname}', table '{tname}'</source>
            <translation>{key}: Layer '{dname}', Tabelle '{tname}'</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Suppressed or missing values ({n})</source>
            <translation>Gesperrte oder fehlende Werte ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>column '{col}': {n} × '{flag}'</source>
            <translation>Spalte '{col}': {n} × '{flag}'</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Cells that are not a number ({n})</source>
            <translation>Zellen, die keine Zahl sind ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>column '{col}', row {row}: '{text}'</source>
            <translation>Spalte '{col}', Zeile {row}: '{text}'</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Numbers with a flag ({n})</source>
            <translation>Zahlen mit Kennzeichen ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Missing-value codes, left unchanged: the index recipe decides ({n})</source>
            <translation>Fehlwert-Codes, unverändert übernommen: die Indexdefinition entscheidet ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>column '{col}': {n} × {code}</source>
            <translation>Spalte '{col}': {n} × {code}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Rows with a missing-value code in at least half of the value columns ({n})</source>
            <translation>Zeilen mit einem Fehlwert-Code in mindestens der Hälfte der Wertspalten ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>{key}: code {code}</source>
            <translation>{key}: Code {code}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Keys changed by the key rule, examples ({n})</source>
            <translation>Durch die Schlüsselregel geänderte Schlüssel, Beispiele ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>{side}: '{old}' -&gt; '{new}'</source>
            <translation>{side}: '{old}' -&gt; '{new}'</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Conversions ({n})</source>
            <translation>Umwandlungen ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>How the table was read ({n})</source>
            <translation>Wie die Tabelle gelesen wurde ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Fields added ({n})</source>
            <translation>Hinzugefügte Felder ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>{field} (header '{header}')</source>
            <translation>{field} (Spaltenkopf '{header}')</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Hints ({n})</source>
            <translation>Hinweise ({n})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>{matched} of {n} districts matched; {nodata} without data; {rows} of {total} table rows matched; {orphans} table rows without district</source>
            <translation>{matched} von {n} Gebieten zugeordnet; {nodata} ohne Daten; {rows} von {total} Tabellenzeilen zugeordnet; {orphans} Tabellenzeilen ohne Gebiet</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source> ({n} of them without key)</source>
            <translation> (davon {n} ohne Schlüssel)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>; {n} keys changed by the key rule</source>
            <translation>; {n} Schlüssel durch die Schlüsselregel geändert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Join of {table} (key '{tkey}') to districts (key '{dkey}')</source>
            <translation>Verknüpfung von {table} (Schlüssel '{tkey}') mit den Gebieten (Schlüssel '{dkey}')</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>Key rule '{rule}': {text}</source>
            <translation>Schlüsselregel '{rule}': {text}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/report.py" />
            <source>... and {n} more (see the report table)</source>
            <translation>... und {n} weitere (siehe Berichtstabelle)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/several_tables.py" />
            <source>Missing-value code '{code}' is not a number (example: 0;-9999).</source>
            <translation>Der Fehlwertcode '{code}' ist keine Zahl (Beispiel: 0;-9999).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/several_tables.py" />
            <source>{file}: none of the key columns {names} found. Columns: {cols}.</source>
            <translation>{file}: keine der Schlüsselspalten {names} gefunden. Spalten: {cols}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/several_tables.py" />
            <source>{file}: the long-format columns could not be found (the key '{key}' does not repeat with a year or indicator column, or there are several value columns: {cols}). Give LONG_INDICATOR, LONG_VALUE and LONG_YEAR.</source>
            <translation>{file}: Die Spalten des Langformats wurden nicht gefunden (der Schlüssel '{key}' wiederholt sich nicht mit einer Jahres- oder Indikatorspalte, oder es gibt mehrere Wertspalten: {cols}). Geben Sie LONG_INDICATOR, LONG_VALUE und LONG_YEAR an.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/several_tables.py" />
            <source>Long format: columns found: indicator '{i}', value '{v}', year '{y}'.</source>
            <translation>Langformat: erkannte Spalten: Indikator '{i}', Wert '{v}', Jahr '{y}'.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/several_tables.py" />
            <source>Long format needs the value column (LONG_VALUE) and the indicator column (LONG_INDICATOR) or the year column (LONG_YEAR); leave all three empty to detect them.</source>
            <translation>Das Langformat braucht die Wertspalte (LONG_VALUE) und die Indikatorspalte (LONG_INDICATOR) oder die Jahresspalte (LONG_YEAR); lassen Sie alle drei leer, um sie erkennen zu lassen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/join/several_tables.py" />
            <source>{col}: flag</source>
            <translation>{col}: Kennzeichen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>&lt; {n} inhab.</source>
            <translation>&lt; {n} Einw.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>excluded</source>
            <translation>ausgeschlossen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>without values</source>
            <translation>ohne Werte</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>{reasons} or {last}</source>
            <translation>{reasons} od. {last}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>Field '{field}' holds class value(s) {values} that the class list {labels} does not contain. Check the recipe's classification labels.</source>
            <translation>Das Feld '{field}' enthält Klassenwert(e) {values}, die in der Klassenliste {labels} nicht vorkommen. Prüfen Sie die Klassenbezeichnungen der Indexdefinition.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <location filename="../../plugin/gis/style/renderers.py" />
            <source>There are no values to classify (all districts are secret or without data).</source>
            <translation>Es gibt keine Werte zum Klassifizieren (alle Gebiete sind geheim oder ohne Daten).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>Cannot build {n} classes from {m} colours; give one colour per class.</source>
            <translation>Aus {m} Farben lassen sich keine {n} Klassen bilden; geben Sie eine Farbe je Klasse an.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>Class breaks for '{field}' are not ascending: {edges}.</source>
            <translation>Die Klassengrenzen für '{field}' sind nicht aufsteigend: {edges}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>up to {high}{unit}</source>
            <translation>bis {high}{unit}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>over {low}{unit}</source>
            <translation>über {low}{unit}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/classes.py" />
            <source>over {low} to {high}{unit}</source>
            <translation>über {low} bis {high}{unit}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/palettes.py" />
            <source>not evaluated</source>
            <translation>nicht bewertet</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/palettes.py" />
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>no data</source>
            <translation>keine Daten</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/palettes.py" />
            <source>Unknown colour ramp '{name}'. Available: {names}.</source>
            <translation>Unbekannter Farbverlauf '{name}'. Verfügbar: {names}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/maps/palettes.py" />
            <source>A colour ramp needs at least one class, got {n}.</source>
            <translation>Ein Farbverlauf braucht mindestens eine Klasse, erhalten: {n}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>Cannot write {path}: {reason}. Choose another folder.</source>
            <translation>{path} kann nicht geschrieben werden: {reason}. Wählen Sie einen anderen Ordner.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>… ({n} more lines)</source>
            <translation>… ({n} weitere Zeilen)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>… ({n} more)</source>
            <translation>… ({n} weitere)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>the disk is full ({free} free</source>
            <translation>der Datenträger ist voll ({free} frei</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>, about {needed} needed)</source>
            <translation>, etwa {needed} benötigt)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>the written file is empty ({free} free on the disk)</source>
            <translation>die geschriebene Datei ist leer ({free} frei auf dem Datenträger)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>the PDF is incomplete ({size} written, {free} free on the disk)</source>
            <translation>das PDF ist unvollständig ({size} geschrieben, {free} frei auf dem Datenträger)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>Removed what an interrupted earlier run left in {folder}: {names}</source>
            <translation>Reste eines abgebrochenen früheren Laufs in {folder} entfernt: {names}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>it is a folder</source>
            <translation>es ist ein Ordner</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>the folder {folder} does not exist</source>
            <translation>der Ordner {folder} existiert nicht</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/atomic.py" />
            <source>{path} is a file, not a folder</source>
            <translation>{path} ist eine Datei, kein Ordner</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/not_inputs.py" />
            <source>{out} would overwrite the input {inp} ({path}). A result is never written into a file the run reads: choose another file for {out}.</source>
            <translation>{out} würde die Eingabe {inp} überschreiben ({path}). Ein Ergebnis wird nie in eine Datei geschrieben, die der Lauf liest: Wählen Sie eine andere Datei für {out}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/outputs/not_inputs.py" />
            <source>{a} and {b} are the same file ({path}): one would overwrite the other. Choose two different files.</source>
            <translation>{a} und {b} sind dieselbe Datei ({path}): Die eine würde die andere überschreiben. Wählen Sie zwei verschiedene Dateien.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>method '{m}' needs 'breaks'.</source>
            <translation>Methode '{m}' braucht 'breaks'.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>thresholds out of order: {a} is not below {b}; list breaks ascending.</source>
            <translation>Schwellen in falscher Reihenfolge: {a} liegt nicht unter {b}; geben Sie die Grenzen aufsteigend an.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>method '{m}' needs 'n' (number of classes, at least 2).</source>
            <translation>Methode '{m}' braucht 'n' (Anzahl der Klassen, mindestens 2).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>{n} classes are too many for a map; give at most {m}.</source>
            <translation>{n} Klassen sind zu viele für eine Karte; höchstens {m}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>'equal_goes' per break needs fixed breaks; with method '{m}' give 'lower' or 'upper'.</source>
            <translation>'equal_goes' je Grenze verlangt feste Grenzen; mit Methode '{m}' geben Sie 'lower' oder 'upper' an.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>'equal_goes' must be 'lower', 'upper' or one of these per break.</source>
            <translation>'equal_goes' muss 'lower', 'upper' oder je Grenze einer dieser Werte sein.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>{n} classes but {m} {key}; give one per class, lowest score first.</source>
            <translation>{n} Klassen, aber {m} {key}; geben Sie eines je Klasse an, niedrigster Indexwert zuerst.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>the id must start with a letter and contain only letters, digits and '_'.</source>
            <translation>Die ID muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern und '_' enthalten.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>unknown indicator id(s) {ids}; known: {known}.</source>
            <translation>unbekannte Indikator-ID(s) {ids}; bekannt: {known}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>no indicator has group '{g}'; list 'indicators' or set their 'group'.</source>
            <translation>Kein Indikator hat die Gruppe '{g}'; führen Sie 'indicators' auf oder setzen Sie deren 'group'.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>an indicator or sub-index is listed twice; list each member once.</source>
            <translation>ein Indikator oder Teilindex ist doppelt aufgeführt; führen Sie jedes Element einmal auf.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>the weights of its indicators sum to zero; give at least one a weight &gt; 0.</source>
            <translation>die Gewichte seiner Indikatoren ergeben zusammen null; geben Sie mindestens einem ein Gewicht &gt; 0.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>aggregation 'mean' ignores weights but the weights differ; use 'weighted_mean' or equal weights.</source>
            <translation>Die Aggregation 'mean' ignoriert Gewichte, aber die Gewichte sind verschieden; verwenden Sie 'weighted_mean' oder gleiche Gewichte.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>'{key}' is neither an indicator nor a sub-index of this index (members: {members}).</source>
            <translation>'{key}' ist weder ein Indikator noch ein Teilindex dieses Index (Elemente: {members}).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>the weight of '{key}' must be a number from 0 to {m:g}, got {value}.</source>
            <translation>das Gewicht von '{key}' muss eine Zahl von 0 bis {m:g} sein, erhalten: {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>unknown sub-index '{sub}'; known indices: {known}.</source>
            <translation>unbekannter Teilindex '{sub}'; vorhandene Indizes: {known}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>the index lists itself as a sub-index.</source>
            <translation>der Index führt sich selbst als Teilindex auf.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>sub-index '{sub}' has higher_means '{a}' but this index '{b}'; its score is reversed, which needs "restandardise": true for '{sub}'.</source>
            <translation>Teilindex '{sub}' hat higher_means '{a}', dieser Index aber '{b}'; sein Wert wird umgekehrt, was "restandardise": true für '{sub}' erfordert.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>the sub-indices form a cycle: {cycle}; an index cannot contain itself.</source>
            <translation>die Teilindizes bilden einen Kreis: {cycle}; ein Index kann sich nicht selbst enthalten.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>refers to index '{ref}' which the recipe does not define.</source>
            <translation>verweist auf den Index '{ref}', den die Indexdefinition nicht definiert.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/indices.py" />
            <source>index '{ref}' has no classification to cross.</source>
            <translation>Index '{ref}' hat keine Klassifizierung, die gekreuzt werden kann.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>recipe</source>
            <translation>Indexdefinition</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>{where} is not a Sozialmonitor recipe: expected an object {{...}} with "format": "{name}", got {got}.</source>
            <translation>{where} ist keine Sozialmonitor-Indexdefinition: erwartet ein Objekt {{...}} mit "format": "{name}", gefunden {got}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>{where} is not a Sozialmonitor recipe: expected "format": "{name}", got {got}.</source>
            <translation>{where} ist keine Sozialmonitor-Indexdefinition: erwartet "format": "{name}", gefunden {got}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>{where}: recipe version {v} is not supported by this plugin version (supports {ok}). Update the plugin or convert the recipe.</source>
            <translation>{where}: Version {v} der Indexdefinition wird von dieser Plugin-Version nicht unterstützt (unterstützt: {ok}). Aktualisieren Sie das Plugin oder konvertieren Sie die Indexdefinition.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>the recipe lists no indicators.</source>
            <translation>die Indexdefinition enthält keine Indikatoren.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>the recipe defines no index.</source>
            <translation>die Indexdefinition definiert keinen Index.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>The recipe</source>
            <translation>Die Indexdefinition</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>{where} is not text.</source>
            <translation>{where} ist kein Text.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>{where} is {mb:.0f} MB long; a recipe may have at most {max:.0f} MB. Is it the right file?</source>
            <translation>{where} ist {mb:.0f} MB groß; eine Indexdefinition darf höchstens {max:.0f} MB haben. Ist es die richtige Datei?</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>{where} is nested far too deeply (brackets inside brackets); a recipe needs at most {m} levels. Check the file.</source>
            <translation>{where} ist viel zu tief verschachtelt (Klammern in Klammern); eine Indexdefinition braucht höchstens {m} Ebenen. Prüfen Sie die Datei.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>{where} is not valid JSON: {err}.</source>
            <translation>{where} ist kein gültiges JSON: {err}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>The recipe file {path} is {mb:.0f} MB long; a recipe may have at most {max:.0f} MB. Is it the right file?</source>
            <translation>Die Indexdefinition {path} ist {mb:.0f} MB groß; eine Indexdefinition darf höchstens {max:.0f} MB haben. Ist es die richtige Datei?</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>Cannot read the recipe file {path}: {err}.</source>
            <translation>Die Datei der Indexdefinition {path} kann nicht gelesen werden: {err}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>The recipe file {path} is not UTF-8 text.</source>
            <translation>Die Datei der Indexdefinition {path} ist kein UTF-8-Text.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>excluding districts by key needs metadata.key_field.</source>
            <translation>Der Ausschluss von Gebieten nach Schlüssel braucht metadata.key_field.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>a minimum population or population weighting needs metadata.population_field.</source>
            <translation>Eine Mindesteinwohnerzahl oder eine Gewichtung nach Einwohnern braucht metadata.population_field.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>its output field '{name}' collides with {other}; rename one of the ids.</source>
            <translation>sein Ausgabefeld '{name}' kollidiert mit {other}; benennen Sie eine der IDs um.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source> (did you mean '{c}'? Field names are case-sensitive)</source>
            <translation> (meinten Sie '{c}'? Feldnamen unterscheiden Groß- und Kleinschreibung)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>unknown field '{name}'{hint}. The table has: {cols}.</source>
            <translation>unbekanntes Feld '{name}'{hint}. Die Tabelle hat: {cols}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>impute 'group_mean' needs treatment.impute_group_field.</source>
            <translation>Die Ersetzung 'group_mean' braucht treatment.impute_group_field.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/load.py" />
            <source>the {what} '{id}' appears twice; ids must be unique.</source>
            <translation>{what} '{id}' kommt zweimal vor; IDs müssen eindeutig sein.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/model.py" />
            <source>'k' must be greater than 0, got {k}.</source>
            <translation>'k' muss größer als 0 sein, gefunden {k}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/model.py" />
            <source>percentiles must satisfy 0 &lt;= lower &lt; upper &lt;= 100, got {lo} and {hi}.</source>
            <translation>für die Perzentile muss 0 &lt;= lower &lt; upper &lt;= 100 gelten, gefunden {lo} und {hi}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/model.py" />
            <source>impute 'group_mean' needs 'impute_group_field' (e.g. the district field).</source>
            <translation>die Ersetzung 'group_mean' braucht 'impute_group_field' (z. B. das Bezirksfeld).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/model.py" />
            <source>the id must start with a letter and contain only letters, digits and '_' (max. 31 characters), because it becomes part of output field names.</source>
            <translation>die ID muss mit einem Buchstaben beginnen und darf nur Buchstaben, Ziffern und '_' enthalten (höchstens 31 Zeichen), weil sie Teil der Namen der Ausgabefelder wird.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/model.py" />
            <source>negative weight {w}; weights must be &gt;= 0. Use 'direction' (higher_is_better) to reverse an indicator.</source>
            <translation>negatives Gewicht {w}; Gewichte müssen &gt;= 0 sein. Verwenden Sie 'direction' (higher_is_better), um einen Indikator umzukehren.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/model.py" />
            <source>weight {w:g} is too large; weights are relative, give at most {m:g} (e.g. 1 and 2 for one indicator counting double).</source>
            <translation>Gewicht {w:g} ist zu groß; Gewichte sind relativ, höchstens {m:g} (z. B. 1 und 2, wenn ein Indikator doppelt zählt).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/model.py" />
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>{n} entries; at most {m} are allowed here.</source>
            <translation>{n} Einträge; hier sind höchstens {m} erlaubt.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/model.py" />
            <source>'reference_value' must be a number, 'mean' or 'median', got {v}.</source>
            <translation>'reference_value' muss eine Zahl, 'mean' oder 'median' sein, gefunden {v}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/model.py" />
            <source>'range' must be [low, high] with low &lt; high, got {v}.</source>
            <translation>'range' muss [untere, obere] mit untere &lt; obere sein, gefunden {v}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>Recipe entry {where}: </source>
            <translation>Eintrag der Indexdefinition {where}: </translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>the number {v} is not finite; give a plain number (NaN and Infinity are not allowed).</source>
            <translation>die Zahl {v} ist nicht endlich; geben Sie eine gewöhnliche Zahl an (NaN und Infinity sind nicht erlaubt).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>the number {v} is out of range; numbers in a recipe must lie between -{m:g} and {m:g}.</source>
            <translation>die Zahl {v} liegt außerhalb des Bereichs; Zahlen in einer Indexdefinition müssen zwischen -{m:g} und {m:g} liegen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>the text is {n} characters long; at most {m} are allowed.</source>
            <translation>der Text ist {n} Zeichen lang; höchstens {m} sind erlaubt.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>unexpected value of type {t}.</source>
            <translation>unerwarteter Wert vom Typ {t}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>nested more than {m} levels deep; a recipe needs at most 5. Check the brackets.</source>
            <translation>mehr als {m} Ebenen tief verschachtelt; eine Indexdefinition braucht höchstens 5. Prüfen Sie die Klammern.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>a key is {n} characters long; at most {m} are allowed.</source>
            <translation>ein Schlüssel ist {n} Zeichen lang; höchstens {m} sind erlaubt.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>exclude_keys must map a key text to a reason text (at most {m} characters), got {v} for {k}; {n} such entries.</source>
            <translation>exclude_keys muss einem Schlüsseltext einen Begründungstext zuordnen (höchstens {m} Zeichen), gefunden {v} für {k}; {n} solche Einträge.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be a finite number between -{m:g} and {m:g}, got {value}.</source>
            <translation>'{key}' muss eine endliche Zahl zwischen -{m:g} und {m:g} sein, gefunden {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>expected an object ({{...}}), got {got}.</source>
            <translation>erwartet wird ein Objekt ({{...}}), gefunden {got}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>the key '{key}' is required.</source>
            <translation>der Schlüssel '{key}' ist erforderlich.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be a number, got {value}.</source>
            <translation>'{key}' muss eine Zahl sein, gefunden {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be a whole number, got {value}.</source>
            <translation>'{key}' muss eine ganze Zahl sein, gefunden {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be true or false, got {value}.</source>
            <translation>'{key}' muss true oder false sein, gefunden {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be text, got {value}.</source>
            <translation>'{key}' muss ein Text sein, gefunden {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be one of {choices}, got '{value}'.</source>
            <translation>'{key}' muss einer der Werte {choices} sein, gefunden '{value}'.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be a list [...], got {value}.</source>
            <translation>'{key}' muss eine Liste [...] sein, gefunden {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be an object {{...}}, got {value}.</source>
            <translation>'{key}' muss ein Objekt {{...}} sein, gefunden {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be a list of numbers, got {value}.</source>
            <translation>'{key}' muss eine Liste von Zahlen sein, gefunden {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must be a list of texts, got {value}.</source>
            <translation>'{key}' muss eine Liste von Texten sein, gefunden {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>'{key}' must map texts to texts, got {value} for '{k}'.</source>
            <translation>'{key}' muss Texten Texte zuordnen, gefunden {value} für '{k}'.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/strict_reading.py" />
            <source>unknown key(s) {keys}; check the spelling (see docs/recipe-format.md).</source>
            <translation>unbekannte(r) Schlüssel {keys}; prüfen Sie die Schreibweise (siehe docs/recipe-format.md).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>an uncertainty analysis needs an index with a classification; none has one.</source>
            <translation>eine Unsicherheitsanalyse braucht einen Index mit Klasseneinteilung; keiner hat eine.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>'index' names '{id}', but the recipe's indices are {ids}.</source>
            <translation>'index' nennt '{id}', die Indizes des Rezepts sind aber {ids}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>the index '{id}' has no classification; class probabilities need one.</source>
            <translation>der Index '{id}' hat keine Klasseneinteilung; Klassenwahrscheinlichkeiten brauchen eine.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>'{id}' is not an indicator of the index '{index}' ({ids}).</source>
            <translation>'{id}' ist kein Indikator des Index '{index}' ({ids}).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>give either 'weight_ranges' or 'weight_dirichlet', not both.</source>
            <translation>geben Sie entweder 'weight_ranges' oder 'weight_dirichlet' an, nicht beides.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>the weights of the index '{id}' sum to 0.</source>
            <translation>die Gewichte des Index '{id}' summieren sich zu 0.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>'weight_dirichlet' must be at least {m:g} here (concentration × smallest weight share ≥ 1); larger values keep the weights closer to the recipe.</source>
            <translation>'weight_dirichlet' muss hier mindestens {m:g} sein (Konzentration × kleinster Gewichtsanteil ≥ 1); größere Werte halten die Gewichte näher am Rezept.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>'drop_indicator' needs an index with at least 2 indicators.</source>
            <translation>'drop_indicator' braucht einen Index mit mindestens 2 Indikatoren.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>names no choice to vary; give at least one of normalisation, aggregation, weight_ranges, weight_dirichlet, impute, winsorise, reference, drop_indicator.</source>
            <translation>nennt keine Entscheidung, die variiert werden soll; geben Sie mindestens eine der folgenden an: normalisation, aggregation, weight_ranges, weight_dirichlet, impute, winsorise, reference, drop_indicator.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>'{key}' alternatives must be among {choices}, got '{value}'.</source>
            <translation>Die Alternativen von '{key}' müssen aus {choices} stammen, angegeben ist '{value}'.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>'{key}' lists an alternative twice.</source>
            <translation>'{key}' nennt eine Alternative zweimal.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>'{id}' must be [low, high] with 0 ≤ low ≤ high ≤ {m:g}, got {v}.</source>
            <translation>'{id}' muss [unten, oben] mit 0 ≤ unten ≤ oben ≤ {m:g} sein, angegeben ist {v}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/recipe/uncertainty.py" />
            <source>lists an alternative twice.</source>
            <translation>nennt eine Alternative zweimal.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/district_profile.py" />
            <source>{rank} of {n}</source>
            <translation>{rank} von {n}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/district_profile.py" />
            <source>City: unweighted mean of the evaluated areas; deviation in the indicator's unit (Pp. = percentage points); rank 1 = highest value.</source>
            <translation>Stadt: ungewichtetes Mittel der bewerteten Gebiete; Abweichung in der Einheit des Indikators (Pp. = Prozentpunkte); Rang 1 = höchster Wert.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/district_profile.py" />
            <source>“{secret}” = not evaluated (secrecy / too few inhabitants), “{missing}” = no value.</source>
            <translation>„{secret}“ = nicht bewertet (Geheimhaltung / zu wenige Einwohner), „{missing}“ = kein Wert.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/rank_interval_chart.py" />
            <source>Rank (1 = most disadvantaged)</source>
            <translation>Rang (1 = am stärksten benachteiligt)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/rank_interval_chart.py" />
            <source>Districts sorted by rank; bar: 5–95 % rank interval</source>
            <translation>Gebiete nach Rang sortiert; Balken: 5–95-%-Rangintervall</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/rank_interval_chart.py" />
            <source>edge: class probability below {p:.0f} %</source>
            <translation>Rand: Klassenwahrscheinlichkeit unter {p:.0f} %</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/trend.py" />
            <source>Trend series '{name}': years must be numbers, e.g. {{2019: 'alq19'}}.</source>
            <translation>Zeitreihe '{name}': Jahre müssen Zahlen sein, z. B. {{2019: 'alq19'}}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/trend.py" />
            <source>Trend series '{name}' needs at least {n} years.</source>
            <translation>Die Zeitreihe '{name}' braucht mindestens {n} Jahre.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/trend.py" />
            <source>Trend series '{name}': fields not in the layer: {fields}.</source>
            <translation>Zeitreihe '{name}': Felder nicht im Layer: {fields}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/trend.py" />
            <source>No year series for {names}. Fields must be named &lt;indicator&gt;_&lt;year&gt; with at least {n} years; series found: {found}.</source>
            <translation>Keine Jahresreihe für {names}. Felder müssen &lt;Indikator&gt;_&lt;Jahr&gt; heißen und mindestens {n} Jahre umfassen; gefundene Reihen: {found}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/trend.py" />
            <location filename="../../plugin/gis/io/postgis_connection.py" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/trend.py" />
            <source>At most {n} trend charts fit on a page; {k} indicators were chosen ({names}).</source>
            <translation>Auf eine Seite passen höchstens {n} Zeitreihendiagramme; gewählt wurden {k} Indikatoren ({names}).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>Uncertainty and sensitivity</source>
            <translation>Unsicherheit und Sensitivität</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>normalisation: {alts}</source>
            <translation>Standardisierung: {alts}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>aggregation: {alts}</source>
            <translation>Aggregation: {alts}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>weight of {id}: {low} to {high}</source>
            <translation>Gewicht von {id}: {low} bis {high}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>weights: Dirichlet around the recipe's weights, concentration {c}</source>
            <translation>Gewichte: Dirichlet-Verteilung um die Gewichte des Rezepts, Konzentration {c}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>imputation: {alts}</source>
            <translation>Ersetzung fehlender Werte: {alts}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>off</source>
            <translation>aus</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>±{k} SD</source>
            <translation>±{k} SD</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>percentiles {lo}–{hi}</source>
            <translation>Perzentile {lo}–{hi}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>winsorising: {alts}</source>
            <translation>Winsorisierung: {alts}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>the recipe's reference rules</source>
            <translation>die Referenzregeln des Rezepts</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>all complete districts</source>
            <translation>alle vollständigen Gebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>reference districts: {alts}</source>
            <translation>Referenzgebiete: {alts}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>dropping one indicator of the index (or none), equally likely</source>
            <translation>Weglassen eines Indikators des Index (oder keines), gleich wahrscheinlich</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>The index “{label}” was recomputed for {draws} simulated recipes (random seed {seed}), each drawing one alternative for every choice below; the recipe itself is the reference. Ranks count from 1 = most disadvantaged district; fixed class thresholds stay fixed, data-driven ones are recomputed in every draw.</source>
            <translation>Der Index „{label}“ wurde für {draws} simulierte Rezepte neu berechnet (Zufallsstartwert {seed}); jedes zieht für jede der folgenden Entscheidungen eine Alternative, das Rezept selbst ist die Referenz. Ränge zählen ab 1 = am stärksten benachteiligtes Gebiet; feste Klassengrenzen bleiben fest, datenabhängige werden in jeder Ziehung neu berechnet.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>Result: {unc} of {n} districts have a class probability below {p} % (their class is uncertain and hatched on the map); for {changed} districts the most frequent class differs from the recipe's. The median width of the 5–95 % rank interval is {width} ranks.</source>
            <translation>Ergebnis: {unc} von {n} Gebieten haben eine Klassenwahrscheinlichkeit unter {p} % (ihre Klasse ist unsicher und in der Karte schraffiert); bei {changed} Gebieten weicht die häufigste Klasse von der Klasse des Rezepts ab. Das 5–95-%-Rangintervall ist im Median {width} Ränge breit.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>Which choice matters most: variance-based sensitivity (Sobol indices, Saltelli design with {base} base samples, {runs} simulated recipes). S1 is the share of the variance of the mean absolute rank shift explained by the choice alone, ST the share including its interactions with the other choices (± 95 % bootstrap half-width); the last column is ST for the share of districts that change class.</source>
            <translation>Welche Entscheidung am meisten bewirkt: varianzbasierte Sensitivitätsanalyse (Sobol-Indizes, Saltelli-Design mit {base} Basisstichproben, {runs} simulierte Rezepte). S1 ist der Anteil der Varianz der mittleren absoluten Rangverschiebung, den die Entscheidung allein erklärt, ST der Anteil einschließlich ihrer Wechselwirkungen mit den anderen Entscheidungen (± halbe Breite des 95-%-Bootstrap-Intervalls); die letzte Spalte ist ST für den Anteil der Gebiete, die die Klasse wechseln.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>Choice</source>
            <translation>Entscheidung</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>S1 (rank shift)</source>
            <translation>S1 (Rangverschiebung)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>ST (rank shift)</source>
            <translation>ST (Rangverschiebung)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/uncertainty_annex.py" />
            <source>ST (class changes)</source>
            <translation>ST (Klassenwechsel)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/reports/workbook.py" />
            <source>Writing Excel files needs the Python package openpyxl (python3-openpyxl).</source>
            <translation>Zum Schreiben von Excel-Dateien wird das Python-Paket openpyxl benötigt (python3-openpyxl).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>High-High</source>
            <translation>Hoch-Hoch</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Low-Low</source>
            <translation>Niedrig-Niedrig</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>High-Low</source>
            <translation>Hoch-Niedrig</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Low-High</source>
            <translation>Niedrig-Hoch</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>not significant</source>
            <translation>nicht signifikant</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>no neighbours</source>
            <translation>keine Nachbarn</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Hot spot</source>
            <translation>Hot Spot</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Cold spot</source>
            <translation>Cold Spot</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Local Moran's I</source>
            <translation>Lokales Moran's I</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Local Moran: z from permutations</source>
            <translation>Lokales Moran: z aus Permutationen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Local Moran: pseudo p-value</source>
            <translation>Lokales Moran: Pseudo-p-Wert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Local Moran: quadrant (1 HH, 2 LH, 3 LL, 4 HL)</source>
            <translation>Lokales Moran: Quadrant (1 HH, 2 NH, 3 NN, 4 HN)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Local Moran: cluster</source>
            <translation>Lokales Moran: Cluster</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Getis-Ord Gi*: z-score</source>
            <translation>Getis-Ord Gi*: z-Wert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Getis-Ord Gi*: p-value (two-sided)</source>
            <translation>Getis-Ord Gi*: p-Wert (zweiseitig)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Getis-Ord Gi*: hot/cold spot</source>
            <translation>Getis-Ord Gi*: Hot/Cold Spot</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Local Moran: p-value, FDR-adjusted (Benjamini-Hochberg)</source>
            <translation>Lokales Moran: p-Wert, FDR-korrigiert (Benjamini-Hochberg)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Getis-Ord Gi*: p-value, FDR-adjusted (Benjamini-Hochberg)</source>
            <translation>Getis-Ord Gi*: p-Wert, FDR-korrigiert (Benjamini-Hochberg)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>Only {n} features have a value; spatial autocorrelation needs at least 3.</source>
            <translation>Nur {n} Objekte haben einen Wert; räumliche Autokorrelation braucht mindestens 3.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>All {n} analysed values are equal ({v}); there is nothing to correlate.</source>
            <translation>Alle {n} untersuchten Werte sind gleich ({v}); es gibt nichts zu korrelieren.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/cluster_analysis.py" />
            <source>None of the {n} analysed features has a neighbour. Check the neighbourhood (method, k, tolerance) and the layer's geometry.</source>
            <translation>Keines der {n} untersuchten Objekte hat einen Nachbarn. Prüfen Sie die Nachbarschaft (Methode, k, Toleranz) und die Geometrien des Layers.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>Repair invalid geometries (makeValid); skip NULL and empty ones (listed in the log)</source>
            <translation>Ungültige Geometrien reparieren (makeValid); NULL und leere überspringen (im Protokoll aufgeführt)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>Skip invalid, NULL and empty geometries (listed in the log)</source>
            <translation>Ungültige, NULL- und leere Geometrien überspringen (im Protokoll aufgeführt)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>Stop and name the features with invalid, NULL or empty geometry</source>
            <translation>Abbrechen und die Objekte mit ungültiger, NULL- oder leerer Geometrie nennen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source> … ({n} more)</source>
            <translation> … ({n} weitere)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>Layer '{layer}' has broken geometries: {parts}. Repair them (Vector › Geometry Tools › Fix Geometries), or set INVALID_GEOMETRY to repair or skip them.</source>
            <translation>Layer '{layer}' hat fehlerhafte Geometrien: {parts}. Reparieren Sie sie (Vektor › Geometrie-Werkzeuge › Geometrien reparieren) oder stellen Sie INVALID_GEOMETRY auf Reparieren oder Überspringen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>{n} invalid (e.g. self-intersecting): {keys}</source>
            <translation>{n} ungültig (z. B. selbstüberschneidend): {keys}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>{n} empty: {keys}</source>
            <translation>{n} leer: {keys}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>{n} without geometry (NULL): {keys}</source>
            <translation>{n} ohne Geometrie (NULL): {keys}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>Layer '{layer}': {n} of {total} features have broken geometries ({parts}).</source>
            <translation>Layer '{layer}': {n} von {total} Objekten haben fehlerhafte Geometrien ({parts}).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>{n} invalid geometries were repaired with makeValid and used: {keys}. Check them (Vector › Geometry Tools › Fix Geometries) if the numbers look wrong.</source>
            <translation>{n} ungültige Geometrien wurden mit makeValid repariert und verwendet: {keys}. Prüfen Sie sie (Vektor › Geometrie-Werkzeuge › Geometrien reparieren), falls die Zahlen falsch aussehen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>{n} invalid geometries could not be repaired into a {kind}: {keys}.</source>
            <translation>{n} ungültige Geometrien ließen sich nicht zu einer {kind} reparieren: {keys}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>geometry of the layer's type</source>
            <translation>Geometrie vom Typ des Layers</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>{n} features are skipped and left out of every total: {keys}.</source>
            <translation>{n} Objekte werden übersprungen und fehlen in jeder Summe: {keys}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/geometry_issues.py" />
            <source>INVALID_GEOMETRY must be 0 (repair), 1 (skip) or 2 (stop), got {v}.</source>
            <translation>INVALID_GEOMETRY muss 0 (reparieren), 1 (überspringen) oder 2 (abbrechen) sein, gefunden {v}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/overlay.py" />
            <source>The source layer '{layer}' has no field(s) {fields}. Available: {avail}.</source>
            <translation>Der Ausgangslayer '{layer}' hat kein(e) Feld(er) {fields}. Vorhanden: {avail}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/overlay.py" />
            <source>Field(s) {fields} are chosen as extensive and as intensive; choose one kind per field (counts: extensive; shares, rates: intensive).</source>
            <translation>Feld(er) {fields} sind sowohl als extensiv als auch als intensiv gewählt; wählen Sie je Feld eine Art (Anzahlen: extensiv; Anteile, Quoten: intensiv).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/overlay.py" />
            <source>Choose at least one field to interpolate (EXTENSIVE_FIELDS or INTENSIVE_FIELDS).</source>
            <translation>Wählen Sie mindestens ein Feld zum Interpolieren (EXTENSIVE_FIELDS oder INTENSIVE_FIELDS).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/rate_smoothing.py" />
            <source>Field '{field}' has the value {value:g} for {id}; {n} such values. Counts must be finite and 0 or more: fix the table.</source>
            <translation>Das Feld '{field}' hat den Wert {value:g} bei {id}; {n} solche Werte. Anzahlen müssen endlich und 0 oder größer sein: Korrigieren Sie die Tabelle.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/rate_smoothing.py" />
            <source>Only {n} districts have events and a population above 0 ({e}, {b}); rate smoothing needs at least 3.</source>
            <translation>Nur {n} Gebiete haben Ereignisse und eine Bevölkerung über 0 ({e}, {b}); die Glättung von Raten braucht mindestens 3.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/rate_smoothing.py" />
            <source>Field '{field}' is 0 in every analysed district; there is no rate to smooth.</source>
            <translation>Das Feld '{field}' ist in jedem untersuchten Gebiet 0; es gibt keine Rate zu glätten.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/rate_smoothing.py" />
            <source>None of the {n} analysed districts has a neighbour. Check the neighbourhood (method, k, tolerance) and the layer's geometry.</source>
            <translation>Keines der {n} untersuchten Gebiete hat einen Nachbarn. Prüfen Sie die Nachbarschaft (Methode, k, Toleranz) und die Geometrie des Layers.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/rate_smoothing.py" />
            <source>{n} district(s) have a population of 0 and get no rate: {ids}.</source>
            <translation>{n} Gebiet(e) haben eine Bevölkerung von 0 und erhalten keine Rate: {ids}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/spatial/rate_smoothing.py" />
            <source>{n} district(s) lack events or population and get no rate: {ids}.</source>
            <translation>{n} Gebiet(e) fehlen Ereignisse oder Bevölkerung; sie erhalten keine Rate: {ids}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/__init__.py" />
            <source>Table file {file} does not exist.</source>
            <translation>Die Tabellendatei {file} existiert nicht.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/__init__.py" />
            <source>{file}: old .xls workbooks are not supported. Save it as .xlsx or CSV.</source>
            <translation>{file}: Alte .xls-Arbeitsmappen werden nicht unterstützt. Speichern Sie die Datei als .xlsx oder CSV.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/__init__.py" />
            <source>{file}: unknown table type '{ext}'. Use CSV/TXT, XLSX or ODS.</source>
            <translation>{file}: unbekannter Tabellentyp '{ext}'. Verwenden Sie CSV/TXT, XLSX oder ODS.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/__init__.py" />
            <source>{file} is empty (0 bytes). Check that you chose the right file.</source>
            <translation>{file} ist leer (0 Byte). Prüfen Sie, ob Sie die richtige Datei gewählt haben.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/__init__.py" />
            <source>{file} exists, but QGIS cannot open it as a layer or table: the file is damaged or in a format QGIS does not read. Open it in QGIS to see the error, or export it as GeoPackage or CSV.</source>
            <translation>{file} ist vorhanden, aber QGIS kann sie nicht als Layer oder Tabelle öffnen: Die Datei ist beschädigt oder in einem Format, das QGIS nicht liest. Öffnen Sie sie in QGIS, um die Fehlermeldung zu sehen, oder exportieren Sie sie als GeoPackage oder CSV.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/__init__.py" />
            <source>{file} has no rows.</source>
            <translation>{file} hat keine Zeilen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/__init__.py" />
            <location filename="../../plugin/core/tables/read_csv.py" />
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>given</source>
            <translation>angegeben</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>column '{col}': {n} cells — {what}</source>
            <translation>Spalte '{col}': {n} Zellen – {what}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>column '{col}': {note}</source>
            <translation>Spalte '{col}': {note}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>Table {path} ({fmt}{sheet}): {rows} data rows, {cols} columns</source>
            <translation>Tabelle {path} ({fmt}{sheet}): {rows} Datenzeilen, {cols} Spalten</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>sheet '{s}'</source>
            <translation>Blatt '{s}'</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  encoding: {enc} ({why})</source>
            <translation>  Zeichenkodierung: {enc} ({why})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  separator: {sep!r} ({why})</source>
            <translation>  Trennzeichen: {sep!r} ({why})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  decimal separator: {dec!r} ({why})</source>
            <translation>  Dezimaltrennzeichen: {dec!r} ({why})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  header row(s): {rows}</source>
            <translation>  Kopfzeile(n): {rows}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  skipped title row {row}: {text}</source>
            <translation>  Titelzeile {row} übersprungen: {text}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  skipped footnote row {row}: {text}</source>
            <translation>  Fußnotenzeile {row} übersprungen: {text}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  {n} empty rows skipped</source>
            <translation>  {n} leere Zeilen übersprungen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  column '{col}': {n} missing — '{flag}' {what}</source>
            <translation>  Spalte '{col}': {n} fehlend – '{flag}' {what}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  column '{col}': {n} numbers flagged '{flag}' — {what}</source>
            <translation>  Spalte '{col}': {n} Zahlen mit Kennzeichen '{flag}' – {what}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>  column '{col}', row {row}: '{text}' is not a number (set to missing)</source>
            <translation>  Spalte '{col}', Zeile {row}: '{text}' ist keine Zahl (als fehlend gesetzt)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>key column</source>
            <translation>Schlüsselspalte</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>{what} '{name}' not found in {file}. Columns: {cols}.</source>
            <translation>{what} '{name}' nicht gefunden in {file}. Spalten: {cols}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>{file} has a header but no data rows (header row(s) {rows}).</source>
            <translation>{file} hat eine Kopfzeile, aber keine Datenzeilen (Kopfzeile(n) {rows}).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>{n} keys stored as numbers in the spreadsheet were turned into text; leading zeros may have been lost (use the key rule 'pad_zeros')</source>
            <translation>{n} in der Tabellenkalkulation als Zahlen gespeicherte Schlüssel wurden in Text umgewandelt; führende Nullen können verloren gegangen sein (Schlüsselregel 'pad_zeros' verwenden)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/build.py" />
            <source>kept as text: {n} values are numbers with leading zeros (a key?)</source>
            <translation>als Text beibehalten: {n} Werte sind Zahlen mit führenden Nullen (ein Schlüssel?)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/long_detect.py" />
            <source>'{col}' ({n} values: {names})</source>
            <translation>'{col}' ({n} Werte: {names})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/long_detect.py" />
            <source>'{col}' ({span})</source>
            <translation>'{col}' ({span})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/long_detect.py" />
            <source> and </source>
            <translation> und </translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>indicator column</source>
            <translation>Indikatorspalte</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>value column</source>
            <translation>Wertspalte</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>year column</source>
            <translation>Jahresspalte</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>{file}: long format needs an indicator column or a year column.</source>
            <translation>{file}: Das Langformat braucht eine Indikatorspalte oder eine Jahresspalte.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>{file}: several value columns ({cols}) go with a year column only, not with an indicator column.</source>
            <translation>{file}: Mehrere Wertspalten ({cols}) gehen nur mit einer Jahresspalte, nicht mit einer Indikatorspalte.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>{file}: the value column '{col}' holds text, not numbers.</source>
            <translation>{file}: Die Wertspalte '{col}' enthält Text, keine Zahlen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>{file}: indicators not found in column '{col}': {names}.</source>
            <translation>{file}: Indikatoren nicht gefunden in Spalte '{col}': {names}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>{file}: years not found in column '{col}': {missing}. The table has: {found}.</source>
            <translation>{file}: Jahre nicht in Spalte '{col}' gefunden: {missing}. Die Tabelle enthält: {found}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>long format: {n} rows not used (no key/indicator, or not among the chosen indicators/years)</source>
            <translation>Langformat: {n} Zeilen nicht verwendet (kein Schlüssel/Indikator oder nicht unter den gewählten Indikatoren/Jahren)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>{file}: {n} area/indicator/year combinations occur in several rows: {listing}. Remove them or choose an aggregation (sum, mean or first).</source>
            <translation>{file}: {n} Kombinationen aus Gebiet/Indikator/Jahr kommen in mehreren Zeilen vor: {listing}. Entfernen Sie diese oder wählen Sie eine Zusammenfassung (Summe, Mittelwert oder erste Zeile).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>long format: {n} duplicate area/indicator/year combinations resolved by '{rule}': {listing}</source>
            <translation>Langformat: {n} doppelte Kombinationen aus Gebiet/Indikator/Jahr per '{rule}' aufgelöst: {listing}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>long format: {n} area/indicator combinations have no row (missing, flag 'absent')</source>
            <translation>Langformat: für {n} Kombinationen aus Gebiet/Indikator gibt es keine Zeile (fehlend, Kennzeichen 'absent')</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>long format pivoted: {rows} rows -&gt; {keys} areas x {cols} columns ({names})</source>
            <translation>Langformat umgeformt: {rows} Zeilen -&gt; {keys} Gebiete x {cols} Spalten ({names})</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/longwide.py" />
            <source>{file}: the rows of one area and indicator differ in {dims}; a sum or mean would add up the years. Give '{col}' as the year column (LONG_YEAR); LONG_YEARS then keeps the years you want.</source>
            <translation>{file}: Die Zeilen eines Gebiets und Indikators unterscheiden sich in {dims}; Summe oder Mittelwert würden die Jahre zusammenzählen. Geben Sie '{col}' als Jahresspalte an (LONG_YEAR); LONG_YEARS behält dann die gewünschten Jahre.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>Separator '{sep}' must be a single character such as ';', ',' or tab.</source>
            <translation>Das Trennzeichen '{sep}' muss ein einzelnes Zeichen sein, z. B. ';', ',' oder Tab.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>CSV syntax error near row {row}: {err}</source>
            <translation>CSV-Syntaxfehler in der Nähe von Zeile {row}: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>{file}, row {row}: a quote (") opens a cell that is never closed, so all rows below would be read as one cell. Remove the quote or add the closing quote in that row.</source>
            <translation>{file}, Zeile {row}: ein Anführungszeichen (") öffnet eine Zelle, die nie geschlossen wird; alle Zeilen darunter würden als eine Zelle gelesen. Entfernen Sie das Anführungszeichen oder ergänzen Sie in dieser Zeile das schließende.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>Cannot open {file}: {err}</source>
            <translation>{file} kann nicht geöffnet werden: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>{file} is empty.</source>
            <translation>{file} ist leer.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>detected</source>
            <translation>erkannt</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>the text contains 'Ã¤'/'Ã¼'-like sequences: umlauts were probably converted to UTF-8 twice before this file was saved; names may look wrong</source>
            <translation>Der Text enthält Zeichenfolgen wie 'Ã¤'/'Ã¼': Die Umlaute wurden vor dem Speichern vermutlich zweimal in UTF-8 umgewandelt; Namen können falsch aussehen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>{file}: no column separator found (tried ';', tab, ',' and '|'). A table needs a key column and at least one value column; give the separator if it is another character.</source>
            <translation>{file}: kein Spaltentrennzeichen gefunden (versucht: ';', Tab, ',' und '|'). Eine Tabelle braucht eine Schlüsselspalte und mindestens eine Wertspalte; geben Sie das Trennzeichen an, wenn es ein anderes Zeichen ist.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>{file}: {err}. Give the header row number.</source>
            <translation>{file}: {err}. Geben Sie die Nummer der Kopfzeile an.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>{file}, row {row}: more cells than the header has columns ({n}). A text cell probably contains the separator '{sep}' without quotes; fix that row or choose another separator.</source>
            <translation>{file}, Zeile {row}: mehr Zellen, als die Kopfzeile Spalten hat ({n}). Vermutlich enthält eine Textzelle das Trennzeichen '{sep}' ohne Anführungszeichen; korrigieren Sie diese Zeile oder wählen Sie ein anderes Trennzeichen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>{n} empty columns without header dropped</source>
            <translation>{n} leere Spalten ohne Überschrift entfernt</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>Decimal separator must be ',' or '.', not '{d}'.</source>
            <translation>Das Dezimaltrennzeichen muss ',' oder '.' sein, nicht '{d}'.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>{file}: header row {row} is not among the first {n} rows.</source>
            <translation>{file}: Die Kopfzeile {row} liegt nicht unter den ersten {n} Zeilen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>{file}, row {row}: {saw} cells, but the table has {n} columns. A text cell probably contains the separator without quotes; fix that row or choose another separator.</source>
            <translation>{file}, Zeile {row}: {saw} Zellen, aber die Tabelle hat {n} Spalten. Vermutlich enthält eine Textzelle das Trennzeichen ohne Anführungszeichen; korrigieren Sie diese Zeile oder wählen Sie ein anderes Trennzeichen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_csv.py" />
            <source>{file}: the table body cannot be parsed ({err}). Check separator and quoting.</source>
            <translation>{file}: Der Tabelleninhalt kann nicht gelesen werden ({err}). Prüfen Sie Trennzeichen und Anführungszeichen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>{file} contains no sheets.</source>
            <translation>{file} enthält keine Tabellenblätter.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>{file} has no sheet '{sheet}'. Sheets: {names}.</source>
            <translation>{file} hat kein Blatt '{sheet}'. Blätter: {names}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>Reading .xlsx needs the Python package openpyxl (Debian: python3-openpyxl).</source>
            <translation>Zum Lesen von .xlsx wird das Python-Paket openpyxl benötigt (Debian: python3-openpyxl).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>{file} cannot be opened as an Excel workbook ({err}). Is it really an .xlsx file?</source>
            <translation>{file} kann nicht als Excel-Arbeitsmappe geöffnet werden ({err}). Ist es wirklich eine .xlsx-Datei?</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>Reading .ods needs the Python package odfpy (Debian: python3-odf). Install it or save the table as .xlsx or CSV.</source>
            <translation>Zum Lesen von .ods wird das Python-Paket odfpy benötigt (Debian: python3-odf). Installieren Sie es oder speichern Sie die Tabelle als .xlsx oder CSV.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>{file} cannot be opened as an OpenDocument spreadsheet ({err}).</source>
            <translation>{file} kann nicht als OpenDocument-Tabelle geöffnet werden ({err}).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>{file} is not a {fmt} workbook (wrong content for its extension). Check the file or give it the right extension.</source>
            <translation>{file} ist keine {fmt}-Arbeitsmappe (Inhalt passt nicht zur Dateiendung). Prüfen Sie die Datei oder geben Sie ihr die richtige Endung.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>the workbook has {n} sheets ({names}); sheet '{chosen}' was read (the first with a table) — choose another with the sheet option</source>
            <translation>Die Arbeitsmappe hat {n} Blätter ({names}); gelesen wurde Blatt '{chosen}' (das erste mit einer Tabelle) – wählen Sie mit der Option Blatt ein anderes</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>sheet '{sheet}': {n} cells hold a formula without a stored result and are read as empty ({cells}); open the file in Excel or LibreOffice and save it, so that the results are stored</source>
            <translation>Blatt '{sheet}': {n} Zellen enthalten eine Formel ohne gespeichertes Ergebnis und werden als leer gelesen ({cells}); öffnen Sie die Datei in Excel oder LibreOffice und speichern Sie sie, damit die Ergebnisse gespeichert werden</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>Sheet '{sheet}' of {file} is empty.</source>
            <translation>Das Blatt '{sheet}' von {file} ist leer.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>{file}, sheet '{sheet}': {err}. Give the header row number.</source>
            <translation>{file}, Blatt '{sheet}': {err}. Geben Sie die Nummer der Kopfzeile an.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/read_excel.py" />
            <source>{file}, sheet '{sheet}' has a header but no data rows (header row(s) {rows}).</source>
            <translation>{file}, Blatt '{sheet}' hat eine Kopfzeile, aber keine Datenzeilen (Kopfzeile(n) {rows}).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/sniff.py" />
            <source>{file} is a ZIP container (an Excel .xlsx or LibreOffice .ods file?), not a text table. Give it its real extension (.xlsx or .ods) or export it as CSV.</source>
            <translation>{file} ist ein ZIP-Container (eine Excel-.xlsx- oder LibreOffice-.ods-Datei?), keine Texttabelle. Geben Sie der Datei ihre richtige Endung (.xlsx oder .ods) oder exportieren Sie sie als CSV.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/sniff.py" />
            <source>{file} is an old binary Excel (.xls) file, which is not supported. Save it as .xlsx or CSV.</source>
            <translation>{file} ist eine alte binäre Excel-Datei (.xls), die nicht unterstützt wird. Speichern Sie sie als .xlsx oder CSV.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/sniff.py" />
            <source>{file} contains binary data, not a text table. Check that you chose the right file and export it as CSV, XLSX or ODS.</source>
            <translation>{file} enthält Binärdaten, keine Texttabelle. Prüfen Sie, ob Sie die richtige Datei gewählt haben, und exportieren Sie sie als CSV, XLSX oder ODS.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/sniff.py" />
            <source>{file} mixes two encodings: {good} rows with umlauts are UTF-8, but {n} rows are not (rows {rows}; probably Windows-1252). Read with one encoding, the other rows would be garbled. Open the file in an editor, fix or retype these rows and save it as UTF-8.</source>
            <translation>{file} mischt zwei Zeichenkodierungen: {good} Zeilen mit Umlauten sind UTF-8, {n} Zeilen aber nicht (Zeilen {rows}; vermutlich Windows-1252). Mit einer einzigen Kodierung gelesen, wären die anderen Zeilen verstümmelt. Öffnen Sie die Datei in einem Editor, korrigieren oder tippen Sie diese Zeilen neu und speichern Sie sie als UTF-8.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/sniff.py" />
            <source>Unknown encoding '{enc}' for {file}. Use e.g. UTF-8, cp1252 or latin-1.</source>
            <translation>Unbekannte Zeichenkodierung '{enc}' für {file}. Verwenden Sie z. B. UTF-8, cp1252 oder latin-1.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/sniff.py" />
            <source>{file} cannot be read as {enc}: invalid byte at row {row}. Choose another encoding (e.g. cp1252 for Windows Excel exports) or leave it on automatic.</source>
            <translation>{file} kann nicht als {enc} gelesen werden: ungültiges Byte in Zeile {row}. Wählen Sie eine andere Zeichenkodierung (z. B. cp1252 für Excel-Exporte unter Windows) oder lassen Sie sie automatisch erkennen.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/sniff.py" />
            <source>no separator found</source>
            <translation>kein Trennzeichen gefunden</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/sniff.py" />
            <source>{name} gives {fields} columns in {lines} sample rows</source>
            <translation>{name} ergibt {fields} Spalten in {lines} Stichprobenzeilen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/sniff.py" />
            <source>no header row found: no row has names for at least half of the {w} columns</source>
            <translation>keine Kopfzeile gefunden: keine Zeile hat Namen für mindestens die Hälfte der {w} Spalten</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>value unknown or kept secret (Zahlenwert unbekannt oder geheim zu halten)</source>
            <translation>Zahlenwert unbekannt oder geheim zu halten</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>nothing / not available (by the Destatis convention '-' can mean exactly zero; check the footnotes)</source>
            <translation>nichts vorhanden / nicht verfügbar (nach Destatis-Konvention kann '-' auch genau null bedeuten; Fußnoten prüfen)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>cell blocked, no meaningful value (Tabellenfach gesperrt)</source>
            <translation>Tabellenfach gesperrt, weil Aussage nicht sinnvoll</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>no value, not reliable enough (Zahlenwert nicht sicher genug)</source>
            <translation>kein Zahlenwert, da nicht sicher genug</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>value not yet available (Angabe fällt später an)</source>
            <translation>Angabe fällt später an</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>value unknown or kept secret (Bundesagentur für Arbeit)</source>
            <translation>Zahlenwert unbekannt oder geheim zu halten (Bundesagentur für Arbeit)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>suppressed for data protection (anonymisiert)</source>
            <translation>aus Datenschutzgründen anonymisiert</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>below a publication threshold (e.g. '&lt; 3')</source>
            <translation>unter einer Veröffentlichungsschwelle (z. B. '&lt; 3')</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>not available (k. A. / n. v. / NA)</source>
            <translation>nicht verfügbar (k. A. / n. v. / NA)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>empty cell</source>
            <translation>leere Zelle</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>value in parentheses: limited reliability (number kept)</source>
            <translation>Wert in Klammern: eingeschränkte Aussagekraft (Zahl übernommen)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>text that is not a number (set to missing)</source>
            <translation>Text, der keine Zahl ist (als fehlend gesetzt)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>thousands separators removed</source>
            <translation>Tausendertrennzeichen entfernt</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>decimal separator different from the rest of the table (read as decimal)</source>
            <translation>Dezimaltrennzeichen abweichend vom Rest der Tabelle (als Dezimalzeichen gelesen)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>percent sign removed</source>
            <translation>Prozentzeichen entfernt</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>currency sign (€, EUR) removed</source>
            <translation>Währungszeichen (€, EUR) entfernt</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>number stored as a number in the spreadsheet</source>
            <translation>in der Tabellenkalkulation als Zahl gespeicherte Zahl</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>number with trailing flag '{flag}' (e.g. p = provisional, r = revised, s = estimated)</source>
            <translation>Zahl mit nachgestelltem Kennzeichen '{flag}' (z. B. p = vorläufig, r = berichtigt, s = geschätzt)</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>decimal comma found in {n} sample cells</source>
            <translation>Dezimalkomma in {n} Stichprobenzellen gefunden</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>decimal point found in {n} sample cells</source>
            <translation>Dezimalpunkt in {n} Stichprobenzellen gefunden</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>no decimal numbers in the sample; ';'-separated files use the German decimal comma</source>
            <translation>keine Dezimalzahlen in der Stichprobe; durch ';' getrennte Dateien verwenden das deutsche Dezimalkomma</translation>
        </message>
        <message>
            <location filename="../../plugin/core/tables/values.py" />
            <source>no decimal numbers in the sample; decimal point assumed</source>
            <translation>keine Dezimalzahlen in der Stichprobe; Dezimalpunkt angenommen</translation>
        </message>
        <message>
            <location filename="../../plugin/core/web/atlas_data.py" />
            <source>Field '{field}' should hold class probabilities between 0 and 1 but has {value}.</source>
            <translation>Das Feld „{field}“ sollte Klassenwahrscheinlichkeiten zwischen 0 und 1 enthalten, enthält aber {value}.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/web/atlas_data.py" />
            <source>Keys and names must have one entry per district.</source>
            <translation>Schlüssel und Namen brauchen je einen Eintrag pro Gebiet.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/web/atlas_data.py" />
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>The web atlas has no field to show: give a recipe whose index or indicator fields are in the layer, or choose FIELDS.</source>
            <translation>Der Web-Atlas hat kein Feld zum Anzeigen: Geben Sie ein Rezept an, dessen Index- oder Indikatorfelder im Layer sind, oder wählen Sie FIELDS.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/web/atlas_folder.py" />
            <source>The web atlas data hold a value that is not a number ({err}).</source>
            <translation>Die Daten des Web-Atlas enthalten einen Wert, der keine Zahl ist ({err}).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/web/atlas_folder.py" />
            <source>The web atlas files are missing: {files}. Reinstall the plugin; in a source checkout run 'bash scripts/fetch_web_vendor.sh' (make package and make test run it).</source>
            <translation>Dateien des Web-Atlas fehlen: {files}. Installieren Sie das Plugin neu; in einem Quellcode-Checkout führen Sie „bash scripts/fetch_web_vendor.sh“ aus (make package und make test tun das).</translation>
        </message>
        <message>
            <location filename="../../plugin/core/web/atlas_folder.py" />
            <source>The web atlas output '{path}' is a file; choose a folder.</source>
            <translation>Die Ausgabe des Web-Atlas „{path}“ ist eine Datei; wählen Sie einen Ordner.</translation>
        </message>
        <message>
            <location filename="../../plugin/core/web/atlas_folder.py" />
            <source>The folder '{path}' is not empty and holds no earlier web atlas; choose an empty or new folder (the export replaces the whole folder).</source>
            <translation>Der Ordner „{path}“ ist nicht leer und enthält keinen früheren Web-Atlas; wählen Sie einen leeren oder neuen Ordner (der Export ersetzt den ganzen Ordner).</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/arrow_columns.py" />
            <source>Cannot open {path}: {err}.</source>
            <translation>{path} kann nicht geöffnet werden: {err}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/gpkg_bulk.py" />
            <source>GDAL could not copy {src}</source>
            <translation>GDAL konnte {src} nicht kopieren</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/gpkg_bulk.py" />
            <source>Cannot add the field {name} to {dest}.</source>
            <translation>Das Feld {name} kann nicht zu {dest} hinzugefügt werden.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/gpkg_bulk.py" />
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <location filename="../../plugin/processing/result_layer.py" />
            <source>Writing the output…</source>
            <translation>Ausgabe wird geschrieben…</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/layer_frame.py" />
            <source>The layer has no field '{name}'. Available fields: {available}.</source>
            <translation>Der Layer hat kein Feld '{name}'. Vorhandene Felder: {available}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>Removed temporary tables an interrupted earlier export left in '{schema}': {names}</source>
            <translation>Temporäre Tabellen eines abgebrochenen früheren Exports in '{schema}' entfernt: {names}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>The input has a field '{name}' that is not an integer key. Choose another PRIMARY_KEY name for the generated key.</source>
            <translation>Die Eingabe hat ein Feld '{name}', das kein ganzzahliger Schlüssel ist. Wählen Sie einen anderen Namen (PRIMARY_KEY) für den erzeugten Schlüssel.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>the schema</source>
            <translation>das Schema</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>the table</source>
            <translation>die Tabelle</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>the primary key</source>
            <translation>den Primärschlüssel</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>the geometry column</source>
            <translation>die Geometriespalte</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>The input's integer field '{name}' is replaced by the generated key.</source>
            <translation>Das ganzzahlige Feld '{name}' der Eingabe wird durch den erzeugten Schlüssel ersetzt.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>The input has a field '{name}', the name of the geometry column. Rename it or choose another GEOMETRY_COLUMN.</source>
            <translation>Die Eingabe hat ein Feld '{name}', den Namen der Geometriespalte. Benennen Sie es um oder wählen Sie eine andere GEOMETRY_COLUMN.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>PostgreSQL: {err}</source>
            <translation>PostgreSQL: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>The table '{table}' already exists in schema '{schema}'. Set OVERWRITE to replace it, or choose another table name.</source>
            <translation>Die Tabelle '{table}' gibt es im Schema '{schema}' bereits. Setzen Sie OVERWRITE, um sie zu ersetzen, oder wählen Sie einen anderen Tabellennamen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>Schema '{schema}' created.</source>
            <translation>Schema '{schema}' angelegt.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>PostgreSQL stored {stored} of {n} features; nothing was written.</source>
            <translation>PostgreSQL hat {stored} von {n} Objekten gespeichert; es wurde nichts geschrieben.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>The connection to the PostgreSQL server was lost while writing '{schema}'.'{table}'; nothing was written.{cleanup} Check the server and the network, then run the export again.</source>
            <translation>Die Verbindung zum PostgreSQL-Server ist beim Schreiben von '{schema}'.'{table}' abgebrochen; es wurde nichts geschrieben.{cleanup} Prüfen Sie Server und Netzwerk und starten Sie den Export erneut.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>The temporary table {tmp} is removed by the next export.</source>
            <translation>Die temporäre Tabelle {tmp} wird beim nächsten Export entfernt.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>PostgreSQL refused the write to '{schema}'.'{table}'; nothing was written: {err}</source>
            <translation>PostgreSQL hat das Schreiben nach '{schema}'.'{table}' abgelehnt; es wurde nichts geschrieben: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>PostgreSQL could not create the table in schema '{schema}': {err}</source>
            <translation>PostgreSQL konnte die Tabelle im Schema '{schema}' nicht anlegen: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>PostgreSQL refused features: {err}</source>
            <translation>PostgreSQL hat Objekte abgelehnt: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis.py" />
            <source>PostgreSQL refused features for schema '{schema}': {err}</source>
            <translation>PostgreSQL hat Objekte für das Schema '{schema}' abgelehnt: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis_connection.py" />
            <source>the identifier</source>
            <translation>den Bezeichner</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis_connection.py" />
            <source>The name for {what} is empty.</source>
            <translation>Der Name für {what} ist leer.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis_connection.py" />
            <source>The name for {what} contains a NUL character.</source>
            <translation>Der Name für {what} enthält ein NUL-Zeichen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis_connection.py" />
            <source>The name '{name}' for {what} is longer than {n} bytes; PostgreSQL would shorten it. Choose a shorter name.</source>
            <translation>Der Name '{name}' für {what} ist länger als {n} Bytes; PostgreSQL würde ihn kürzen. Wählen Sie einen kürzeren Namen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis_connection.py" />
            <source>This QGIS has no PostgreSQL provider (install qgis-providers).</source>
            <translation>Diesem QGIS fehlt der PostgreSQL-Provider (installieren Sie qgis-providers).</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis_connection.py" />
            <source>No PostgreSQL connection named '{name}' in QGIS (saved connections: {names}). Give the name of a connection from the Browser panel or a connection string such as 'host=localhost dbname=gis user=me'.</source>
            <translation>In QGIS gibt es keine PostgreSQL-Verbindung namens '{name}' (gespeicherte Verbindungen: {names}). Geben Sie den Namen einer Verbindung aus dem Browser-Bedienfeld an oder eine Verbindungszeichenkette wie 'host=localhost dbname=gis user=me'.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/io/postgis_connection.py" />
            <source>Cannot connect to the PostgreSQL database: {err}</source>
            <translation>Keine Verbindung zur PostgreSQL-Datenbank möglich: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Area</source>
            <translation>Gebiet</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Surroundings</source>
            <translation>Umgebung</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>City</source>
            <translation>Stadt</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Deviation</source>
            <translation>Abweichung</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Rank</source>
            <translation>Rang</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Highlight</source>
            <translation>Hervorhebung</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>District profile · {title}</source>
            <translation>Gebietssteckbrief · {title}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Location in the city</source>
            <translation>Lage im Stadtgebiet</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Indicators</source>
            <translation>Indikatoren</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Page {page} of {total}</source>
            <translation>Seite {page} von {total}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas.py" />
            <source>Could not write the atlas {path}: {err}.</source>
            <translation>Der Atlas {path} konnte nicht geschrieben werden: {err}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas_uncertainty.py" />
            <source>{label}: rank {rank} (5–95 %: {low}–{high}),
class probability {prob} % over simulated recipes</source>
            <translation>{label}: Rang {rank} (5–95 %: {low}–{high}),
Klassenwahrscheinlichkeit {prob} % über simulierte Rezepte</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas_uncertainty.py" />
            <source>No room for the rank-interval chart beside two trend charts; the rank interval is printed beside the map.</source>
            <translation>Kein Platz für das Rangintervall-Diagramm neben zwei Trenddiagrammen; das Rangintervall steht neben der Karte.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/atlas_uncertainty.py" />
            <source>{label}: rank among all {n} districts (bar: 5–95 % over simulated recipes; red: this district)</source>
            <translation>{label}: Rang unter allen {n} Gebieten (Balken: 5–95 % über simulierte Rezepte; rot: dieses Gebiet)</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>A4 portrait</source>
            <translation>A4 Hochformat</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>A4 landscape</source>
            <translation>A4 Querformat</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>A3 landscape</source>
            <translation>A3 Querformat</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>Cannot read the layout template {path}: {err}.</source>
            <translation>Die Layoutvorlage {path} kann nicht gelesen werden: {err}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>The layout template {path} is not a valid .qpt (XML) file.</source>
            <translation>Die Layoutvorlage {path} ist keine gültige .qpt-Datei (XML).</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>QGIS could not load the layout template {path}.</source>
            <translation>QGIS konnte die Layoutvorlage {path} nicht laden.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>The layout template {path} has no map item with the id 'map'. Give the main map of your template the item id 'map' (Item properties › Id).</source>
            <translation>Die Layoutvorlage {path} hat kein Kartenelement mit der ID 'map'. Geben Sie der Hauptkarte Ihrer Vorlage die Element-ID 'map' (Elementeigenschaften › ID).</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>The picture file {path} for '{item}' does not exist.</source>
            <translation>Die Bilddatei {path} für '{item}' existiert nicht.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>Legend</source>
            <translation>Legende</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>The picture file {path} does not exist.</source>
            <translation>Die Bilddatei {path} existiert nicht.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>Cannot read the picture file {path}: {err}.</source>
            <translation>Die Bilddatei {path} kann nicht gelesen werden: {err}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>The picture file {path} is not an SVG or image QGIS can read. Choose a PNG, JPEG or SVG file.</source>
            <translation>Die Bilddatei {path} ist kein SVG und kein Bild, das QGIS lesen kann. Wählen Sie eine PNG-, JPEG- oder SVG-Datei.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>Could not write {path}: {err} (is the folder writable and the file not open in another program?).</source>
            <translation>{path} konnte nicht geschrieben werden: {err} (ist der Ordner beschreibbar und die Datei nicht in einem anderen Programm geöffnet?).</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/layouts.py" />
            <source>Could not write the project {path}: {err}.</source>
            <translation>Das Projekt {path} konnte nicht geschrieben werden: {err}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>District boundary</source>
            <translation>Bezirksgrenze</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>Data as of {date} · map created on {today}</source>
            <translation>Stand der Daten: {date} · Karte erstellt am {today}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>Map created on {today}</source>
            <translation>Karte erstellt am {today}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>{label} (score)</source>
            <translation>{label} (Wert)</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>{label} (class number)</source>
            <translation>{label} (Klassennummer)</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>The text of '{item}' is too long for its box in the layout template even at the smallest font size; shorten it: {text}</source>
            <translation>Der Text von '{item}' ist selbst in der kleinsten Schriftgröße zu lang für seinen Rahmen in der Layoutvorlage; kürzen Sie ihn: {text}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>Cannot open the layer {src} again for the map.</source>
            <translation>Der Layer {src} kann für die Karte nicht erneut geöffnet werden.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>The overview map is left out: without an overlay layer it would repeat the whole map with its {n} districts.</source>
            <translation>Die Übersichtskarte entfällt: ohne eine Überlagerungsebene würde sie die ganze Karte mit ihren {n} Bezirken wiederholen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>The layer {name} has geographic coordinates ({src}); the map is drawn in {dst} so that distances and the scale bar are true.</source>
            <translation>Der Layer {name} hat geographische Koordinaten ({src}); die Karte wird in {dst} gezeichnet, damit Entfernungen und Maßstabsleiste stimmen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/map_document.py" />
            <source>The layout template has no item(s) {ids}; they are left out.</source>
            <translation>Die Layoutvorlage hat kein(e) Element(e) {ids}; sie werden weggelassen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/multi_pdf.py" />
            <source>There is no map to write into {path}.</source>
            <translation>Es gibt keine Karte, die in {path} geschrieben werden kann.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/printing/multi_pdf.py" />
            <source>Export cancelled.</source>
            <translation>Export abgebrochen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>every input must be a layer</source>
            <translation>jede Eingabe muss ein Layer sein</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>layer '{name}' is not a PostGIS table</source>
            <translation>Layer '{name}' ist keine PostGIS-Tabelle</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>layer '{name}' has a filter (subset string)</source>
            <translation>Layer '{name}' hat einen Filter (Subset-String)</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>layer '{name}' is a query, not a table</source>
            <translation>Layer '{name}' ist eine Abfrage, keine Tabelle</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>only selected features are to be used</source>
            <translation>nur ausgewählte Objekte sollen verwendet werden</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>the layers are in different databases</source>
            <translation>die Layer liegen in verschiedenen Datenbanken</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>layer '{name}' has no single-column primary key</source>
            <translation>Layer '{name}' hat keinen einspaltigen Primärschlüssel</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>the CRS of layer '{name}' is not projected (areas would be ellipsoidal)</source>
            <translation>das KBS von Layer '{name}' ist nicht projiziert (Flächen wären ellipsoidisch)</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>'{text}' is not a table name; write schema.table (e.g. public.kita_counts) or a table name alone (schema public).</source>
            <translation>'{text}' ist kein Tabellenname; schreiben Sie schema.tabelle (z. B. public.kita_anzahl) oder nur einen Tabellennamen (Schema public).</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>the key column '{key}' of '{layer}' is not of type integer or smallint (QGIS numbers the features of other keys itself, so feature ids would differ)</source>
            <translation>die Schlüsselspalte '{key}' von '{layer}' hat nicht den Typ integer oder smallint (bei anderen Schlüsseln nummeriert QGIS die Objekte selbst, die Objekt-IDs wären also andere)</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>{n} geometries of '{layer}' are NULL, empty or invalid (the local path repairs or skips them)</source>
            <translation>{n} Geometrien von '{layer}' sind NULL, leer oder ungültig (die lokale Berechnung repariert oder überspringt sie)</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>The schema '{schema}' does not exist in the database; create it first or choose another.</source>
            <translation>Das Schema '{schema}' existiert nicht in der Datenbank; legen Sie es zuerst an oder wählen Sie ein anderes.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>The table '{table}' already exists in schema '{schema}'. Set OVERWRITE_TABLE to replace it, or choose another table name.</source>
            <translation>Die Tabelle '{table}' existiert bereits im Schema '{schema}'. Setzen Sie OVERWRITE_TABLE, um sie zu ersetzen, oder wählen Sie einen anderen Tabellennamen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>count_points cannot run in the database: the category field '{field}' is of type {kind}; inside the database only text and integer categories are counted.</source>
            <translation>count_points kann nicht in der Datenbank laufen: das Kategoriefeld '{field}' hat den Typ {kind}; in der Datenbank werden nur Text- und Ganzzahl-Kategorien gezählt.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>count_points cannot run in the database: {reason}.</source>
            <translation>count_points kann nicht in der Datenbank laufen: {reason}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/in_database.py" />
            <source>PostgreSQL refused the count into '{schema}'.'{table}'; nothing was written: {err}</source>
            <translation>PostgreSQL hat die Zählung in '{schema}'.'{table}' abgelehnt; nichts wurde geschrieben: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/input_checks.py" />
            <source>point</source>
            <translation>Punkt</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/input_checks.py" />
            <source>polygon</source>
            <translation>Polygon</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/input_checks.py" />
            <source>Layer '{layer}' must be a {kind} layer, but it has no geometry (a table). Choose a layer with {kind} geometries.</source>
            <translation>Der Layer '{layer}' muss ein {kind}-Layer sein, hat aber keine Geometrie (eine Tabelle). Wählen Sie einen Layer mit {kind}-Geometrien.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/input_checks.py" />
            <source>Layer '{layer}' must be a {kind} layer, but it has {actual} geometries.</source>
            <translation>Der Layer '{layer}' muss ein {kind}-Layer sein, hat aber {actual}-Geometrien.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/input_checks.py" />
            <source>Layer '{a}' is in {acrs} but layer '{b}' is in {bcrs}. Reproject one of them to the other's CRS (Vector › Data Management Tools › Reproject Layer) and run again.</source>
            <translation>Der Layer '{a}' liegt in {acrs}, der Layer '{b}' aber in {bcrs}. Projizieren Sie einen der beiden in das KBS des anderen (Vektor › Datenmanagement-Werkzeuge › Layer reprojizieren) und starten Sie erneut.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/input_checks.py" />
            <source>Layer '{layer}' is in a geographic CRS ({crs}); {why} needs a projected CRS in metres, e.g. EPSG:25833 (ETRS89 / UTM 33N) or EPSG:25832. Reproject the layers first.</source>
            <translation>Der Layer '{layer}' liegt in einem geografischen KBS ({crs}); {why} braucht ein projiziertes KBS in Metern, z. B. EPSG:25833 (ETRS89 / UTM 33N) oder EPSG:25832. Projizieren Sie die Layer zuerst um.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/input_checks.py" />
            <source>Layer '{layer}' has no field '{field}'. Available fields: {avail}.</source>
            <translation>Der Layer '{layer}' hat kein Feld '{field}'. Vorhandene Felder: {avail}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/input_checks.py" />
            <source>Field '{field}' of layer '{layer}' ({parameter}) must be numeric, but it is {kind}. Choose a numeric field.</source>
            <translation>Das Feld '{field}' des Layers '{layer}' ({parameter}) muss numerisch sein, ist aber {kind}. Wählen Sie ein numerisches Feld.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/interpolation_in_database.py" />
            <source>areal_interpolation cannot run in the database: {reason}.</source>
            <translation>areal_interpolation kann nicht in der Datenbank laufen: {reason}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/interpolation_in_database.py" />
            <source>PostgreSQL refused the interpolation into '{schema}'.'{table}'; nothing was written: {err}</source>
            <translation>PostgreSQL hat die Interpolation in '{schema}'.'{table}' abgelehnt; nichts wurde geschrieben: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/neighbours.py" />
            <source>k nearest neighbours: k must be between 1 and {m} (the number of features with a geometry minus one); got {k}.</source>
            <translation>k nächste Nachbarn: k muss zwischen 1 und {m} liegen (Anzahl der Objekte mit Geometrie minus eins); angegeben: {k}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/overlay_geometry.py" />
            <source>planar, in the layer CRS {crs}</source>
            <translation>eben, im KBS des Layers {crs}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/overlay_geometry.py" />
            <source>ellipsoidal, on ellipsoid {ell} (the layer CRS {crs} is geographic)</source>
            <translation>ellipsoidisch, auf dem Ellipsoid {ell} (das KBS des Layers {crs} ist geografisch)</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/overlay_geometry.py" />
            <source>GEOS could not intersect {what} (feature id {fid}); the geometry is probably invalid. Run Vector › Geometry Tools › Fix Geometries and try again.</source>
            <translation>GEOS konnte {what} nicht verschneiden (Objekt-ID {fid}); die Geometrie ist vermutlich ungültig. Führen Sie Vektor › Geometrie-Werkzeuge › Geometrien reparieren aus und versuchen Sie es erneut.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/overlay_geometry.py" />
            <source>GEOS could not intersect {n} source/target pairs of '{s}' and '{t}' (invalid geometries?). Run Vector › Geometry Tools › Fix Geometries on both layers. First pairs (feature ids): {pairs}</source>
            <translation>GEOS konnte {n} Paare aus Ausgangs- und Zielfläche von '{s}' und '{t}' nicht verschneiden (ungültige Geometrien?). Führen Sie Vektor › Geometrie-Werkzeuge › Geometrien reparieren für beide Layer aus. Erste Paare (Objekt-IDs): {pairs}</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/overlay_geometry.py" />
            <source>a population unit with a zone</source>
            <translation>eine Einwohnereinheit mit einer Zone</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/overlay_geometry.py" />
            <source>a population unit with the area within reach</source>
            <translation>eine Einwohnereinheit mit der Fläche im Einzugsbereich</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/spatial/reach_geometry.py" />
            <source>a district with the facility buffers</source>
            <translation>ein Gebiet mit den Puffern der Einrichtungen</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/style/cluster_maps.py" />
            <source>LISA clusters</source>
            <translation>LISA-Cluster</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/style/cluster_maps.py" />
            <source>Getis-Ord Gi* hot spots</source>
            <translation>Getis-Ord-Gi*-Hot-Spots</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/style/renderers.py" />
            <source>The layer '{layer}' has no field '{field}'. Available fields: {fields}.</source>
            <translation>Der Layer '{layer}' hat kein Feld '{field}'. Vorhandene Felder: {fields}.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/style/renderers.py" />
            <source>The population field '{field}' is not in layer '{layer}'.</source>
            <translation>Das Einwohnerfeld '{field}' ist nicht im Layer '{layer}'.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/style/renderers.py" />
            <source>The recipe's class colours {colours} do not get darker from '{best}' to '{worst}', so a greyscale copy would lose the order; using the colour-blind safe preset instead (choose 'recipe' colours to override).</source>
            <translation>Die Klassenfarben der Indexdefinition {colours} werden von '{best}' bis '{worst}' nicht dunkler, in einer Graustufenkopie ginge die Reihenfolge also verloren; stattdessen wird die farbfehlsichtigkeitsgerechte Voreinstellung verwendet (wählen Sie die Farben der Indexdefinition, um das zu übergehen).</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/style/renderers.py" />
            <source>Classification 'manual' needs breaks, e.g. BREAKS='5; 10; 15'.</source>
            <translation>Die Klassifizierung 'manuell' braucht Klassengrenzen, z. B. BREAKS='5; 10; 15'.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/style/renderers.py" />
            <location filename="../../plugin/processing/algorithms/style_layer.py" />
            <source>The label field '{field}' is not in layer '{layer}'.</source>
            <translation>Das Beschriftungsfeld '{field}' ist nicht im Layer '{layer}'.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/style/renderers.py" />
            <source>The overlay layer '{layer}' must contain lines or polygons.</source>
            <translation>Der Überlagerungslayer '{layer}' muss Linien oder Polygone enthalten.</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/style/uncertainty_style.py" />
            <source>class uncertain: probability below {p:.0f} %</source>
            <translation>Klasse unsicher: Wahrscheinlichkeit unter {p:.0f} %</translation>
        </message>
        <message>
            <location filename="../../plugin/gis/web/atlas_layers.py" />
            <source>The district boundaries could not be transformed to WGS 84 (EPSG:4326).</source>
            <translation>Die Gebietsgrenzen konnten nicht nach WGS 84 (EPSG:4326) transformiert werden.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <location filename="../../plugin/gui/plugin.py" />
            <source>Sozialmonitor</source>
            <translation>Sozialmonitor</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>1 · Districts</source>
            <translation>1 · Gebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>2 · Indicator table and join report</source>
            <translation>2 · Indikatortabelle und Verknüpfungsbericht</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>3 · Index recipe</source>
            <translation>3 · Indexdefinition</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>4 · Compute</source>
            <translation>4 · Berechnen</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>5 · Print</source>
            <translation>5 · Drucken</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Ready.</source>
            <translation>Bereit.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Help</source>
            <translation>Hilfe</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Open the panel's section of the Sozialmonitor manual</source>
            <translation>Den Abschnitt des Sozialmonitor-Handbuchs zu diesem Bedienfeld öffnen</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Running: {task}…</source>
            <translation>Läuft: {task}…</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Done.</source>
            <translation>Fertig.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Stopped: see the message bar.</source>
            <translation>Angehalten: siehe Meldungsleiste.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Reading the table</source>
            <translation>Tabelle wird gelesen</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Reading the join report</source>
            <translation>Verknüpfungsbericht wird gelesen</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>The index recipe has a problem (step 3): {msg}</source>
            <translation>Die Indexdefinition hat ein Problem (Schritt 3): {msg}</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Sozialmonitor: {title}</source>
            <translation>Sozialmonitor: {title}</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>social index</source>
            <translation>Sozialindex</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/dock.py" />
            <source>Compute the index first (step 4).</source>
            <translation>Berechnen Sie zuerst den Index (Schritt 4).</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/plugin.py" />
            <source>Show the Sozialmonitor panel</source>
            <translation>Sozialmonitor-Bedienfeld anzeigen</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/runner.py" />
            <source>The algorithm {alg} is not available. Is the Sozialmonitor provider enabled in the Processing options?</source>
            <translation>Der Algorithmus {alg} ist nicht verfügbar. Ist der Sozialmonitor-Provider in den Verarbeitungsoptionen (Einstellungen › Optionen › Verarbeitung) aktiviert?</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/runner.py" />
            <source>Running {alg} with {params}</source>
            <translation>Starte {alg} mit {params}</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/runner.py" />
            <source>{task} failed; see the log panel (Sozialmonitor).</source>
            <translation>{task} ist fehlgeschlagen; siehe Bedienfeld Protokollmeldungen (Reiter Sozialmonitor).</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/runner.py" />
            <source>{task}: cancelled.</source>
            <translation>{task}: abgebrochen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/runner.py" />
            <source>Cannot read or write {path}: {err}</source>
            <translation>{path} kann nicht gelesen oder geschrieben werden: {err}</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/state.py" />
            <source>The Sozialmonitor panel settings in this project are unreadable or from another plugin version; the panel starts empty.</source>
            <translation>Die Einstellungen des Sozialmonitor-Bedienfelds in diesem Projekt sind unlesbar oder stammen aus einer anderen Plugin-Version; das Bedienfeld beginnt leer.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/compute.py" />
            <source>{ev} of {n} districts evaluated (the others have no score: too few inhabitants, excluded or missing values).</source>
            <translation>{ev} von {n} Gebieten bewertet (die übrigen haben keinen Indexwert: zu wenige Einwohner, ausgeschlossen oder fehlende Werte).</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/compute.py" />
            <source>Distribution of {index} (evaluated districts)</source>
            <translation>Verteilung von {index} (bewertete Gebiete)</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/compute.py" />
            <source>Standardised Cronbach's alpha: {values}</source>
            <translation>Standardisiertes Cronbachs Alpha: {values}</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/districts.py" />
            <source>Choose the district layer (step 1).</source>
            <translation>Wählen Sie den Gebietslayer (Schritt 1).</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/districts.py" />
            <source>Choose the key field of the districts (step 1).</source>
            <translation>Wählen Sie das Schlüsselfeld der Gebiete (Schritt 1).</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/print_map.py" />
            <source>Written: {files}</source>
            <translation>Geschrieben: {files}</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>↑ worse</source>
            <translation>↑ schlecht</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>higher is worse</source>
            <translation>höher = schlechter</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>↑ better</source>
            <translation>↑ gut</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>higher is better</source>
            <translation>höher = besser</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>(choose a preset)</source>
            <translation>(Voreinstellung wählen)</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>Import index recipe</source>
            <translation>Indexdefinition importieren</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>Index recipes (*.json)</source>
            <translation>Indexdefinitionen (*.json)</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>Export index recipe</source>
            <translation>Indexdefinition exportieren</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>Row {row}: the weight '{text}' is not a number.</source>
            <translation>Zeile {row}: Das Gewicht '{text}' ist keine Zahl.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>Choose a preset or import a recipe file.</source>
            <translation>Wählen Sie eine Voreinstellung oder importieren Sie eine Datei mit einer Indexdefinition.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>The recipe is valid: {n} indicators, {m} indices.</source>
            <translation>Die Indexdefinition ist gültig: {n} Indikatoren, {m} Indizes.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>The recipe is valid. Preview the table (step 2) to check the field names.</source>
            <translation>Die Indexdefinition ist gültig. Zeigen Sie die Tabellenvorschau an (Schritt 2), um die Feldnamen zu prüfen.</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>min-max scaling</source>
            <translation>Min-Max-Skalierung</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>distance to a reference value</source>
            <translation>Abstand zu einem Referenzwert</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/recipe.py" />
            <source>none (already comparable)</source>
            <translation>keine (bereits vergleichbar)</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods);;All files (*.*)</source>
            <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods);;Alle Dateien (*.*)</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <source>detect</source>
            <translation>automatisch</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <source>semicolon ;</source>
            <translation>Semikolon ;</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <source>comma ,</source>
            <translation>Komma ,</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <source>tab</source>
            <translation>Tabulator</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <source>pipe |</source>
            <translation>senkrechter Strich |</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <source>Choose the indicator table (step 2).</source>
            <translation>Wählen Sie die Indikatortabelle (Schritt 2).</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <source>The table file {path} does not exist (step 2).</source>
            <translation>Die Tabellendatei {path} existiert nicht (Schritt 2).</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <source>Give the key column of the table (step 2).</source>
            <translation>Geben Sie die Schlüsselspalte der Tabelle an (Schritt 2).</translation>
        </message>
        <message>
            <location filename="../../plugin/gui/steps/table.py" />
            <source>{matched} of {total} districts matched; {orphans} table rows without district.</source>
            <translation>{matched} von {total} Gebieten zugeordnet; {orphans} Tabellenzeilen ohne Gebiet.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>Data and join</source>
            <translation>Daten und Verknüpfung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>Social index</source>
            <translation>Sozialindex</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>Maps and export</source>
            <translation>Karten und Export</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>Spatial analysis</source>
            <translation>Räumliche Analyse</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>Cancelled: no output layer was written.</source>
            <translation>Abgebrochen: kein Ausgabelayer wurde geschrieben.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>{param} '{prefix}' is not a valid field name prefix: use letters (a-z), digits and '_' only, starting with a letter (e.g. n or kita).</source>
            <translation>{param} '{prefix}' ist kein gültiges Präfix für Feldnamen: nur Buchstaben (a-z), Ziffern und '_', beginnend mit einem Buchstaben (z. B. n oder kita).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>Invalid, empty or NULL geometries</source>
            <translation>Ungültige, leere oder NULL-Geometrien</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>Invalid geometries repaired</source>
            <translation>Reparierte ungültige Geometrien</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>Features skipped for their geometry</source>
            <translation>Wegen ihrer Geometrie übersprungene Objekte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>Replace that table if it exists</source>
            <translation>Diese Tabelle ersetzen, falls sie existiert</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>{path}: Shapefiles cut field names to 10 characters (status_class becomes status_cla), so the results could not be found by name. Save the output as a GeoPackage (.gpkg) instead.</source>
            <translation>{path}: Shapefiles kürzen Feldnamen auf 10 Zeichen (aus status_class wird status_cla), die Ergebnisse wären nicht mehr unter ihrem Namen zu finden. Speichern Sie die Ausgabe stattdessen als GeoPackage (.gpkg).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>The output layer {name} could not be created.</source>
            <translation>Der Ausgabelayer {name} konnte nicht angelegt werden.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>{path}: a GeoPackage table holds at most {max} columns (SQLite's limit), this output would have {n}. Join fewer columns, e.g. the tables one by one into separate layers.</source>
            <translation>{path}: Eine GeoPackage-Tabelle fasst höchstens {max} Spalten (Grenze von SQLite), diese Ausgabe hätte {n}. Verknüpfen Sie weniger Spalten, z. B. die Tabellen einzeln in getrennte Layer.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithm.py" />
            <source>{path} is being edited in QGIS or another program (its journal {wal} exists): save or stop the edits (or open and close the file once), or choose another file.</source>
            <translation>{path} wird gerade in QGIS oder einem anderen Programm bearbeitet (sein Journal {wal} existiert): Speichern oder beenden Sie die Bearbeitung (oder öffnen und schließen Sie die Datei einmal), oder wählen Sie eine andere Datei.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Accessibility: population within reach of facilities</source>
            <translation>Erreichbarkeit: Bevölkerung im Einzugsbereich von Einrichtungen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>For every district of INPUT, the share of its population living within DISTANCE of a facility of FACILITIES (e.g. Kitas, schools, doctors). Distances are STRAIGHT-LINE buffers around the facilities (circles approximated by 64-gons), not walking routes along streets: real walking distances are longer, so the shares are upper bounds.

Population: without POPULATION_LAYER the population is assumed to be spread UNIFORMLY over each district's area, so the share is the share of the district's area within reach (&lt;prefix&gt;_pop_in = POPULATION_FIELD × that share). With POPULATION_LAYER (address points, grid cells or blocks with POPULATION_LAYER_FIELD) each unit's population is placed at the point, or spread evenly over the cell or block, and counted in the district(s) it lies in (POPULATION_FIELD is then not used).

Output: a copy of the districts with &lt;prefix&gt;_share_pct (% of the population within reach), &lt;prefix&gt;_area_pct (% of the area within reach), &lt;prefix&gt;_pop and &lt;prefix&gt;_pop_in (when a population is known) and &lt;prefix&gt;_basis (the population assumption in words). A district whose population is known to be 0 or is missing (POPULATION_FIELD or POPULATION_LAYER) gets a NULL share. All layers must be in the same projected CRS (DISTANCE is in its units, usually metres).

INVALID_GEOMETRY (districts, facilities, population layer): invalid (e.g. self-intersecting) polygons are repaired with makeValid (default), skipped or stop the run; empty and NULL geometries are skipped. Skipped districts are named (by KEY_FIELD) in the log, get NULL results and are left out of the total share; the log says how many districts and inhabitants were left out (N_GEOM_SKIPPED).</source>
            <translation>Für jedes Gebiet von INPUT der Anteil seiner Bevölkerung, der innerhalb von DISTANCE um eine Einrichtung aus FACILITIES wohnt (z. B. Kitas, Schulen, Arztpraxen). Entfernungen sind LUFTLINIEN-Puffer um die Einrichtungen (Kreise als 64-Ecke angenähert), keine Fußwege entlang von Straßen: Tatsächliche Fußwege sind länger, die Anteile sind also Obergrenzen.

Bevölkerung: Ohne POPULATION_LAYER wird angenommen, dass die Bevölkerung GLEICHMÄSSIG über die Fläche jedes Gebiets verteilt ist; der Anteil ist dann der Anteil der Gebietsfläche im Einzugsbereich (&lt;prefix&gt;_pop_in = POPULATION_FIELD × dieser Anteil). Mit POPULATION_LAYER (Adresspunkte, Rasterzellen oder Blöcke mit POPULATION_LAYER_FIELD) wird die Bevölkerung jeder Einheit am Punkt verortet bzw. gleichmäßig über die Zelle oder den Block verteilt und in dem Gebiet bzw. den Gebieten gezählt, in denen sie liegt (POPULATION_FIELD wird dann nicht verwendet).

Ausgabe: eine Kopie der Gebiete mit &lt;prefix&gt;_share_pct (% der Bevölkerung im Einzugsbereich), &lt;prefix&gt;_area_pct (% der Fläche im Einzugsbereich), &lt;prefix&gt;_pop und &lt;prefix&gt;_pop_in (wenn eine Bevölkerung bekannt ist) und &lt;prefix&gt;_basis (die Annahme zur Bevölkerung in Worten). Ein Gebiet, dessen Bevölkerung 0 ist oder fehlt (POPULATION_FIELD oder POPULATION_LAYER), erhält den Anteil NULL. Alle Layer müssen im selben projizierten KBS liegen (DISTANCE ist in dessen Einheiten, meist Meter).

INVALID_GEOMETRY (Bezirke, Einrichtungen, Bevölkerungslayer): ungültige (z. B. selbstüberschneidende) Polygone werden mit makeValid repariert (Standard), übersprungen oder beenden den Lauf; leere und NULL-Geometrien werden übersprungen. Übersprungene Bezirke werden im Protokoll genannt (nach KEY_FIELD), erhalten NULL-Ergebnisse und fehlen im Gesamtanteil; das Protokoll sagt, wie viele Bezirke und Einwohner fehlen (N_GEOM_SKIPPED).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Districts (polygons)</source>
            <translation>Gebiete (Polygone)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Facilities</source>
            <translation>Einrichtungen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Distance (straight line)</source>
            <translation>Entfernung (Luftlinie)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Population field of the districts</source>
            <translation>Einwohnerfeld der Gebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Population layer (points, grid cells, blocks)</source>
            <translation>Einwohnerlayer (Punkte, Rasterzellen, Blöcke)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Population field of the population layer</source>
            <translation>Einwohnerfeld des Einwohnerlayers</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>District key field (names districts in the log)</source>
            <translation>Schlüsselfeld der Gebiete (benennt Gebiete im Protokoll)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Prefix of the output fields</source>
            <translation>Präfix der Ausgabefelder</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Districts with accessibility</source>
            <translation>Gebiete mit Erreichbarkeit</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Share of the total population within reach (%)</source>
            <translation>Anteil der Gesamtbevölkerung im Einzugsbereich (%)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Facilities used</source>
            <translation>Verwendete Einrichtungen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Buffering facilities and clipping to districts…</source>
            <translation>Einrichtungen werden gepuffert und auf die Gebiete zugeschnitten…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Placing the population…</source>
            <translation>Bevölkerung wird verortet…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>a distance buffer</source>
            <translation>ein Entfernungspuffer</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>DISTANCE must be greater than 0 (it is {d}).</source>
            <translation>DISTANCE muss größer als 0 sein (ist {d}).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>A population layer ('{layer}') needs POPULATION_LAYER_FIELD, the field with the inhabitants of each point or cell.</source>
            <translation>Ein Einwohnerlayer ('{layer}') braucht POPULATION_LAYER_FIELD, das Feld mit den Einwohnern jedes Punkts bzw. jeder Zelle.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Checking the geometries…</source>
            <translation>Geometrien werden geprüft…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>population layer: points at their location, cells/blocks spread evenly over their area</source>
            <translation>Einwohnerlayer: Punkte an ihrem Ort, Zellen/Blöcke gleichmäßig über ihre Fläche verteilt</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>population assumed uniform over the district area</source>
            <translation>Bevölkerung gleichmäßig über die Gebietsfläche verteilt angenommen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Population within {d:g} m of a facility (%)</source>
            <translation>Bevölkerung im Umkreis von {d:g} m um eine Einrichtung (%)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Area within {d:g} m of a facility (%)</source>
            <translation>Fläche im Umkreis von {d:g} m um eine Einrichtung (%)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Population</source>
            <translation>Bevölkerung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Population within {d:g} m of a facility</source>
            <translation>Bevölkerung im Umkreis von {d:g} m um eine Einrichtung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Population assumption</source>
            <translation>Annahme zur Bevölkerung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Distance: {d:g} (layer units), straight-line buffers around {n} facilities — not walking routes; real walking distances are longer.</source>
            <translation>Entfernung: {d:g} (Layereinheiten), Luftlinien-Puffer um {n} Einrichtungen – keine Fußwege; tatsächliche Fußwege sind länger.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Population: {basis}.</source>
            <translation>Bevölkerung: {basis}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Their shares are NULL.</source>
            <translation>Ihre Anteile sind NULL.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>They are not buffered.</source>
            <translation>Sie werden nicht gepuffert.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Their population is not placed.</source>
            <translation>Ihre Bevölkerung wird nicht verortet.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>{m} of {n} districts: {p:.1f} % of {pop:.0f} inhabitants within reach. {k} districts are left out of this total (no usable geometry): {keys}.</source>
            <translation>{m} von {n} Bezirken: {p:.1f} % von {pop:.0f} Einwohnern in Reichweite. {k} Bezirke fehlen in dieser Summe (keine verwendbare Geometrie): {keys}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Their {pop:.0f} inhabitants (POPULATION_FIELD) are not counted.</source>
            <translation>Ihre {pop:.0f} Einwohner (POPULATION_FIELD) sind nicht mitgezählt.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Population units inside them count as outside all districts.</source>
            <translation>Bevölkerungseinheiten in ihnen zählen als außerhalb aller Bezirke.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>All districts: {p:.1f} % of {n:.0f} inhabitants within reach.</source>
            <translation>Alle Gebiete: {p:.1f} % von {n:.0f} Einwohnern im Einzugsbereich.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>Population layer: {tot:.6g} inhabitants, {out:.6g} outside all districts, {m} units without a value.</source>
            <translation>Einwohnerlayer: {tot:.6g} Einwohner, {out:.6g} außerhalb aller Gebiete, {m} Einheiten ohne Wert.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/accessibility.py" />
            <source>{n} districts have no inhabitants (or no population value): share NULL.</source>
            <translation>{n} Gebiete haben keine Einwohner (oder keinen Einwohnerwert): Anteil NULL.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Areal interpolation (old to new boundaries)</source>
            <translation>Flächeninterpolation (alte auf neue Grenzen)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Carries values from source polygons (statistical blocks, grid cells, old district boundaries) to target polygons (new districts) and writes a copy of TARGET with the interpolated fields (same names as in INPUT), src_n (number of source areas contributing) and src_cover_pct (share of the target's area covered by sources).

EXTENSIVE_FIELDS (counts such as inhabitants, recipients) are split: a target receives value × weight of the piece / weight of the whole source. INTENSIVE_FIELDS (shares, rates, means) are averaged: the mean of the sources weighted by the weight of each piece.
Weights are areas; with POPULATION_LAYER (points, grid cells or blocks with POPULATION_FIELD) they are the population in each piece (a polygon unit's population is spread evenly over its area), which suits counts of people and shares of the population. For extensive fields a source without any population is split by area; for intensive fields a piece without inhabitants adds nothing, and only a target without any population is averaged by area (both reported).

Check: for every extensive field the totals in and out are compared; more than 0.1 % difference is reported as NOT preserved. Source area not covered by any target is reported (with its value), not silently lost. REPORT (CSV) lists totals, uncovered sources and every reallocation of a split source, largest first; the log shows the largest ones. Both layers must be in the same projected CRS.

INVALID_GEOMETRY (sources, targets and the population layer): invalid (e.g. self-intersecting) polygons are repaired with makeValid (default), skipped or stop the run; empty and NULL geometries are skipped. Skipped features are named in the log; a skipped source's values are not carried (the totals check shows them as missing), a skipped target gets NULL values.

OUTPUT_TABLE (advanced, e.g. public.pgr2021_ew): when INPUT and TARGET are PostGIS tables of the same database, the pieces and sums are computed inside that database (a spatial join using the GiST indexes, area weights, the same formulas, totals check and REPORT) and this new table is written there, completely or not at all; OUTPUT is then not written and the OUTPUT result is the table's source. OVERWRITE_TABLE replaces an existing table. Both tables need an integer primary key, valid geometries and a projected CRS; POPULATION_LAYER is not supported there. When the database cannot be used, the run stops and says why (leave OUTPUT_TABLE empty to interpolate locally).</source>
            <translation>Überträgt Werte von Ausgangspolygonen (statistische Blöcke, Rasterzellen, alte Gebietsgrenzen) auf Zielpolygone (neue Gebiete) und schreibt eine Kopie von TARGET mit den interpolierten Feldern (gleiche Namen wie in INPUT), src_n (Zahl der beitragenden Ausgangsflächen) und src_cover_pct (Anteil der Zielfläche, der von Ausgangsflächen bedeckt ist).

EXTENSIVE_FIELDS (Anzahlen wie Einwohner, Leistungsbeziehende) werden aufgeteilt: Ein Ziel erhält Wert × Gewicht des Teilstücks / Gewicht der ganzen Ausgangsfläche. INTENSIVE_FIELDS (Anteile, Quoten, Mittelwerte) werden gemittelt: der Mittelwert der Ausgangsflächen, gewichtet mit dem Gewicht jedes Teilstücks.
Gewichte sind Flächen; mit POPULATION_LAYER (Punkte, Rasterzellen oder Blöcke mit POPULATION_FIELD) sind es die Einwohner in jedem Teilstück (die Einwohner einer Flächeneinheit werden gleichmäßig über ihre Fläche verteilt); das passt zu Personenzahlen und Bevölkerungsanteilen. Bei extensiven Feldern wird eine Ausgangsfläche ohne Einwohner nach Fläche aufgeteilt; bei intensiven Feldern trägt ein Teilstück ohne Einwohner nichts bei, und nur ein Ziel ganz ohne Einwohner wird nach Fläche gemittelt (beides wird berichtet).

Kontrolle: Für jedes extensive Feld werden die Summen vorher und nachher verglichen; mehr als 0,1 % Abweichung wird als NICHT erhalten gemeldet. Ausgangsfläche, die von keinem Ziel bedeckt wird, wird (mit ihrem Wert) gemeldet und geht nicht stillschweigend verloren. REPORT (CSV) listet Summen, nicht bedeckte Ausgangsflächen und jede Umverteilung einer aufgeteilten Ausgangsfläche, die größte zuerst; das Protokoll zeigt die größten. Beide Layer müssen im selben projizierten KBS liegen.

INVALID_GEOMETRY (Quellen, Ziele und Bevölkerungslayer): ungültige (z. B. selbstüberschneidende) Polygone werden mit makeValid repariert (Standard), übersprungen oder beenden den Lauf; leere und NULL-Geometrien werden übersprungen. Übersprungene Objekte werden im Protokoll genannt; die Werte einer übersprungenen Quelle werden nicht übertragen (die Summenprüfung zeigt sie als fehlend), ein übersprungenes Ziel erhält NULL-Werte.

OUTPUT_TABLE (erweitert, z. B. public.pgr2021_ew): Sind INPUT und TARGET PostGIS-Tabellen derselben Datenbank, werden die Teilflächen und Summen in dieser Datenbank berechnet (räumlicher Join über die GiST-Indizes, Flächengewichte, dieselben Formeln, dieselbe Summenprüfung und derselbe REPORT), und diese neue Tabelle wird dort geschrieben, vollständig oder gar nicht; OUTPUT wird dann nicht geschrieben, und das Ergebnis OUTPUT ist die Quelle der Tabelle. OVERWRITE_TABLE ersetzt eine vorhandene Tabelle. Beide Tabellen brauchen einen Primärschlüssel vom Typ integer oder smallint (nicht bigint), gültige Geometrien und ein projiziertes KBS; POPULATION_LAYER wird dort nicht unterstützt. Kann die Datenbank nicht genutzt werden, bricht der Lauf ab und nennt den Grund (OUTPUT_TABLE leer lassen, um lokal zu interpolieren).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Source polygons (with the values)</source>
            <translation>Ausgangspolygone (mit den Werten)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Target polygons (new boundaries)</source>
            <translation>Zielpolygone (neue Grenzen)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Extensive fields (counts: split)</source>
            <translation>Extensive Felder (Anzahlen: aufgeteilt)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Intensive fields (shares, rates: weighted mean)</source>
            <translation>Intensive Felder (Anteile, Quoten: gewichteter Mittelwert)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Population layer for weights (points, grid cells, blocks)</source>
            <translation>Einwohnerlayer für die Gewichte (Punkte, Rasterzellen, Blöcke)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Source key field (names sources in the report)</source>
            <translation>Schlüsselfeld der Ausgangsflächen (benennt sie im Bericht)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Target key field (names targets in the report)</source>
            <translation>Schlüsselfeld der Zielflächen (benennt sie im Bericht)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Largest reallocations shown in the log</source>
            <translation>Größte Umverteilungen im Protokoll</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Targets with interpolated values</source>
            <translation>Zielflächen mit interpolierten Werten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Interpolation report (CSV)</source>
            <translation>Interpolationsbericht (CSV)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Interpolate inside the database into this new table (schema.table)</source>
            <translation>In der Datenbank in diese neue Tabelle interpolieren (schema.tabelle)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Totals preserved within 0.1 % (1/0)</source>
            <translation>Summen auf 0,1 % erhalten (1/0)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Largest total difference (%)</source>
            <translation>Größte Abweichung einer Summe (%)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Source areas split among targets</source>
            <translation>Auf mehrere Ziele aufgeteilte Ausgangsflächen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>areal interpolation (areas)</source>
            <translation>Flächeninterpolation (Flächen)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>A population layer ('{layer}') needs POPULATION_FIELD, the field with the inhabitants of each point or cell.</source>
            <translation>Ein Einwohnerlayer ('{layer}') braucht POPULATION_FIELD, das Feld mit den Einwohnern jedes Punkts bzw. jeder Zelle.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Intersecting source and target polygons…</source>
            <translation>Ausgangs- und Zielpolygone werden verschnitten…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Weighting the pieces by population…</source>
            <translation>Teilstücke werden nach Einwohnern gewichtet…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>{name} (extensive, split by {w})</source>
            <translation>{name} (extensiv, aufgeteilt nach {w})</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>{name} (intensive, mean weighted by {w})</source>
            <translation>{name} (intensiv, Mittelwert gewichtet nach {w})</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Number of source areas</source>
            <translation>Anzahl der Ausgangsflächen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Share of the area covered by source areas (%)</source>
            <translation>Anteil der von Ausgangsflächen bedeckten Fläche (%)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>POPULATION_LAYER (population weights) is not supported inside the database</source>
            <translation>POPULATION_LAYER (Bevölkerungsgewichte) wird in der Datenbank nicht unterstützt</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>OUTPUT_TABLE is set, but the interpolation cannot run inside the database: {reason}. Leave OUTPUT_TABLE empty to interpolate locally (then export_postgis can write the result).</source>
            <translation>OUTPUT_TABLE ist gesetzt, aber die Interpolation kann nicht in der Datenbank laufen: {reason}. Lassen Sie OUTPUT_TABLE leer, um lokal zu interpolieren (danach kann export_postgis das Ergebnis schreiben).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>The result field '{name}' would replace the key or geometry column of the target table; rename that field in the source table or interpolate locally.</source>
            <translation>Das Ergebnisfeld '{name}' würde die Schlüssel- oder Geometriespalte der Zieltabelle ersetzen; benennen Sie das Feld in der Quelltabelle um oder interpolieren Sie lokal.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Interpolating inside the database…</source>
            <translation>Interpoliere in der Datenbank…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Cancelled: nothing was written.</source>
            <translation>Abgebrochen: es wurde nichts geschrieben.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <location filename="../../plugin/processing/result_layer.py" />
            <source>Existing fields replaced by the results: {names}.</source>
            <translation>Vorhandene Felder durch die Ergebnisse ersetzt: {names}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Interpolated inside the database into '{schema}'.'{table}'.</source>
            <translation>In der Datenbank interpoliert, in '{schema}'.'{table}'.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Their values are not carried to any target.</source>
            <translation>Ihre Werte werden auf kein Ziel übertragen.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>{field}: {v:.6g} in the {n} skipped source areas is not carried (it is part of the difference between total in and out).</source>
            <translation>{field}: {v:.6g} in den {n} übersprungenen Quellgebieten wird nicht übertragen (Teil der Differenz zwischen Summe ein und aus).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>They get NULL values; source values in their area count as not covered by targets.</source>
            <translation>Sie erhalten NULL-Werte; Quellwerte in ihrer Fläche zählen als nicht von Zielen abgedeckt.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Their population is not used as a weight.</source>
            <translation>Ihre Bevölkerung wird nicht als Gewicht verwendet.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Weights: {w}.</source>
            <translation>Gewichte: {w}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>population of the population layer in each piece</source>
            <translation>Einwohner des Einwohnerlayers in jedem Teilstück</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>area</source>
            <translation>Fläche</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>{field}: total in {tin:.6g}, out {tout:.6g} ({diff:+.4f} %), {state}; not covered by targets {unc:.6g}.</source>
            <translation>{field}: Summe vorher {tin:.6g}, nachher {tout:.6g} ({diff:+.4f} %), {state}; nicht von Zielen bedeckt {unc:.6g}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>preserved within 0.1 %</source>
            <translation>auf 0,1 % erhalten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>NOT preserved within 0.1 %</source>
            <translation>NICHT auf 0,1 % erhalten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>{n} source areas are not completely covered by targets (largest gaps: {worst}).</source>
            <translation>{n} Ausgangsflächen sind nicht vollständig von Zielen bedeckt (größte Lücken: {worst}).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Target polygons overlap: {a:.6g} map units² of source area are counted in more than one target.</source>
            <translation>Zielpolygone überlappen sich: {a:.6g} Karteneinheiten² Ausgangsfläche werden in mehr als einem Ziel gezählt.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Population layer: {tot:.6g} inhabitants, {out:.6g} outside all source areas (not used), {m} units without a value.</source>
            <translation>Einwohnerlayer: {tot:.6g} Einwohner, {out:.6g} außerhalb aller Ausgangsflächen (nicht verwendet), {m} Einheiten ohne Wert.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>{n} source areas contain no population of the population layer; they are split by area: {ids}</source>
            <translation>{n} Ausgangsflächen enthalten keine Einwohner des Einwohnerlayers; sie werden nach Fläche aufgeteilt: {ids}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>{n} target areas contain no population of the population layer; their intensive values are area-weighted means: {ids}</source>
            <translation>{n} Zielflächen enthalten keine Einwohner des Einwohnerlayers; ihre intensiven Werte sind flächengewichtete Mittelwerte: {ids}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>{n} target areas overlap no source area and get no value (NULL): {ids}</source>
            <translation>{n} Zielflächen überschneiden keine Ausgangsfläche und erhalten keinen Wert (NULL): {ids}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/areal_interpolation.py" />
            <source>Largest reallocations away from each source's main target (source → target, amount, share of the source):</source>
            <translation>Größte Umverteilungen weg vom Hauptziel jeder Ausgangsfläche (Ausgang → Ziel, Menge, Anteil an der Ausgangsfläche):</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>Batch export maps</source>
            <translation>Karten im Stapel exportieren</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>Exports one map per field (default: every index class, typology and indicator of the recipe) into OUTPUT_FOLDER as &lt;nn&gt;_&lt;field&gt;.pdf (and .png), and/or all maps into one PDF (OUTPUT_SINGLE_PDF).

Fields that differ only by a year (S1_2019, S1_2021) share class breaks computed once on their pooled values (POOL_YEARS), so maps of different years are comparable. Titles: '&lt;TITLE&gt;: &lt;field label&gt;'.</source>
            <translation>Exportiert je Feld eine Karte (Standard: jede Indexklasse, Typisierung und jeden Indikator der Indexdefinition) nach OUTPUT_FOLDER als &lt;nn&gt;_&lt;feld&gt;.pdf (und .png) und/oder alle Karten in eine PDF-Datei (OUTPUT_SINGLE_PDF).

Felder, die sich nur im Jahr unterscheiden (S1_2019, S1_2021), erhalten gemeinsame Klassengrenzen, die einmal aus ihren zusammengefassten Werten berechnet werden (POOL_YEARS); so sind Karten verschiedener Jahre vergleichbar. Titel: '&lt;TITLE&gt;: &lt;Feldbezeichnung&gt;'.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>Fields to map (default: indices, typologies and indicators of the recipe)</source>
            <translation>Zu kartierende Felder (Standard: Indizes, Typisierungen und Indikatoren der Indexdefinition)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>Same breaks for the years of one indicator (pooled)</source>
            <translation>Gleiche Klassengrenzen für die Jahre eines Indikators (zusammengefasst)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>Also write a PNG per map</source>
            <translation>Zusätzlich je Karte eine PNG-Datei schreiben</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>Folder for the maps</source>
            <translation>Ordner für die Karten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>All maps in one PDF</source>
            <translation>Alle Karten in einer PDF-Datei</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>Number of maps</source>
            <translation>Anzahl der Karten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>Files written</source>
            <translation>Geschriebene Dateien</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>No fields to map: choose FIELDS or give a recipe whose fields are in the layer.</source>
            <translation>Keine Felder zu kartieren: Wählen Sie FIELDS oder geben Sie eine Indexdefinition an, deren Felder im Layer vorhanden sind.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>Choose an output folder or a single PDF.</source>
            <translation>Wählen Sie einen Ausgabeordner oder eine einzelne PDF-Datei.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/batch_export.py" />
            <source>Map {i} of {n}: {field}</source>
            <translation>Karte {i} von {n}: {field}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>Committee package (maps, atlas, tables, methods annex)</source>
            <translation>Gremienpaket (Karten, Atlas, Tabellen, Methodenanhang)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>Writes everything a committee paper needs into OUTPUT_FOLDER, in German:
karten/&lt;nn&gt;_&lt;field&gt;.pdf (+ karten_alle.pdf): one map per index, typology and (optionally) indicator;
steckbriefe.pdf: one page per district; tabellen.xlsx: indicators, index and classes with units and sources ('.' for districts that are not evaluated); methodenanhang.pdf/.html: the method from the recipe (indicators, directions, weights, standardisation, thresholds, sources and dates).</source>
            <translation>Schreibt alles, was eine Gremienvorlage braucht, auf Deutsch nach OUTPUT_FOLDER:
karten/&lt;nn&gt;_&lt;feld&gt;.pdf (+ karten_alle.pdf): je eine Karte pro Index, Typisierung und (optional) Indikator;
steckbriefe.pdf: eine Seite je Gebiet; tabellen.xlsx: Indikatoren, Index und Klassen mit Einheiten und Quellen ('.' für nicht bewertete Gebiete); methodenanhang.pdf/.html: die Methode aus der Indexdefinition (Indikatoren, Richtungen, Gewichte, Standardisierung, Schwellen, Quellen und Datenstände).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Result layer (districts with index)</source>
            <translation>Ergebnislayer (Gebiete mit Index)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>Index recipe (JSON): the methods annex is written from it</source>
            <translation>Indexdefinition (JSON): daraus wird der Methodenanhang geschrieben</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>Also one map per indicator</source>
            <translation>Zusätzlich je Indikator eine Karte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>District atlas (Steckbriefe)</source>
            <translation>Gebietsatlas (Steckbriefe)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>District name field</source>
            <translation>Feld mit dem Gebietsnamen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>District key field</source>
            <translation>Schlüsselfeld der Gebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>Package folder</source>
            <translation>Ordner für das Paket</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>The algorithm {id} is not available.</source>
            <translation>Der Algorithmus {id} ist nicht verfügbar.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>{id} failed; see the log above.</source>
            <translation>{id} ist fehlgeschlagen; siehe Protokoll oben.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>The committee package needs the index recipe (RECIPE).</source>
            <translation>Das Gremienpaket braucht die Indexdefinition (RECIPE).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>1/4 Maps</source>
            <translation>1/4 Karten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>2/4 District atlas</source>
            <translation>2/4 Gebietsatlas</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>3/4 Tables</source>
            <translation>3/4 Tabellen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/committee_package.py" />
            <source>4/4 Methods annex</source>
            <translation>4/4 Methodenanhang</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Compute social index</source>
            <translation>Sozialindex berechnen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Computes the composite indices of an index recipe (e.g. the Berlin MSS status and dynamics index) for every district of INPUT (a layer or an attribute-only table).

Output: a copy of INPUT with &lt;index&gt;_score, &lt;index&gt;_class (label), &lt;index&gt;_class_no, z_&lt;indicator&gt; (normalised values), typology fields (e.g. sdi) and the flags evaluated, in_reference, eval_reason, imputed, imputed_list.
OUTPUT_DIAGNOSTICS (optional CSV): indicator statistics, correlations, standardised Cronbach's alpha, PCA and the number of districts changing class when one indicator is dropped.
KEY_FIELD (optional): the district key field of INPUT; overrides the recipe's metadata.key_field, e.g. when the table was joined to the districts first and the key has another name there.</source>
            <translation>Berechnet die zusammengesetzten Indizes einer Indexdefinition (z. B. Status- und Dynamikindex des Berliner MSS) für jedes Gebiet von INPUT (ein Layer oder eine Tabelle ohne Geometrie).

Ausgabe: eine Kopie von INPUT mit &lt;index&gt;_score, &lt;index&gt;_class (Bezeichnung), &lt;index&gt;_class_no, z_&lt;indikator&gt; (normierte Werte), Typisierungsfeldern (z. B. sdi) und den Kennzeichen evaluated, in_reference, eval_reason, imputed, imputed_list.
OUTPUT_DIAGNOSTICS (optionale CSV-Datei): Indikatorstatistiken, Korrelationen, standardisiertes Cronbachs Alpha, Hauptkomponentenanalyse und die Zahl der Gebiete, die die Klasse wechseln, wenn ein Indikator weggelassen wird.
KEY_FIELD (optional): das Schlüsselfeld der Gebiete in INPUT; ersetzt metadata.key_field der Indexdefinition, z. B. wenn die Tabelle zuerst mit den Gebieten verknüpft wurde und der Schlüssel dort anders heißt.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Districts (layer or table)</source>
            <translation>Gebiete (Layer oder Tabelle)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Index recipe (JSON)</source>
            <translation>Indexdefinition (JSON)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Districts with index</source>
            <translation>Gebiete mit Index</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Diagnostics table</source>
            <translation>Diagnosetabelle</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Summary (JSON: class counts, histogram, Cronbach's alpha, diagnostics)</source>
            <translation>Zusammenfassung (JSON: Klassenbesetzung, Histogramm, Cronbachs Alpha, Diagnose)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>JSON files (*.json)</source>
            <translation>JSON-Dateien (*.json)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Diagnostics: recompute without each indicator (class changes)</source>
            <translation>Diagnose: ohne jeden einzelnen Indikator neu berechnen (Klassenwechsel)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>District key field (empty = the recipe's metadata.key_field)</source>
            <translation>Schlüsselfeld der Gebiete (leer = metadata.key_field der Indexdefinition)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Evaluated districts</source>
            <translation>Bewertete Gebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Districts not evaluated</source>
            <translation>Nicht bewertete Gebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>{file} contains binary data, not a text table (its field names are unreadable). Check that you chose the right file and export it as CSV, XLSX or ODS.</source>
            <translation>{file} enthält Binärdaten, keine Texttabelle (die Feldnamen sind unlesbar). Prüfen Sie, ob Sie die richtige Datei gewählt haben, und exportieren Sie sie als CSV, XLSX oder ODS.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>KEY_FIELD: the layer has no field '{key}'. Available fields: {cols}.</source>
            <translation>KEY_FIELD: der Layer hat kein Feld '{key}'. Vorhandene Felder: {cols}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>metadata.key_field: unknown field '{key}'. Give the district key field of the layer as KEY_FIELD (e.g. after joining the table to the districts). The layer has: {cols}.</source>
            <translation>metadata.key_field: unbekanntes Feld '{key}'. Geben Sie das Schlüsselfeld der Gebiete im Layer als KEY_FIELD an (z. B. nach der Verknüpfung der Tabelle mit den Gebieten). Der Layer hat: {cols}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Reading attributes…</source>
            <translation>Attribute werden gelesen…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Reading {file}…</source>
            <translation>{file} wird gelesen…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>{file}: the recipe's key field '{key}' is not a column of the table. Give the key column as KEY_FIELD. Columns: {cols}.</source>
            <translation>{file}: Das Schlüsselfeld '{key}' der Indexdefinition ist keine Spalte der Tabelle. Geben Sie die Schlüsselspalte als KEY_FIELD an. Spalten: {cols}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Computing the index…</source>
            <translation>Index wird berechnet…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Warning: {msg}</source>
            <translation>Warnung: {msg}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>Computing diagnostics…</source>
            <translation>Diagnose wird berechnet…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>{ev} of {n} districts evaluated, {ref} in the reference set.</source>
            <translation>{ev} von {n} Gebieten bewertet, {ref} in der Referenzmenge.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/compute_index.py" />
            <source>{index}: {counts}</source>
            <translation>{index}: {counts}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Count points per district</source>
            <translation>Punkte je Gebiet zählen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Counts the point features of POINTS (e.g. day-care centres, schools, doctors) in every district of INPUT and writes a copy of the districts with:
&lt;prefix&gt;_total (number of points; 0 where a district has none, never NULL), &lt;prefix&gt;_total_p1000 (per 1,000 inhabitants, only with POPULATION_FIELD), &lt;prefix&gt;_total_km2 (per km²) and area_km2. With CATEGORY_FIELD, the same three numbers for every category value, in fields named &lt;prefix&gt;_&lt;category&gt; (made safe: 'Grundschule' → n_Grundschule, umlauts transliterated; the alias keeps the value).

Area: planar in the layer CRS when it is projected, ellipsoidal when it is geographic (the log says which). A district whose population is 0 or missing gets NULL rates per 1,000 and is listed in the log.
Points outside all districts are counted and reported. A point on a shared boundary is counted once, in the district with the lowest feature id among those it touches. A multi-point feature counts once, at its first point. Both layers must be in the same CRS.

INVALID_GEOMETRY: districts with an invalid (e.g. self-intersecting) geometry are repaired with makeValid (default), skipped or stop the run; districts with an empty or NULL geometry are skipped. Skipped districts are named in the log and get NULL counts, rates and areas (not 0); N_GEOM_SKIPPED says how many.

OUTPUT_TABLE (advanced, e.g. public.kita_counts): when INPUT and POINTS are PostGIS tables of the same database, the count runs inside that database (a spatial join using the GiST indexes, the same boundary rule) and writes this new table there, completely or not at all; OUTPUT is then not written and the OUTPUT result is the table's source. OVERWRITE_TABLE replaces an existing table. The districts need an integer or smallint primary key (not bigint), a projected CRS and valid geometries; a CATEGORY_FIELD must be text or integer there. When the database cannot be used, the run stops and says why (leave OUTPUT_TABLE empty to count locally).</source>
            <translation>Zählt die Punktobjekte von POINTS (z. B. Kitas, Schulen, Arztpraxen) in jedem Gebiet von INPUT und schreibt eine Kopie der Gebiete mit:
&lt;prefix&gt;_total (Anzahl der Punkte; 0, wo ein Gebiet keine hat, nie NULL), &lt;prefix&gt;_total_p1000 (je 1.000 Einwohner, nur mit POPULATION_FIELD), &lt;prefix&gt;_total_km2 (je km²) und area_km2. Mit CATEGORY_FIELD dieselben drei Zahlen für jeden Kategoriewert, in Feldern namens &lt;prefix&gt;_&lt;kategorie&gt; (bereinigt: 'Grundschule' → n_Grundschule, Umlaute umschrieben; der Alias behält den Wert).

Fläche: eben im KBS des Layers, wenn es projiziert ist, ellipsoidisch, wenn es geografisch ist (das Protokoll nennt die Methode). Ein Gebiet mit 0 oder fehlenden Einwohnern erhält NULL als Rate je 1.000 und wird im Protokoll aufgeführt.
Punkte außerhalb aller Gebiete werden gezählt und gemeldet. Ein Punkt auf einer gemeinsamen Grenze wird einmal gezählt, im Gebiet mit der niedrigsten Objekt-ID unter den berührten. Ein Mehrfachpunkt-Objekt zählt einmal, an seinem ersten Punkt. Beide Layer müssen im selben KBS liegen.

INVALID_GEOMETRY: Bezirke mit ungültiger (z. B. selbstüberschneidender) Geometrie werden mit makeValid repariert (Standard), übersprungen oder beenden den Lauf; Bezirke mit leerer oder NULL-Geometrie werden übersprungen. Übersprungene Bezirke werden im Protokoll genannt und erhalten NULL als Anzahl, Rate und Fläche (nicht 0); N_GEOM_SKIPPED sagt, wie viele.

OUTPUT_TABLE (erweitert, z. B. public.kita_anzahl): Sind INPUT und POINTS PostGIS-Tabellen derselben Datenbank, läuft die Zählung in dieser Datenbank (räumlicher Join über die GiST-Indizes, dieselbe Randregel) und schreibt diese neue Tabelle dort, vollständig oder gar nicht; OUTPUT wird dann nicht geschrieben, und das Ergebnis OUTPUT ist die Quelle der Tabelle. OVERWRITE_TABLE ersetzt eine vorhandene Tabelle. Die Bezirke brauchen einen Primärschlüssel vom Typ integer oder smallint (nicht bigint), ein projiziertes KBS und gültige Geometrien; ein CATEGORY_FIELD muss dort Text oder Ganzzahl sein. Kann die Datenbank nicht genutzt werden, bricht der Lauf ab und nennt den Grund (OUTPUT_TABLE leer lassen, um lokal zu zählen).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Points (e.g. facilities)</source>
            <translation>Punkte (z. B. Einrichtungen)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Category field of the points (one count per category)</source>
            <translation>Kategoriefeld der Punkte (eine Zählung je Kategorie)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Population field of the districts (for rates per 1,000)</source>
            <translation>Einwohnerfeld der Gebiete (für Raten je 1.000)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Districts with counts</source>
            <translation>Gebiete mit Anzahlen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Count inside the database into this new table (schema.table)</source>
            <translation>In der Datenbank in diese neue Tabelle zählen (schema.tabelle)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Points read</source>
            <translation>Gelesene Punkte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Points inside a district</source>
            <translation>Punkte in einem Gebiet</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Points outside all districts</source>
            <translation>Punkte außerhalb aller Gebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Points on a district boundary</source>
            <translation>Punkte auf einer Gebietsgrenze</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Districts without population</source>
            <translation>Gebiete ohne Einwohner</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Checking the district geometries…</source>
            <translation>Bezirksgeometrien werden geprüft…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Locating points…</source>
            <translation>Punkte werden verortet…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Their counts, rates and areas are NULL; points inside them are counted as outside.</source>
            <translation>Ihre Anzahlen, Raten und Flächen sind NULL; Punkte in ihnen zählen als außerhalb.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>{inside} of {n} points lie in a district; {out} lie outside all districts (not counted).</source>
            <translation>{inside} von {n} Punkten liegen in einem Gebiet; {out} liegen außerhalb aller Gebiete (nicht gezählt).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>{b} points lie on a district boundary; each is counted once, in the district with the lowest feature id it touches.</source>
            <translation>{b} Punkte liegen auf einer Gebietsgrenze; jeder wird einmal gezählt, im berührten Gebiet mit der niedrigsten Objekt-ID.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>{n} point features have no geometry (counted as outside).</source>
            <translation>{n} Punktobjekte haben keine Geometrie (als außerhalb gezählt).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>{n} multi-point features hold several points; each counts once, at its first point.</source>
            <translation>{n} Mehrfachpunkt-Objekte enthalten mehrere Punkte; jedes zählt einmal, an seinem ersten Punkt.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Areas (km²): {how}.</source>
            <translation>Flächen (km²): {how}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>{n} districts have population 0 or missing; their rates per 1,000 are NULL: {ids}</source>
            <translation>{n} Gebiete haben 0 oder fehlende Einwohner; ihre Raten je 1.000 sind NULL: {ids}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>OUTPUT_TABLE is set, but the count cannot run inside the database: {reason}. Leave OUTPUT_TABLE empty to count locally (then export_postgis can write the result).</source>
            <translation>OUTPUT_TABLE ist gesetzt, aber die Zählung kann nicht in der Datenbank laufen: {reason}. Lassen Sie OUTPUT_TABLE leer, um lokal zu zählen (danach kann export_postgis das Ergebnis schreiben).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Counting points inside the database…</source>
            <translation>Zähle Punkte in der Datenbank…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Counted inside the database into '{schema}'.'{table}'.</source>
            <translation>In der Datenbank gezählt, in '{schema}'.'{table}'.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Number of points</source>
            <translation>Anzahl der Punkte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Number of points: {cat}</source>
            <translation>Anzahl der Punkte: {cat}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>{alias} per 1,000 inhabitants</source>
            <translation>{alias} je 1.000 Einwohner</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>{alias} per km²</source>
            <translation>{alias} je km²</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/count_points.py" />
            <source>Area (km²)</source>
            <translation>Fläche (km²)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Derive indicator weights from the data (PCA)</source>
            <translation>Indikatorgewichte aus den Daten ableiten (Hauptkomponenten)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Writes a copy of RECIPE whose indicator weights are computed from the districts of INPUT.

METHOD principal components (as in the RKI's GISD and the handbooks): per domain, the first principal component of the correlations of its indicators over the reference districts; its loadings squared and normalised to 1 are the weights. METHOD equal: every indicator of a domain weighs the same.

DOMAINS groups: the indicators of an index that share a 'group' form a domain; whole index: all indicators of an index form one domain. Each domain keeps the total weight the recipe gave it, so the balance between domains stays; weights of sub-indices are not changed. With two indicators a domain always gets equal PCA weights.

OUTPUT_RECIPE stores the weights per index ('weights') and where they came from ('weights_from': method, data, date, number of reference districts, loadings, explained variance), so the run can be reproduced and checked. The log lists old and new weights.</source>
            <translation>Schreibt eine Kopie von RECIPE, deren Indikatorgewichte aus den Gebieten von INPUT berechnet sind.

METHOD Hauptkomponenten (wie im GISD des RKI und in den Handbüchern): je Domäne die erste Hauptkomponente der Korrelationen ihrer Indikatoren über die Referenzgebiete; ihre quadrierten, auf 1 normierten Ladungen sind die Gewichte. METHOD gleich: Jeder Indikator einer Domäne wiegt gleich viel.

DOMAINS Gruppen: Die Indikatoren eines Index mit derselben 'group' bilden eine Domäne; ganzer Index: Alle Indikatoren eines Index bilden eine Domäne. Jede Domäne behält das Gesamtgewicht, das ihr das Rezept gibt, so bleibt das Verhältnis der Domänen erhalten; Gewichte von Teilindizes werden nicht geändert. Bei zwei Indikatoren erhält eine Domäne stets gleiche Hauptkomponenten-Gewichte.

OUTPUT_RECIPE speichert die Gewichte je Index ('weights') und ihre Herkunft ('weights_from': Methode, Daten, Datum, Zahl der Referenzgebiete, Ladungen, erklärte Varianz), damit der Lauf nachvollzogen und wiederholt werden kann. Das Protokoll listet alte und neue Gewichte.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Weights</source>
            <translation>Gewichte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Principal components (first component, squared loadings)</source>
            <translation>Hauptkomponenten (erste Komponente, quadrierte Ladungen)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Equal within each domain</source>
            <translation>Gleich innerhalb jeder Domäne</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Domains</source>
            <translation>Domänen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Indicator groups of each index</source>
            <translation>Indikatorgruppen jedes Index</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>All indicators of an index</source>
            <translation>Alle Indikatoren eines Index</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Recipe with derived weights</source>
            <translation>Rezept mit abgeleiteten Gewichten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Recipe files (*.json)</source>
            <translation>Rezeptdateien (*.json)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Reference districts used</source>
            <translation>Verwendete Referenzgebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>{index} / {domain}: {ind} weight {old:g} -&gt; {new:.4g}</source>
            <translation>{index} / {domain}: {ind} Gewicht {old:g} -&gt; {new:.4g}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>On the first principal component {inds} load against the other indicators of their domain; a squared loading still counts them in their recipe direction. Check their 'direction'.</source>
            <translation>Auf der ersten Hauptkomponente laden {inds} gegen die anderen Indikatoren ihrer Domäne; eine quadrierte Ladung zählt sie trotzdem in der Richtung des Rezepts. Prüfen Sie ihre 'direction'.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/derive_weights.py" />
            <source>Weights from {n} reference districts written to {path}.</source>
            <translation>Gewichte aus {n} Referenzgebieten nach {path} geschrieben.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Export district atlas (Steckbriefe)</source>
            <translation>Gebietsatlas exportieren (Steckbriefe)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>One A4 page per district in one PDF: name and key, a map zoomed to the district (highlighted, neighbours in their class colours), a locator map of the city, the index classes and a table of the indicators with the city value (unweighted mean of the evaluated districts), the deviation from it and the rank. Districts that are not evaluated show '.' instead of numbers (statistical secrecy).

FILTER limits the pages (e.g. "id" LIKE '01%'); city values and ranks always use all districts. INDICATORS defaults to the recipe's indicators.

Trend charts: where the layer holds an indicator for several years in fields named &lt;indicator&gt;_&lt;year&gt; (as join_table FORMAT=long writes them, e.g. schuldnerquote_pct_2015 … _2021), each page gets up to two small line charts below the table: the district against the unweighted mean of the evaluated districts per year. TREND_INDICATORS names the indicators (';'-separated prefixes, e.g. schuldnerquote_pct); default: the first two series found. Missing years are gaps; secret districts show only the reference line. TREND = false leaves the charts out.</source>
            <translation>Eine A4-Seite je Gebiet in einer PDF-Datei: Name und Schlüssel, eine auf das Gebiet gezoomte Karte (hervorgehoben, Nachbargebiete in ihren Klassenfarben), eine Übersichtskarte der Stadt, die Indexklassen und eine Tabelle der Indikatoren mit dem Stadtwert (ungewichteter Mittelwert der bewerteten Gebiete), der Abweichung davon und dem Rang. Nicht bewertete Gebiete zeigen '.' statt Zahlen (statistische Geheimhaltung).

FILTER begrenzt die Seiten (z. B. "id" LIKE '01%'); Stadtwerte und Ränge beziehen immer alle Gebiete ein. INDICATORS ist standardmäßig die Indikatorliste der Indexdefinition.

Zeitreihendiagramme: Enthält der Layer einen Indikator für mehrere Jahre in Feldern namens &lt;indikator&gt;_&lt;jahr&gt; (wie join_table mit FORMAT=long sie schreibt, z. B. schuldnerquote_pct_2015 … _2021), erhält jede Seite unter der Tabelle bis zu zwei kleine Liniendiagramme: das Gebiet im Vergleich zum ungewichteten Mittelwert der bewerteten Gebiete je Jahr. TREND_INDICATORS nennt die Indikatoren (durch ';' getrennte Präfixe, z. B. schuldnerquote_pct); Standard: die ersten beiden gefundenen Reihen. Fehlende Jahre bleiben Lücken; geheime Gebiete zeigen nur die Referenzlinie. TREND = false lässt die Diagramme weg.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Field that colours the maps</source>
            <translation>Feld, das die Karten einfärbt</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Indicator fields in the table (default: the recipe's)</source>
            <translation>Indikatorfelder in der Tabelle (Standard: die der Indexdefinition)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>District key field (also the page order)</source>
            <translation>Schlüsselfeld der Gebiete (auch Reihenfolge der Seiten)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Only districts matching</source>
            <translation>Nur Gebiete, für die gilt</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Trend charts where several years exist</source>
            <translation>Zeitreihendiagramme, wo mehrere Jahre vorliegen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Trend chart indicators (';'-separated prefixes; default: all series found, at most 2)</source>
            <translation>Indikatoren für Zeitreihendiagramme (durch ';' getrennte Präfixe; Standard: alle gefundenen Reihen, höchstens 2)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Overlay of higher-level boundaries (e.g. Bezirke)</source>
            <translation>Überlagerung mit übergeordneten Grenzen (z. B. Bezirke)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Atlas (PDF)</source>
            <translation>Atlas (PDF)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>QGIS project with the atlas layout (.qgz)</source>
            <translation>QGIS-Projekt mit dem Atlaslayout (.qgz)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>QGIS projects (*.qgz)</source>
            <translation>QGIS-Projekte (*.qgz)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Pages</source>
            <translation>Seiten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>No indicator fields for the table: choose INDICATORS or give a recipe whose indicator fields are in the layer.</source>
            <translation>Keine Indikatorfelder für die Tabelle: Wählen Sie INDICATORS oder geben Sie eine Indexdefinition an, deren Indikatorfelder im Layer vorhanden sind.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>The filter expression is not valid: {expr}</source>
            <translation>Der Filterausdruck ist ungültig: {expr}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>No district matches the filter {expr}; the atlas would have no page.</source>
            <translation>Kein Gebiet erfüllt den Filter {expr}; der Atlas hätte keine Seite.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Exporting {n} pages…</source>
            <translation>{n} Seiten werden exportiert…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>No room for the trend charts below a table of {n} indicators; choose fewer INDICATORS.</source>
            <translation>Unter einer Tabelle mit {n} Indikatoren ist kein Platz für die Zeitreihendiagramme; wählen Sie weniger INDICATORS.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>The pages are printed without charts.</source>
            <translation>Die Seiten werden ohne Diagramme gedruckt.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_atlas.py" />
            <source>Trend charts: {names}</source>
            <translation>Zeitreihendiagramme: {names}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>Export committee map</source>
            <translation>Karte für Gremienvorlage exportieren</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>Prints one field of a result layer (an index class such as status_class, a typology or any numeric indicator) into a print layout with title, subtitle, legend with district counts, scale bar, north arrow, overview map, data source and date line, author and logo, and exports it.

Index classes get fixed colour-blind safe colours that keep their order in greyscale; numeric fields are classified (quantiles, natural breaks, equal interval, SD or manual/fixed breaks) with a ColorBrewer ramp. Districts that are not evaluated (recipe minimum population, evaluated = 0) are hatched and never shown as values; districts without data get their own hatch.

Templates: A4 portrait, A4 landscape, A3 landscape, or your own .qpt with the item ids title, subtitle, map, overview, legend, scalebar, north_arrow, source, date, author, logo (only 'map' is required). OUTPUT_PROJECT saves a .qgz with the styled layers, the layout and the recipe.</source>
            <translation>Druckt ein Feld eines Ergebnislayers (eine Indexklasse wie status_class, eine Typisierung oder einen beliebigen numerischen Indikator) in ein Drucklayout mit Titel, Untertitel, Legende mit Gebietsanzahlen, Maßstabsleiste, Nordpfeil, Übersichtskarte, Quellen- und Datumszeile, Bearbeiter und Logo und exportiert es.

Indexklassen erhalten feste, farbfehlsichtigkeitsgerechte Farben, die ihre Reihenfolge auch in Graustufen behalten; numerische Felder werden klassifiziert (Quantile, natürliche Unterbrechungen, gleiche Intervalle, Standardabweichung oder manuelle/feste Grenzen) und mit einem ColorBrewer-Farbverlauf dargestellt. Nicht bewertete Gebiete (Mindesteinwohnerzahl der Indexdefinition, evaluated = 0) werden schraffiert und nie als Werte gezeigt; Gebiete ohne Daten erhalten eine eigene Schraffur.

Vorlagen: A4 Hochformat, A4 Querformat, A3 Querformat oder Ihre eigene .qpt-Datei mit den Element-IDs title, subtitle, map, overview, legend, scalebar, north_arrow, source, date, author, logo (nur 'map' ist erforderlich). OUTPUT_PROJECT speichert eine .qgz-Datei mit den gestalteten Layern, dem Layout und der Indexdefinition.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>Map (PDF)</source>
            <translation>Karte (PDF)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>Map (PNG)</source>
            <translation>Karte (PNG)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>PNG images (*.png)</source>
            <translation>PNG-Bilder (*.png)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>Map (SVG)</source>
            <translation>Karte (SVG)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>SVG files (*.svg)</source>
            <translation>SVG-Dateien (*.svg)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>QGIS project with styled layer and layout (.qgz)</source>
            <translation>QGIS-Projekt mit gestaltetem Layer und Layout (.qgz)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <location filename="../../plugin/processing/algorithms/style_layer.py" />
            <source>Legend entries</source>
            <translation>Legendeneinträge</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>Styling {field}…</source>
            <translation>{field} wird gestaltet…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_map.py" />
            <source>Exporting the layout…</source>
            <translation>Layout wird exportiert…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Export to PostGIS</source>
            <translation>Nach PostGIS exportieren</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Writes INPUT (e.g. the districts with the index) to the table SCHEMA.TABLE of a PostgreSQL/PostGIS database, through QGIS's PostgreSQL provider.

DATABASE: the name of a PostgreSQL connection saved in QGIS (Browser panel), or a connection string such as host=localhost port=5432 dbname=gis user=me. A missing schema is created.
An existing table is only replaced when OVERWRITE is set. The table is written completely or not at all: the features go into a temporary table first, which one transaction then renames to TABLE (dropping the old table when OVERWRITE is set). Any schema or table name is allowed: names are quoted, so quotes or semicolons in a name cannot change the SQL.

PRIMARY_KEY (default fid) is a new generated integer key (1, 2, …), so duplicated district keys do no harm. An integer input field with that name (a GeoPackage fid, the key of an earlier export) is replaced by it; any other input field with that name is an error. Decimal numbers are stored as double precision (float8), geometries in GEOMETRY_COLUMN with a spatial index.</source>
            <translation>Schreibt INPUT (z. B. die Gebiete mit dem Index) über den PostgreSQL-Provider von QGIS in die Tabelle SCHEMA.TABLE einer PostgreSQL/PostGIS-Datenbank.

DATABASE: der Name einer in QGIS gespeicherten PostgreSQL-Verbindung (Browser-Bedienfeld) oder eine Verbindungszeichenkette wie host=localhost port=5432 dbname=gis user=me. Ein fehlendes Schema wird angelegt.
Eine vorhandene Tabelle wird nur ersetzt, wenn OVERWRITE gesetzt ist. Die Tabelle wird vollständig oder gar nicht geschrieben: Die Objekte kommen zuerst in eine temporäre Tabelle, die eine einzige Transaktion dann in TABLE umbenennt (und dabei die alte Tabelle löscht, wenn OVERWRITE gesetzt ist). Beliebige Schema- und Tabellennamen sind erlaubt: Namen werden maskiert, sodass Anführungszeichen oder Semikolons in einem Namen das SQL nicht verändern können.

PRIMARY_KEY (Standard: fid) ist ein neu erzeugter ganzzahliger Schlüssel (1, 2, …), sodass doppelte Gebietsschlüssel nicht schaden. Ein ganzzahliges Eingabefeld mit diesem Namen (eine GeoPackage-fid, der Schlüssel eines früheren Exports) wird dadurch ersetzt; jedes andere Eingabefeld mit diesem Namen ist ein Fehler. Dezimalzahlen werden als double precision (float8) gespeichert, Geometrien in GEOMETRY_COLUMN mit räumlichem Index.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Layer or table to write</source>
            <translation>Zu schreibender Layer oder zu schreibende Tabelle</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Database (saved PostgreSQL connection or connection string)</source>
            <translation>Datenbank (gespeicherte PostgreSQL-Verbindung oder Verbindungszeichenkette)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Schema</source>
            <translation>Schema</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Table</source>
            <translation>Tabelle</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Replace the table if it exists</source>
            <translation>Tabelle ersetzen, falls vorhanden</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Primary key column (generated)</source>
            <translation>Primärschlüsselspalte (erzeugt)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Geometry column</source>
            <translation>Geometriespalte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Source of the written table (postgres provider, without password)</source>
            <translation>Quelle der geschriebenen Tabelle (postgres-Provider, ohne Passwort)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Features written</source>
            <translation>Geschriebene Objekte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>Writing to PostGIS…</source>
            <translation>Schreiben nach PostGIS…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_postgis.py" />
            <source>{n} features written to '{schema}'.'{table}'.</source>
            <translation>{n} Objekte nach '{schema}'.'{table}' geschrieben.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>German</source>
            <translation>Deutsch</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>English</source>
            <translation>Englisch</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Export interactive web atlas</source>
            <translation>Interaktiven Web-Atlas exportieren</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Writes a folder with index.html: an interactive atlas that opens from a file share or an intranet in any browser, without internet (no CDN; background tiles only when you give BASEMAP_URL). Residents pick a map (the index classes, each indicator, each year present), hover for names, click or tap a district for its profile (values with units, rank, deviation from the city, class, trend over the years, the uncertainty of its class where the layer has it), search by name or key, and switch to a sortable table with CSV download. German and English, chosen in the page.

The classes, breaks, colours and legend counts are those of the printed maps. Districts that are not evaluated (statistical secrecy) show '.'; their values are not written into the atlas files at all. Boundaries are simplified for the web with TOLERANCE metres without gaps or overlaps between neighbours (each shared boundary is simplified once). The output folder must be new, empty or an earlier atlas; it is replaced only when the new atlas is complete.</source>
            <translation>Schreibt einen Ordner mit index.html: einen interaktiven Atlas, der sich von einem Dateiserver oder aus dem Intranet in jedem Browser öffnet, ohne Internet (kein CDN; Hintergrundkacheln nur, wenn Sie BASEMAP_URL angeben). Bürgerinnen und Bürger wählen eine Karte (die Indexklassen, jeden Indikator, jedes vorhandene Jahr), sehen beim Überfahren die Namen, öffnen mit Klick oder Tippen den Steckbrief eines Gebiets (Werte mit Einheiten, Rang, Abweichung von der Stadt, Klasse, Entwicklung über die Jahre, die Unsicherheit der Klasse, wo der Layer sie enthält), suchen nach Name oder Schlüssel und wechseln zu einer sortierbaren Tabelle mit CSV-Download. Deutsch und Englisch, in der Seite wählbar.

Klassen, Grenzen, Farben und Legendenzahlen sind die der gedruckten Karten. Nicht bewertete Gebiete (statistische Geheimhaltung) zeigen „.“; ihre Werte werden gar nicht erst in die Dateien des Atlas geschrieben. Die Grenzen werden für das Web mit TOLERANCE Metern vereinfacht, ohne Lücken oder Überlappungen zwischen Nachbarn (jede gemeinsame Grenze wird einmal vereinfacht). Der Ausgabeordner muss neu, leer oder ein früherer Atlas sein; er wird erst ersetzt, wenn der neue Atlas vollständig ist.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Further fields to offer (numbers: indicators; text: classes)</source>
            <translation>Weitere Felder zur Auswahl (Zahlen: Indikatoren; Text: Klassen)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Subtitle</source>
            <translation>Untertitel</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Data source line (default: recipe source)</source>
            <translation>Quellenzeile (Standard: Quelle aus der Indexdefinition)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Data date (default: recipe data date)</source>
            <translation>Datenstand (Standard: Datenstand aus der Indexdefinition)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Licence of the data (e.g. CC BY 4.0, dl-de/by-2-0)</source>
            <translation>Lizenz der Daten (z. B. CC BY 4.0, dl-de/by-2-0)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Language the page opens in</source>
            <translation>Sprache, in der sich die Seite öffnet</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Simplification tolerance (m; 0 = keep every vertex)</source>
            <translation>Toleranz der Vereinfachung (m; 0 = jeden Stützpunkt behalten)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Background tiles URL template, e.g. https://tiles.example/{z}/{x}/{y}.png (empty: none, the atlas then needs no network)</source>
            <translation>URL-Vorlage für Hintergrundkacheln, z. B. https://tiles.example/{z}/{x}/{y}.png (leer: keine, der Atlas braucht dann kein Netz)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Attribution of the background tiles</source>
            <translation>Quellenangabe der Hintergrundkacheln</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Class colours</source>
            <translation>Klassenfarben</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Classification of numeric fields</source>
            <translation>Klassifizierung numerischer Felder</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Number of classes (numeric fields)</source>
            <translation>Anzahl der Klassen (numerische Felder)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Colour ramp (numeric fields)</source>
            <translation>Farbverlauf (numerische Felder)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Web atlas folder</source>
            <translation>Ordner des Web-Atlas</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Start page (index.html)</source>
            <translation>Startseite (index.html)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Districts</source>
            <translation>Gebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Maps offered</source>
            <translation>Angebotene Karten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Size of the atlas folder (bytes)</source>
            <translation>Größe des Atlas-Ordners (Bytes)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Boundary vertices after simplification</source>
            <translation>Grenzstützpunkte nach der Vereinfachung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>The layer has no field '{field}' ({param}). Available fields: {fields}.</source>
            <translation>Der Layer hat kein Feld „{field}“ ({param}). Vorhandene Felder: {fields}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Reading {n} districts…</source>
            <translation>Lese {n} Gebiete…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>The layer '{layer}' has no districts.</source>
            <translation>Der Layer „{layer}“ enthält keine Gebiete.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>District keys occur more than once: {keys}. The search finds the first of each.</source>
            <translation>Gebietsschlüssel kommen mehrfach vor: {keys}. Die Suche findet jeweils den ersten.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Boundaries: {arcs} shared arcs, {vertices} vertices after simplifying with {tol} m ({kept} arcs kept unsimplified so that every district stays valid).</source>
            <translation>Grenzen: {arcs} gemeinsame Bögen, {vertices} Stützpunkte nach der Vereinfachung mit {tol} m ({kept} Bögen unvereinfacht belassen, damit jedes Gebiet gültig bleibt).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/export_web_atlas.py" />
            <source>Web atlas written: {path} ({size}, {n} districts, {k} maps, {s:.1f} s).</source>
            <translation>Web-Atlas geschrieben: {path} ({size}, {n} Gebiete, {k} Karten, {s:.1f} s).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Index uncertainty and sensitivity</source>
            <translation>Unsicherheit und Sensitivität des Index</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Recomputes an index for many simulated recipes that vary the choices named in the recipe's 'uncertainty' section (normalisation, weights, aggregation, imputation, winsorising, reference districts, dropping one indicator) and reports how certain each district's rank and class are.

Output: a copy of INPUT with &lt;index&gt;_rank (in the recipe, 1 = most disadvantaged), _rank_med, _rank_p05, _rank_p95 (5–95 % interval over the draws), _class_nom (class in the recipe), _class_mode and _class_prob (most frequent class and its share) and _p_&lt;k&gt; (share of draws in class k). The loaded layer shows the classes with a hatch where the class probability is below 80 %.
DRAWS simulated recipes from SEED (reproducible). SOBOL_BASE &gt; 0 adds variance-based sensitivity: SOBOL_BASE × (choices + 2) further runs give first-order and total Sobol indices per choice (OUTPUT_SOBOL, CSV). OUTPUT_CHART: rank-interval chart of all districts (SVG); OUTPUT_ANNEX: methods-annex section (HTML). KEY_FIELD (optional): the district key field of INPUT, overriding the recipe's metadata.key_field.</source>
            <translation>Berechnet einen Index für viele simulierte Rezepte neu, die die im Abschnitt 'uncertainty' des Rezepts genannten Entscheidungen variieren (Standardisierung, Gewichte, Aggregation, Ersetzung fehlender Werte, Winsorisierung, Referenzgebiete, Weglassen eines Indikators), und zeigt, wie sicher Rang und Klasse jedes Gebiets sind.

Ausgabe: eine Kopie von INPUT mit &lt;index&gt;_rank (im Rezept, 1 = am stärksten benachteiligt), _rank_med, _rank_p05, _rank_p95 (5–95-%-Intervall über die Ziehungen), _class_nom (Klasse im Rezept), _class_mode und _class_prob (häufigste Klasse und ihr Anteil) sowie _p_&lt;k&gt; (Anteil der Ziehungen in Klasse k). Der geladene Layer zeigt die Klassen, schraffiert, wo die Klassenwahrscheinlichkeit unter 80 % liegt.
DRAWS simulierte Rezepte aus SEED (reproduzierbar). SOBOL_BASE &gt; 0 ergänzt eine varianzbasierte Sensitivitätsanalyse: SOBOL_BASE × (Entscheidungen + 2) weitere Läufe ergeben Sobol-Indizes erster Ordnung und totale Sobol-Indizes je Entscheidung (OUTPUT_SOBOL, CSV). OUTPUT_CHART: Rangintervall-Diagramm aller Gebiete (SVG); OUTPUT_ANNEX: Abschnitt für den Methodenanhang (HTML). KEY_FIELD (optional): das Schlüsselfeld der Gebiete in INPUT; ersetzt metadata.key_field des Rezepts.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Index recipe with an uncertainty section (JSON)</source>
            <translation>Indexrezept mit Abschnitt uncertainty (JSON)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Simulated recipes</source>
            <translation>Simulierte Rezepte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Random seed</source>
            <translation>Zufallsstartwert</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Sobol base samples (0 = no sensitivity analysis)</source>
            <translation>Sobol-Basisstichproben (0 = keine Sensitivitätsanalyse)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Districts with rank intervals and class probabilities</source>
            <translation>Gebiete mit Rangintervallen und Klassenwahrscheinlichkeiten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Sobol indices</source>
            <translation>Sobol-Indizes</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Rank-interval chart</source>
            <translation>Rangintervall-Diagramm</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Methods annex section</source>
            <translation>Abschnitt für den Methodenanhang</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>HTML files (*.html)</source>
            <translation>HTML-Dateien (*.html)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Districts ranked</source>
            <translation>Gebiete mit Rang</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Districts with class probability below 80 %</source>
            <translation>Gebiete mit Klassenwahrscheinlichkeit unter 80 %</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Recomputing the index for {n} simulated recipes…</source>
            <translation>Index wird für {n} simulierte Rezepte neu berechnet …</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Writing the outputs…</source>
            <translation>Ausgaben werden geschrieben …</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>{label}: rank intervals over {n} simulated recipes</source>
            <translation>{label}: Rangintervalle über {n} simulierte Rezepte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>{n} districts ranked; {u} have a class probability below {p:.0f} %; for {c} the most frequent class differs from the recipe's.</source>
            <translation>{n} Gebiete mit Rang; {u} haben eine Klassenwahrscheinlichkeit unter {p:.0f} %; bei {c} weicht die häufigste Klasse von der des Rezepts ab.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>Sobol {choice}: S1 {s1:.3f}, ST {st:.3f}</source>
            <translation>Sobol {choice}: S1 {s1:.3f}, ST {st:.3f}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/index_uncertainty.py" />
            <source>The recipe {path} has no 'uncertainty' section, so there is nothing to vary. Add one naming the choices and their alternatives (see docs/recipe-format.md, section Uncertainty).</source>
            <translation>Das Rezept {path} hat keinen Abschnitt 'uncertainty', es gibt also nichts zu variieren. Ergänzen Sie ihn mit den Entscheidungen und ihren Alternativen (siehe docs/recipe-format.md, Abschnitt Uncertainty).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Join indicator table(s)</source>
            <translation>Indikatortabelle(n) verknüpfen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Joins indicator tables (CSV/TXT, XLSX, ODS or a table layer) to the districts of INPUT by key and writes a new layer: all district fields plus the table columns (names made safe for GeoPackage; the alias keeps the original header).

Encoding, separator, decimal comma, header row below title rows and footnote rows are detected (override them if needed). Suppression symbols such as . - x / … • * become missing values, never 0, and are counted in the report.

Keys are text: leading zeros survive. KEY_RULE 'pad_zeros' also matches keys whose leading zeros Excel removed (1100101, 1100101.0, 1.100101E+6). Duplicate table keys are an error unless DUPLICATES says how to aggregate; a table in long format (the key repeats with a year or indicator column) is refused until FORMAT=long pivots it. STRICT turns any district without data or table row without district into an error.

MIN_MATCH_PERCENT (default 90): fewer districts or fewer table rows matched than this share fails the join, with the likely cause (lost leading zeros, decimal or scientific keys, another district vintage, a partial table) and the fix; no match at all always fails. Lower it when a partial match is what you expect.

The join report (matched, districts without data, rows without district, duplicates, name mismatches, suppressed values, conversions) goes to this log and to REPORT (CSV; by default next to a file output). EXTRA_TABLES joins more files with the same key column and options.</source>
            <translation>Verknüpft Indikatortabellen (CSV/TXT, XLSX, ODS oder einen Tabellenlayer) über den Schlüssel mit den Gebieten von INPUT und schreibt einen neuen Layer: alle Gebietsfelder plus die Tabellenspalten (Namen GeoPackage-tauglich gemacht; der Alias behält die ursprüngliche Überschrift).

Zeichenkodierung, Trennzeichen, Dezimalkomma, eine Kopfzeile unterhalb von Titelzeilen und Fußnotenzeilen werden erkannt (bei Bedarf übersteuerbar). Sperrzeichen wie . - x / … • * werden zu fehlenden Werten, nie zu 0, und im Bericht gezählt.

Schlüssel sind Text: führende Nullen bleiben erhalten. Die Schlüsselregel (KEY_RULE) 'pad_zeros' ordnet auch Schlüssel zu, die Excel beschädigt hat (1100101, 1100101.0, 1.100101E+6). Doppelte Tabellenschlüssel sind ein Fehler, es sei denn, DUPLICATES legt eine Zusammenfassung fest; eine Tabelle im Langformat (der Schlüssel wiederholt sich mit einer Jahres- oder Indikatorspalte) wird abgelehnt, bis FORMAT=long sie umformt. STRICT macht jedes Gebiet ohne Daten und jede Tabellenzeile ohne Gebiet zum Fehler.

MIN_MATCH_PERCENT (Standard 90): Werden weniger Gebiete oder weniger Tabellenzeilen als dieser Anteil zugeordnet, schlägt die Verknüpfung fehl, mit der wahrscheinlichen Ursache (verlorene führende Nullen, Dezimal- oder wissenschaftliche Schlüssel, ein anderer Gebietsstand, eine Teiltabelle) und der Abhilfe; gar keine Zuordnung schlägt immer fehl. Senken Sie den Wert, wenn Sie eine Teilzuordnung erwarten.

Der Verknüpfungsbericht (zugeordnet, Gebiete ohne Daten, Zeilen ohne Gebiet, Duplikate, abweichende Namen, gesperrte Werte, Umwandlungen) erscheint in diesem Protokoll und in REPORT (CSV; standardmäßig neben einer Dateiausgabe). EXTRA_TABLES verknüpft weitere Dateien mit derselben Schlüsselspalte und denselben Optionen.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>District layer</source>
            <translation>Gebietslayer</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Indicator table (CSV, TXT, XLSX, ODS)</source>
            <translation>Indikatortabelle (CSV, TXT, XLSX, ODS)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Key column in the table</source>
            <translation>Schlüsselspalte in der Tabelle</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Key matching rule</source>
            <translation>Regel für den Schlüsselabgleich</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>exact (text, surrounding spaces ignored)</source>
            <translation>exakt (Text, umgebende Leerzeichen ignoriert)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>pad_zeros (restore leading zeros lost in Excel, drop '.0')</source>
            <translation>pad_zeros (in Excel verlorene führende Nullen wiederherstellen, '.0' entfernen)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>normalise_text (names: ignore case, spaces, ß/ss)</source>
            <translation>normalise_text (Namen: Groß-/Kleinschreibung, Leerzeichen, ß/ss ignorieren)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Strict: any district without data or table row without district is an error</source>
            <translation>Strikt: jedes Gebiet ohne Daten und jede Tabellenzeile ohne Gebiet ist ein Fehler</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Several table rows with the same key</source>
            <translation>Mehrere Tabellenzeilen mit demselben Schlüssel</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>error (list them)</source>
            <translation>Fehler (auflisten)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>sum</source>
            <translation>Summe</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>first row</source>
            <translation>erste Zeile</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Minimum match (% of the districts and of the table rows; no match always fails)</source>
            <translation>Mindestzuordnung (% der Gebiete und der Tabellenzeilen; ohne jede Zuordnung immer ein Fehler)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Districts with table columns</source>
            <translation>Gebiete mit Tabellenspalten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Join report (CSV)</source>
            <translation>Verknüpfungsbericht (CSV)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>… or a table layer opened in QGIS</source>
            <translation>… oder ein in QGIS geöffneter Tabellenlayer</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>More table files (same key column and options)</source>
            <translation>Weitere Tabellendateien (gleiche Schlüsselspalte und Optionen)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>District name field (to list name mismatches)</source>
            <translation>Feld mit dem Gebietsnamen (um abweichende Namen aufzulisten)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Name column in the table (to list name mismatches)</source>
            <translation>Namensspalte in der Tabelle (um abweichende Namen aufzulisten)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Missing-value codes to count in the report (e.g. 0;-9999)</source>
            <translation>Fehlwertcodes, die im Bericht gezählt werden (z. B. 0;-9999)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Table format</source>
            <translation>Tabellenformat</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>wide (one row per district)</source>
            <translation>breit (eine Zeile je Gebiet)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>long (district, [year,] indicator, value)</source>
            <translation>lang (Gebiet, [Jahr,] Indikator, Wert)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Long format: indicator column (empty = detect)</source>
            <translation>Langformat: Indikatorspalte (leer = erkennen)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Long format: value column (empty = detect; with a year column also several: A;B)</source>
            <translation>Langformat: Wertspalte (leer = erkennen; mit einer Jahresspalte auch mehrere: A;B)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Long format: year column (optional)</source>
            <translation>Langformat: Jahresspalte (optional)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Long format: years to keep (e.g. 2019;2021)</source>
            <translation>Langformat: zu übernehmende Jahre (z. B. 2019;2021)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Add &lt;column&gt;_flag fields with the suppression symbols</source>
            <translation>Felder &lt;spalte&gt;_flag mit den Sperrzeichen hinzufügen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Districts with data from every table</source>
            <translation>Gebiete mit Daten aus jeder Tabelle</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Districts without data</source>
            <translation>Gebiete ohne Daten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Table rows without district</source>
            <translation>Tabellenzeilen ohne Gebiet</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Give an indicator table: a file (TABLE) or a table layer (TABLE_LAYER).</source>
            <translation>Geben Sie eine Indikatortabelle an: eine Datei (TABLE) oder einen Tabellenlayer (TABLE_LAYER).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Give the key column of the table (TABLE_KEY).</source>
            <translation>Geben Sie die Schlüsselspalte der Tabelle an (TABLE_KEY).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Reading district attributes…</source>
            <translation>Attribute der Gebiete werden gelesen…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Join report: {path}</source>
            <translation>Verknüpfungsbericht: {path}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Field names made safe for GeoPackage (the alias keeps the header): {pairs}</source>
            <translation>Feldnamen GeoPackage-tauglich gemacht (der Alias behält die Überschrift): {pairs}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/join_table.py" />
            <source>Join report written to {path}</source>
            <translation>Verknüpfungsbericht geschrieben nach {path}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Quantiles (equal counts)</source>
            <translation>Quantile (gleiche Anzahl)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Natural breaks (Jenks)</source>
            <translation>Natürliche Unterbrechungen (Jenks)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Equal interval</source>
            <translation>Gleiche Intervalle</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Standard deviation</source>
            <translation>Standardabweichung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Manual breaks</source>
            <translation>Manuelle Grenzen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Recipe colours if greyscale-ordered, else colour-blind safe preset</source>
            <translation>Farben der Indexdefinition, wenn in Graustufen geordnet, sonst farbfehlsichtigkeitsgerechte Voreinstellung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Colour-blind safe preset</source>
            <translation>Farbfehlsichtigkeitsgerechte Voreinstellung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Recipe colours</source>
            <translation>Farben der Indexdefinition</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Author / organisation</source>
            <translation>Bearbeitung / Organisation</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Cannot read the break '{part}' in '{text}'. Separate breaks with ';', e.g. 5; 10; 15,5.</source>
            <translation>Die Klassengrenze '{part}' in '{text}' kann nicht gelesen werden. Trennen Sie die Grenzen mit ';', z. B. 5; 10; 15,5.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Prepared by: {author}</source>
            <translation>Bearbeitung: {author}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Field to map (class or numeric field)</source>
            <translation>Zu kartierendes Feld (Klassen- oder Zahlenfeld)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Index recipe (JSON): class labels, colours, texts</source>
            <translation>Indexdefinition (JSON): Klassenbezeichnungen, Farben, Texte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Reverse the colour ramp</source>
            <translation>Farbverlauf umkehren</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Manual or fixed breaks, ';'-separated (e.g. 5; 10; 15)</source>
            <translation>Manuelle oder feste Klassengrenzen, durch ';' getrennt (z. B. 5; 10; 15)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Layout template</source>
            <translation>Layoutvorlage</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Own layout template (.qpt, same item ids; overrides TEMPLATE)</source>
            <translation>Eigene Layoutvorlage (.qpt, gleiche Element-IDs; ersetzt TEMPLATE)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Legend name of the overlay</source>
            <translation>Legendenname der Überlagerung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <location filename="../../plugin/processing/algorithms/style_layer.py" />
            <source>Label districts with (name or key)</source>
            <translation>Gebiete beschriften mit (Name oder Schlüssel)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Logo (SVG or PNG)</source>
            <translation>Logo (SVG oder PNG)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>Resolution of PNG output (dpi)</source>
            <translation>Auflösung der PNG-Ausgabe (dpi)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>The layout template {path} does not exist.</source>
            <translation>Die Layoutvorlage {path} existiert nicht.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/map_parameters.py" />
            <source>The layer given as {name} could not be opened.</source>
            <translation>Der als {name} angegebene Layer konnte nicht geöffnet werden.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Raw rate (events / population x multiplier)</source>
            <translation>Rohe Rate (Ereignisse / Bevölkerung x Multiplikator)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Empirical Bayes rate (x multiplier)</source>
            <translation>Empirical-Bayes-Rate (x Multiplikator)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Empirical Bayes: reference rate the district is pulled towards (x multiplier)</source>
            <translation>Empirical Bayes: Referenzrate, zu der das Gebiet hingezogen wird (x Multiplikator)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Empirical Bayes: weight of the district's own rate (0..1)</source>
            <translation>Empirical Bayes: Gewicht der eigenen Rate des Gebiets (0..1)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Smooth rates of small populations (Empirical Bayes)</source>
            <translation>Raten kleiner Bevölkerungen glätten (Empirical Bayes)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Rates of districts with few inhabitants jump by chance: 2 cases in 40 inhabitants are 5 %, 3 cases 7.5 %. Empirical Bayes smoothing pulls each raw rate EVENTS / POPULATION towards a reference rate, the more the smaller the population, so maps and rankings show the stable differences.

METHOD global: the reference is the rate of all districts (sum of events / sum of population). METHOD spatial: the reference is the rate of the district together with its neighbours (queen, rook or k nearest, as in the spatial autocorrelation).

The log also reports the EB-adjusted Moran's I (Assunção &amp; Reis 1999): Moran's I of the rates standardised with their Empirical Bayes mean and variance, with a permutation pseudo p-value. It is the global autocorrelation test for rates of unequal populations; for LISA clusters of the smoothed rates run 'Spatial autocorrelation' on rate_eb. Results equal PySAL's esda (Empirical_Bayes, Spatial_Empirical_Bayes, Moran_Rate) with the same neighbours and seed.

Districts with a population of 0 or a missing value get no rate and are named in the log.

OUTPUT: a copy of INPUT with rate_raw, rate_eb, rate_eb_ref (the reference rate) and rate_eb_w (the weight of the district's own rate), rates multiplied by MULTIPLIER (e.g. 1000: per 1,000 inhabitants).</source>
            <translation>Raten von Gebieten mit wenigen Einwohnern springen zufällig: 2 Fälle bei 40 Einwohnern sind 5 %, 3 Fälle 7,5 %. Die Empirical-Bayes-Glättung zieht jede rohe Rate EVENTS / POPULATION zu einer Referenzrate hin, umso stärker, je kleiner die Bevölkerung ist, sodass Karten und Rangfolgen die stabilen Unterschiede zeigen.

METHOD global: Referenz ist die Rate aller Gebiete (Summe der Ereignisse / Summe der Bevölkerung). METHOD räumlich: Referenz ist die Rate des Gebiets zusammen mit seinen Nachbarn (Queen, Rook oder k nächste, wie bei der räumlichen Autokorrelation).

Das Protokoll nennt außerdem das EB-adjustierte Moran's I (Assunção &amp; Reis 1999): Moran's I der mit ihrem Empirical-Bayes-Mittelwert und ihrer Varianz standardisierten Raten, mit einem Permutations-Pseudo-p-Wert. Es ist der globale Autokorrelationstest für Raten ungleich großer Bevölkerungen; für LISA-Cluster der geglätteten Raten führen Sie 'Räumliche Autokorrelation' auf rate_eb aus. Die Ergebnisse stimmen bei gleichen Nachbarn und gleichem Startwert mit PySALs esda überein (Empirical_Bayes, Spatial_Empirical_Bayes, Moran_Rate).

Gebiete mit einer Bevölkerung von 0 oder einem fehlenden Wert erhalten keine Rate und werden im Protokoll genannt.

OUTPUT: eine Kopie von INPUT mit rate_raw, rate_eb, rate_eb_ref (die Referenzrate) und rate_eb_w (das Gewicht der eigenen Rate des Gebiets), Raten multipliziert mit MULTIPLIER (z. B. 1000: je 1.000 Einwohner).</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Events (count, e.g. recipients of benefits)</source>
            <translation>Ereignisse (Anzahl, z. B. Leistungsbeziehende)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Population at risk</source>
            <translation>Bevölkerung unter Risiko</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Key field (names districts in the log)</source>
            <translation>Schlüsselfeld (benennt Gebiete im Protokoll)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Smoothing</source>
            <translation>Glättung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Global Empirical Bayes (towards the rate of all districts)</source>
            <translation>Globales Empirical Bayes (zur Rate aller Gebiete)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Spatial Empirical Bayes (towards the rate of the neighbourhood)</source>
            <translation>Räumliches Empirical Bayes (zur Rate der Nachbarschaft)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Multiplier of the rates (e.g. 1000: per 1,000)</source>
            <translation>Multiplikator der Raten (z. B. 1000: je 1.000)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Row-standardise the weights of the EB Moran's I (off: binary)</source>
            <translation>Gewichte des EB-Moran's-I zeilenstandardisieren (aus: binär)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Permutations of the EB Moran's I (0: none)</source>
            <translation>Permutationen des EB-Moran's-I (0: keine)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Smoothed rates</source>
            <translation>Geglättete Raten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>EB-adjusted Moran's I</source>
            <translation>EB-adjustiertes Moran's I</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>EB-adjusted Moran's I: z (normality)</source>
            <translation>EB-adjustiertes Moran's I: z (Normalverteilung)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>EB-adjusted Moran's I: pseudo p-value</source>
            <translation>EB-adjustiertes Moran's I: Pseudo-p-Wert</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Districts with a rate</source>
            <translation>Gebiete mit einer Rate</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Districts with a population of 0</source>
            <translation>Gebiete mit einer Bevölkerung von 0</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Districts without events or population</source>
            <translation>Gebiete ohne Ereignisse oder Bevölkerung</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>The field '{field}' is not numeric; choose a numeric field of counts.</source>
            <translation>Das Feld '{field}' ist nicht numerisch; wählen Sie ein numerisches Feld mit Anzahlen.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>They get no rate and are named as missing.</source>
            <translation>Sie erhalten keine Rate und werden als fehlend genannt.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Smoothing and EB Moran's I ({n} permutations)…</source>
            <translation>Glättung und EB-Moran's-I ({n} Permutationen)…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>{method} Empirical Bayes rates of {n} districts: raw from {r0:.4g} to {r1:.4g} (SD {rs:.4g}), smoothed from {s0:.4g} to {s1:.4g} (SD {ss:.4g}), per {m:g}.</source>
            <translation>{method} Empirical-Bayes-Raten von {n} Gebieten: roh von {r0:.4g} bis {r1:.4g} (SD {rs:.4g}), geglättet von {s0:.4g} bis {s1:.4g} (SD {ss:.4g}), je {m:g}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Global</source>
            <translation>Globale</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>Spatial</source>
            <translation>Räumliche</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>EB-adjusted Moran's I = {i:.4f} (E[I] = {ei:.4f}, z = {z:.2f}, pseudo p = {p}); neighbours {nb}.</source>
            <translation>EB-adjustiertes Moran's I = {i:.4f} (E[I] = {ei:.4f}, z = {z:.2f}, Pseudo-p = {p}); Nachbarn {nb}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/smooth_rates.py" />
            <source>{n} districts have no neighbour: in the spatial smoothing their reference is their own rate (no smoothing): {keys}.</source>
            <translation>{n} Gebiete haben keinen Nachbarn: Bei der räumlichen Glättung ist ihre Referenz die eigene Rate (keine Glättung): {keys}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Spatial autocorrelation (Moran's I, LISA, Gi*)</source>
            <translation>Räumliche Autokorrelation (Moran's I, LISA, Gi*)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Do districts with high (or low) values of FIELD cluster in space?

Global Moran's I with its expectation, a z-value under normality and a permutation pseudo p-value; local Moran (LISA) with conditional permutation pseudo p-values and the clusters High-High, Low-Low, High-Low, Low-High and not significant; Getis-Ord Gi* z-scores (the district itself counted) with hot and cold spots. Optionally the local p-values are corrected for the false discovery rate (Benjamini-Hochberg).

Neighbours: queen (a shared point), rook (a shared edge) or the k nearest centroids; TOLERANCE (layer units) bridges digitising gaps. Districts without neighbours (islands) and districts without a value are listed in the log and marked 'island' / 'missing', not analysed locally. With the same SEED the results are reproducible (and equal to PySAL's esda).

OUTPUT: a copy of INPUT with lisa_i, lisa_z, lisa_p, lisa_q, lisa_cluster, gi_z, gi_p, gi_class (and lisa_p_fdr, gi_p_fdr with FDR), styled as a cluster map with a legend; the Gi* map is a second layer style.

INVALID_GEOMETRY: invalid (e.g. self-intersecting) polygons are repaired with makeValid (default), skipped or stop the run; empty and NULL geometries are skipped. Skipped districts are named in the log and marked 'missing'.</source>
            <translation>Bilden Gebiete mit hohen (oder niedrigen) Werten von FIELD räumliche Cluster?

Globales Moran's I mit Erwartungswert, einem z-Wert unter Normalverteilungsannahme und einem Permutations-Pseudo-p-Wert; lokales Moran (LISA) mit bedingten Permutations-Pseudo-p-Werten und den Clustern Hoch-Hoch, Niedrig-Niedrig, Hoch-Niedrig, Niedrig-Hoch und nicht signifikant; Getis-Ord-Gi*-z-Werte (das Gebiet selbst mitgezählt) mit Hot und Cold Spots. Optional werden die lokalen p-Werte für die False Discovery Rate korrigiert (Benjamini-Hochberg).

Nachbarn: Queen (ein gemeinsamer Punkt), Rook (eine gemeinsame Kante) oder die k nächsten Schwerpunkte; TOLERANCE (Layereinheiten) überbrückt Digitalisierungslücken. Gebiete ohne Nachbarn (Inseln) und Gebiete ohne Wert werden im Protokoll aufgeführt und als 'island' / 'missing' gekennzeichnet, nicht lokal analysiert. Mit demselben SEED sind die Ergebnisse reproduzierbar (und gleich denen von PySALs esda).

OUTPUT: eine Kopie von INPUT mit lisa_i, lisa_z, lisa_p, lisa_q, lisa_cluster, gi_z, gi_p, gi_class (und mit FDR lisa_p_fdr, gi_p_fdr), gestaltet als Clusterkarte mit Legende; die Gi*-Karte ist ein zweiter Layerstil.

INVALID_GEOMETRY: ungültige (z. B. selbstüberschneidende) Polygone werden mit makeValid repariert (Standard), übersprungen oder beenden den Lauf; leere und NULL-Geometrien werden übersprungen. Übersprungene Bezirke werden im Protokoll genannt und als 'missing' markiert.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Field to analyse (index or indicator)</source>
            <translation>Zu analysierendes Feld (Index oder Indikator)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Row-standardise the weights (off: binary)</source>
            <translation>Gewichte zeilenstandardisieren (aus: binär)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Permutations</source>
            <translation>Permutationen</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Significance level</source>
            <translation>Signifikanzniveau</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Correct local p-values for the false discovery rate (Benjamini-Hochberg)</source>
            <translation>Lokale p-Werte für die False Discovery Rate korrigieren (Benjamini-Hochberg)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Cluster map</source>
            <translation>Clusterkarte</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Global Moran's I</source>
            <translation>Globales Moran's I</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Global Moran's I: z (normality)</source>
            <translation>Globales Moran's I: z (Normalverteilung)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Global Moran's I: pseudo p-value</source>
            <translation>Globales Moran's I: Pseudo-p-Wert</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Global Moran's I: p (normality)</source>
            <translation>Globales Moran's I: p (Normalverteilung)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Districts analysed</source>
            <translation>Analysierte Gebiete</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Districts without neighbours</source>
            <translation>Gebiete ohne Nachbarn</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Districts without a value</source>
            <translation>Gebiete ohne Wert</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>The field '{field}' is not numeric; choose a numeric index or indicator field.</source>
            <translation>Das Feld '{field}' ist nicht numerisch; wählen Sie ein numerisches Index- oder Indikatorfeld.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>They are treated as missing (no neighbours, no local statistic) and marked 'missing'.</source>
            <translation>Sie werden als fehlend behandelt (keine Nachbarn, keine lokale Statistik) und als 'missing' markiert.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Computing Moran's I, LISA and Gi* ({n} permutations)…</source>
            <translation>Moran's I, LISA und Gi* werden berechnet ({n} Permutationen)…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Key values used by more than one feature: {keys}. Every feature is analysed as its own district with its own neighbours; the log names them by key.</source>
            <translation>Schlüsselwerte, die mehr als ein Objekt verwendet: {keys}. Jedes Objekt wird als eigenes Gebiet mit eigenen Nachbarn analysiert; das Protokoll benennt sie nach dem Schlüssel.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>Moran's I of {field} = {i:.4f} (E[I] = {ei:.4f}, z = {z:.2f}, p normal = {pn:.2g}, pseudo p = {ps:.4g} with {m} permutations, seed {seed}); n = {n}; neighbours {nb}, {w}.</source>
            <translation>Moran's I von {field} = {i:.4f} (E[I] = {ei:.4f}, z = {z:.2f}, p normal = {pn:.2g}, Pseudo-p = {ps:.4g} mit {m} Permutationen, Startwert {seed}); n = {n}; Nachbarn {nb}, {w}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>row-standardised</source>
            <translation>zeilenstandardisiert</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>binary</source>
            <translation>binär</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>{n} districts without a value of {field} are excluded and marked 'missing': {keys}.</source>
            <translation>{n} Gebiete ohne Wert von {field} werden ausgeschlossen und als 'missing' gekennzeichnet: {keys}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>{n} districts have no neighbour and get no local statistic (marked 'island'): {keys}.</source>
            <translation>{n} Gebiete haben keinen Nachbarn und erhalten keine lokale Statistik (als 'island' gekennzeichnet): {keys}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>FDR-adjusted p &lt;= {a}</source>
            <translation>FDR-korrigiert p &lt;= {a}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/spatial_autocorrelation.py" />
            <source>p &lt;= {a}</source>
            <translation>p &lt;= {a}</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/style_layer.py" />
            <source>Style result layer</source>
            <translation>Ergebnislayer gestalten</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/style_layer.py" />
            <source>Applies a Sozialmonitor map style to INPUT (in the current project when INPUT is a project layer): index classes with fixed colour-blind safe colours and the recipe's class labels, a status x dynamics typology, or a graduated map of a numeric field (quantiles, natural breaks, equal interval, SD, manual/fixed breaks; ColorBrewer ramps). Secret districts ('not evaluated') and districts without data are hatched; the legend shows the district count per class. The data are not changed.

OUTPUT_STYLE (optional) saves the style as a QGIS .qml file. With a recipe, the result fields also get their plain-language aliases.</source>
            <translation>Wendet einen Sozialmonitor-Kartenstil auf INPUT an (im aktuellen Projekt, wenn INPUT ein Projektlayer ist): Indexklassen mit festen, farbfehlsichtigkeitsgerechten Farben und den Klassenbezeichnungen der Indexdefinition, eine Typisierung aus Status und Dynamik oder eine abgestufte Karte eines numerischen Feldes (Quantile, natürliche Unterbrechungen, gleiche Intervalle, Standardabweichung, manuelle/feste Grenzen; ColorBrewer-Farbverläufe). Geheime Gebiete ('nicht bewertet') und Gebiete ohne Daten werden schraffiert; die Legende zeigt die Anzahl der Gebiete je Klasse. Die Daten werden nicht verändert.

OUTPUT_STYLE (optional) speichert den Stil als QGIS-.qml-Datei. Mit einer Indexdefinition erhalten die Ergebnisfelder auch ihre verständlichen Aliasnamen.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/style_layer.py" />
            <source>Style file (.qml)</source>
            <translation>Stildatei (.qml)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/style_layer.py" />
            <source>QGIS layer style (*.qml)</source>
            <translation>QGIS-Layerstil (*.qml)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/algorithms/style_layer.py" />
            <source>Could not write the style file {path}: {err}.</source>
            <translation>Die Stildatei {path} konnte nicht geschrieben werden: {err}.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/provider.py" />
            <source>Sozialmonitor — small-area social monitoring</source>
            <translation>Sozialmonitor – kleinräumiges Sozialmonitoring</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/spatial_weights.py" />
            <source>Neighbourhood</source>
            <translation>Nachbarschaft</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/spatial_weights.py" />
            <source>Queen (shared point)</source>
            <translation>Queen (gemeinsamer Punkt)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/spatial_weights.py" />
            <source>Rook (shared edge)</source>
            <translation>Rook (gemeinsame Kante)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/spatial_weights.py" />
            <source>k nearest neighbours (centroids)</source>
            <translation>k nächste Nachbarn (Schwerpunkte)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/spatial_weights.py" />
            <source>k (k nearest neighbours)</source>
            <translation>k (k nächste Nachbarn)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/spatial_weights.py" />
            <source>Snapping tolerance for contiguity (layer units)</source>
            <translation>Fangtoleranz für die Nachbarschaft (Layereinheiten)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/spatial_weights.py" />
            <source>Reading the districts…</source>
            <translation>Gebiete werden gelesen…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/spatial_weights.py" />
            <source>Finding neighbours ({method})…</source>
            <translation>Nachbarn werden gesucht ({method})…</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/spatial_weights.py" />
            <source>Queen and rook neighbours need polygons; this layer has {kind} geometries. Use k nearest neighbours.</source>
            <translation>Queen- und Rook-Nachbarschaft brauchen Polygone; dieser Layer hat {kind}-Geometrien. Verwenden Sie k nächste Nachbarn.</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/staged_outputs.py" />
            <source>the file was not written ({free} free on the disk)</source>
            <translation>die Datei wurde nicht geschrieben ({free} frei auf dem Datenträger)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/staged_outputs.py" />
            <source>the written layer is incomplete ({found} of {n} features, {free} free on the disk)</source>
            <translation>der geschriebene Layer ist unvollständig ({found} von {n} Objekten, {free} frei auf dem Datenträger)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/staged_outputs.py" />
            <source>the disk is full ({free} free; the layer was not completed)</source>
            <translation>der Datenträger ist voll ({free} frei; der Layer wurde nicht fertig geschrieben)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/table_parameters.py" />
            <source>Sheet (XLSX/ODS; name or 0-based number)</source>
            <translation>Blatt (XLSX/ODS; Name oder Nummer ab 0)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/table_parameters.py" />
            <source>Encoding (empty = detect; e.g. utf-8, cp1252)</source>
            <translation>Zeichenkodierung (leer = erkennen; z. B. utf-8, cp1252)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/table_parameters.py" />
            <source>Separator (empty = detect; ; , tab |)</source>
            <translation>Trennzeichen (leer = erkennen; ; , Tab |)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/table_parameters.py" />
            <source>Decimal separator (empty = detect; , or .)</source>
            <translation>Dezimaltrennzeichen (leer = erkennen; , oder .)</translation>
        </message>
        <message>
            <location filename="../../plugin/processing/table_parameters.py" />
            <source>Header row number (0 = detect)</source>
            <translation>Nummer der Kopfzeile (0 = erkennen)</translation>
        </message>
    </context>
    <context>
        <name>ComputeStepForm</name>
        <message>
            <location filename="../../ui/step_compute.ui" />
            <source>Output folder</source>
            <translation>Ausgabeordner</translation>
        </message>
        <message>
            <location filename="../../ui/step_compute.ui" />
            <source>The result GeoPackage, the join report and the diagnostics are written here (default: next to the project).</source>
            <translation>Hierhin werden das Ergebnis-GeoPackage, der Verknüpfungsbericht und die Diagnose geschrieben (Standard: neben dem Projekt).</translation>
        </message>
        <message>
            <location filename="../../ui/step_compute.ui" />
            <source>Compute on the table, then join</source>
            <translation>Auf der Tabelle berechnen, dann verknüpfen</translation>
        </message>
        <message>
            <location filename="../../ui/step_compute.ui" />
            <source>Recommended: the reference set (mean, SD) is every row of the statistical table, whatever the polygons lack or duplicate. Unticked, the index is computed on the joined districts.</source>
            <translation>Empfohlen: Die Referenzmenge (Mittelwert, SD) ist jede Zeile der Statistiktabelle, unabhängig davon, was den Polygonen fehlt oder doppelt vorkommt. Ohne Haken wird der Index auf den verknüpften Gebieten berechnet.</translation>
        </message>
        <message>
            <location filename="../../ui/step_compute.ui" />
            <source>Compute index</source>
            <translation>Index berechnen</translation>
        </message>
        <message>
            <location filename="../../ui/step_compute.ui" />
            <source>Index</source>
            <translation>Index</translation>
        </message>
        <message>
            <location filename="../../ui/step_compute.ui" />
            <source>Class</source>
            <translation>Klasse</translation>
        </message>
        <message>
            <location filename="../../ui/step_compute.ui" />
            <source>Districts</source>
            <translation>Gebiete</translation>
        </message>
    </context>
    <context>
        <name>DistrictStepForm</name>
        <message>
            <location filename="../../ui/step_districts.ui" />
            <source>The polygons of your districts (e.g. Planungsräume) and the field that holds their key.</source>
            <translation>Die Polygone Ihrer Gebiete (z. B. Planungsräume) und das Feld mit ihrem Schlüssel.</translation>
        </message>
        <message>
            <location filename="../../ui/step_districts.ui" />
            <source>District layer</source>
            <translation>Gebietslayer</translation>
        </message>
        <message>
            <location filename="../../ui/step_districts.ui" />
            <source>Key field</source>
            <translation>Schlüsselfeld</translation>
        </message>
        <message>
            <location filename="../../ui/step_districts.ui" />
            <source>Name field (optional)</source>
            <translation>Namensfeld (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/step_districts.ui" />
            <source>Optional: districts whose name differs from the table's under the same key are listed in the join report.</source>
            <translation>Optional: Gebiete, deren Name unter demselben Schlüssel vom Namen in der Tabelle abweicht, werden im Verknüpfungsbericht aufgeführt.</translation>
        </message>
    </context>
    <context>
        <name>PrintStepForm</name>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Map of</source>
            <translation>Karte von</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Template</source>
            <translation>Vorlage</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Own template (optional)</source>
            <translation>Eigene Vorlage (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Layout templates (*.qpt)</source>
            <translation>Layoutvorlagen (*.qpt)</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Optional: your own .qpt with the same item ids (overrides the template).</source>
            <translation>Optional: Ihre eigene .qpt-Datei mit denselben Element-IDs (ersetzt die Vorlage).</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Subtitle</source>
            <translation>Untertitel</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Data source</source>
            <translation>Datenquelle</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>default: the recipe's data source</source>
            <translation>Standard: die Datenquelle der Indexdefinition</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>PDF file</source>
            <translation>PDF-Datei</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF-Dateien (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Also save a PNG (300 dpi)</source>
            <translation>Zusätzlich ein PNG speichern (300 dpi)</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Export map</source>
            <translation>Karte exportieren</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Export atlas</source>
            <translation>Atlas exportieren</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>One page per district (sozialmonitor:export_atlas), written next to the PDF as &lt;name&gt;_atlas.pdf.</source>
            <translation>Eine Seite je Gebiet (sozialmonitor:export_atlas), neben der PDF-Datei als &lt;name&gt;_atlas.pdf geschrieben.</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>Export web atlas</source>
            <translation>Web-Atlas exportieren</translation>
        </message>
        <message>
            <location filename="../../ui/step_print.ui" />
            <source>An interactive atlas for the public that opens offline in any browser (sozialmonitor:export_web_atlas), written next to the PDF into the folder &lt;name&gt;_web_atlas with index.html.</source>
            <translation>Ein interaktiver Atlas für die Öffentlichkeit, der sich offline in jedem Browser öffnet (sozialmonitor:export_web_atlas), neben die PDF in den Ordner &lt;Name&gt;_web_atlas mit index.html geschrieben.</translation>
        </message>
    </context>
    <context>
        <name>RecipeStepForm</name>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Preset</source>
            <translation>Voreinstellung</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Recipe file</source>
            <translation>Datei der Indexdefinition</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Import recipe…</source>
            <translation>Importieren…</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Export recipe…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Id</source>
            <translation>ID</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Label</source>
            <translation>Bezeichnung</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Direction</source>
            <translation>Richtung</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Weight</source>
            <translation>Gew.</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Weight: the indicator's weight in its index.</source>
            <translation>Gew.: das Gewicht des Indikators in seinem Index.</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Group</source>
            <translation>Gruppe</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Group: an index without its own list of indicators takes the indicators of its group.</source>
            <translation>Gruppe: ein Index ohne eigene Indikatorenliste nimmt die Indikatoren seiner Gruppe.</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Add indicator</source>
            <translation>Indikator hinzufügen</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Remove indicator</source>
            <translation>Indikator entfernen</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>Normalisation</source>
            <translation>Normierung</translation>
        </message>
        <message>
            <location filename="../../ui/step_recipe.ui" />
            <source>How every indicator is made comparable before the indices are formed (applies to all indicators of the recipe).</source>
            <translation>Wie jeder Indikator vergleichbar gemacht wird, bevor die Indizes gebildet werden (gilt für alle Indikatoren der Indexdefinition).</translation>
        </message>
    </context>
    <context>
        <name>TableStepForm</name>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Indicator table</source>
            <translation>Indikatortabelle</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Key column</source>
            <translation>Schlüsselspalte</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Column with the district key. Several candidates: separate them with ';'.</source>
            <translation>Spalte mit dem Gebietsschlüssel. Mehrere Kandidaten durch ';' trennen.</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Name column (optional)</source>
            <translation>Namensspalte (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Sheet (XLSX/ODS)</source>
            <translation>Blatt (XLSX/ODS)</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>first sheet with a table</source>
            <translation>erstes Blatt mit einer Tabelle</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Encoding</source>
            <translation>Zeichenkodierung</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Separator</source>
            <translation>Trennzeichen</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Key matching</source>
            <translation>Schlüsselabgleich</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>exact</source>
            <translation>exakt</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>restore leading zeros (Excel)</source>
            <translation>führende Nullen wiederherstellen (Excel)</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>names: ignore case and spaces</source>
            <translation>Namen: Groß-/Kleinschreibung und Leerzeichen ignorieren</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Duplicate table keys</source>
            <translation>Doppelte Tabellenschlüssel</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>error (list them)</source>
            <translation>Fehler (auflisten)</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>sum</source>
            <translation>Summe</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>mean</source>
            <translation>Mittelwert</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>first row</source>
            <translation>erste Zeile</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Minimum match</source>
            <translation>Mindestzuordnung</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source> %</source>
            <translation> %</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>The join fails when fewer districts or fewer table rows than this share are matched (no match always fails). Lower it for a table that covers only a part of the districts.</source>
            <translation>Die Verknüpfung schlägt fehl, wenn weniger Gebiete oder weniger Tabellenzeilen als dieser Anteil zugeordnet werden (ohne jede Zuordnung immer). Senken Sie den Wert für eine Tabelle, die nur einen Teil der Gebiete umfasst.</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Preview table</source>
            <translation>Tabellenvorschau</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Check join</source>
            <translation>Verknüpfung prüfen</translation>
        </message>
        <message>
            <location filename="../../ui/step_table.ui" />
            <source>Runs 'Join indicator table(s)' (sozialmonitor:join_table) and shows its report; nothing is computed or added to the project.</source>
            <translation>Führt 'Indikatortabelle(n) verknüpfen' (sozialmonitor:join_table) aus und zeigt den Bericht; es wird nichts berechnet und nichts zum Projekt hinzugefügt.</translation>
        </message>
    </context>
</TS>
