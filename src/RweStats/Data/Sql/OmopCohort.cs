using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RweStats.Data.Sql;

/// <summary>A visit window around the index date: days From..To (inclusive) after it, and the target day inside.</summary>
public sealed record OmopVisitWindow(string Name, int FromDay, int ToDay, int TargetDay);

/// <summary>An outcome read from MEASUREMENT: its concepts and the units accepted (others are excluded and counted).</summary>
public sealed record OmopMeasurement(string Name, IReadOnlyList<long> ConceptIds, IReadOnlyList<long> UnitConceptIds);

/// <summary>
/// A daily dose from DRUG_EXPOSURE: Σ quantity × DRUG_STRENGTH.amount_value / days_supply over the exposures of the
/// drug concepts that cover the visit's target day (0 when none does), in the strength's unit (checked against
/// <see cref="AmountUnitConceptId"/>, e.g. 8576 milligram).
/// </summary>
public sealed record OmopDose(string Name, IReadOnlyList<long> DrugConceptIds, long AmountUnitConceptId);

/// <summary>
/// Builds the longitudinal table (one row per person × visit window) inside an OMOP CDM database: persons of a COHORT
/// (cohort_start_date is the index date) joined to PERSON, each outcome's value in each window from MEASUREMENT, and
/// doses from DRUG_EXPOSURE. When several values of an outcome fall in a window the rule decides: "closest" takes the
/// one nearest the target day (ties: the earlier date, then the lower measurement_id); "mean" averages them. Units are
/// checked: values whose unit_concept_id is not accepted are left out and reported by <see cref="UnitProblems"/>.
/// The result is a SELECT, so the fit's push-down aggregates it where it is built (the rows never leave the database).
/// Spec file: schema "rwestats-omop-cohort/1" (docs/data-sources.md, "OMOP CDM cohorts").
/// </summary>
internal sealed record OmopCohort(
    string CdmSchema, string CohortTable, long CohortDefinitionId, IReadOnlyList<OmopVisitWindow> Visits, string SeveralValues,
    IReadOnlyList<OmopMeasurement> Measurements, IReadOnlyList<OmopDose> Doses, string Source)
{
    /// <summary>Columns of the built table besides the outcomes and doses.</summary>
    public static readonly IReadOnlyList<string> FixedColumns = new[] { "person_id", "visit", "target_day", "sex", "age_at_index" };

    public static OmopCohort Read(string path)
    {
        if (!File.Exists(path)) throw RweStatsInputException.Naming($"{{Omop}} {path}: file not found");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new RweStatsInputException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message.Split('.')[0]}"); }
        using (doc) return Parse(doc.RootElement, path);
    }

    public static OmopCohort Parse(JsonElement root, string source)
    {
        string Where(string key) => $"{source}: \"{key}\"";
        JsonElement Get(JsonElement e, string key, string path) =>
            e.TryGetProperty(key, out var v) ? v : throw new RweStatsInputException($"{source}: missing \"{path}\"");
        string Text(JsonElement e, string key, string path) =>
            Get(e, key, path) is { ValueKind: JsonValueKind.String } v ? v.GetString()! : throw new RweStatsInputException($"{Where(path)} must be a string");
        long Integer(JsonElement e, string key, string path) =>
            Get(e, key, path) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : throw new RweStatsInputException($"{Where(path)} must be an integer");
        IReadOnlyList<long> Ids(JsonElement e, string key, string path) =>
            Get(e, key, path) is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0
                ? a.EnumerateArray().Select((x, i) => x.TryGetInt64(out var n) ? n : throw new RweStatsInputException($"{Where($"{path}[{i}]")} must be a concept id")).ToList()
                : throw new RweStatsInputException($"{Where(path)} must be a non-empty list of concept ids");

        if (root.TryGetProperty("schema", out var schema) && schema.GetString() != "rwestats-omop-cohort/1")
            throw new RweStatsInputException($"{source}: schema '{schema.GetString()}' is not rwestats-omop-cohort/1");
        var cohort = Get(root, "cohort", "cohort");
        var visits = new List<OmopVisitWindow>();
        int k = 0;
        foreach (var v in Get(root, "visits", "visits").EnumerateArray())
        {
            var w = new OmopVisitWindow(Text(v, "name", $"visits[{k}].name"), (int)Integer(v, "from_day", $"visits[{k}].from_day"),
                (int)Integer(v, "to_day", $"visits[{k}].to_day"), (int)Integer(v, "target_day", $"visits[{k}].target_day"));
            if (!(w.FromDay <= w.TargetDay && w.TargetDay <= w.ToDay))
                throw new RweStatsInputException($"{source}: visit '{w.Name}': target_day {w.TargetDay} is not inside {w.FromDay}..{w.ToDay}");
            if (visits.Any(o => o.FromDay <= w.ToDay && w.FromDay <= o.ToDay))
                throw new RweStatsInputException($"{source}: visit '{w.Name}' overlaps another window; a value must belong to one visit");
            visits.Add(w);
            k++;
        }
        if (visits.Count < 2) throw new RweStatsInputException($"{source}: \"visits\" needs at least two windows");
        string rule = root.TryGetProperty("several_values", out var r) ? r.GetString() ?? "" : "closest";
        if (rule is not ("closest" or "mean"))
            throw new RweStatsInputException($"{source}: \"several_values\" is '{rule}'; use \"closest\" (nearest the target day) or \"mean\"");
        var measurements = new List<OmopMeasurement>();
        k = 0;
        if (root.TryGetProperty("measurements", out var ms))
            foreach (var m in ms.EnumerateArray())
            {
                measurements.Add(new OmopMeasurement(Text(m, "name", $"measurements[{k}].name"), Ids(m, "concept_ids", $"measurements[{k}].concept_ids"),
                    Ids(m, "unit_concept_ids", $"measurements[{k}].unit_concept_ids")));
                k++;
            }
        var doses = new List<OmopDose>();
        k = 0;
        if (root.TryGetProperty("doses", out var ds))
            foreach (var d in ds.EnumerateArray())
            {
                doses.Add(new OmopDose(Text(d, "name", $"doses[{k}].name"), Ids(d, "drug_concept_ids", $"doses[{k}].drug_concept_ids"),
                    Integer(d, "amount_unit_concept_id", $"doses[{k}].amount_unit_concept_id")));
                k++;
            }
        if (measurements.Count + doses.Count == 0) throw new RweStatsInputException($"{source}: no \"measurements\" or \"doses\": nothing to analyse");
        var names = FixedColumns.Concat(measurements.Select(m => m.Name)).Concat(doses.Select(d => d.Name)).ToList();
        if (names.Distinct().Count() != names.Count)
            throw new RweStatsInputException($"{source}: column names repeat ({string.Join(", ", names)}); give each outcome and dose its own name");
        return new OmopCohort(Text(root, "cdm_schema", "cdm_schema"), cohort.TryGetProperty("table", out var t) ? t.GetString()! : "cohort",
            Integer(cohort, "cohort_definition_id", "cohort.cohort_definition_id"), visits, rule, measurements, doses, source);
    }

    string Table(SqlDialect d, string name) => d.TableName($"{CdmSchema}.{name}");
    static string List(IEnumerable<long> ids) => string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
    static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The cohort × visit-window grid every outcome is placed on.</summary>
    string Grid(SqlDialect d)
    {
        var s = new StringBuilder();
        s.Append($"cohort_index AS (\n  SELECT c.subject_id AS person_id, c.cohort_start_date AS index_date, p.gender_concept_id, p.year_of_birth\n");
        s.Append($"  FROM {Table(d, CohortTable)} c JOIN {Table(d, "person")} p ON p.person_id = c.subject_id\n");
        s.Append($"  WHERE c.cohort_definition_id = {Number(CohortDefinitionId)}\n),\nwindows AS (\n");
        for (int i = 0; i < Visits.Count; i++)
        {
            var w = Visits[i];
            s.Append(i == 0 ? "  SELECT " : "  UNION ALL SELECT ")
             .Append($"{d.Literal(w.Name)} AS visit, {w.FromDay} AS from_day, {w.ToDay} AS to_day, {w.TargetDay} AS target_day, {i} AS visit_order\n");
        }
        s.Append("),\ngrid AS (\n  SELECT i.person_id, i.index_date, i.gender_concept_id, i.year_of_birth, w.visit, w.from_day, w.to_day, w.target_day, w.visit_order\n");
        s.Append("  FROM cohort_index i CROSS JOIN windows w\n)");
        return s.ToString();
    }

    /// <summary>The SELECT of the longitudinal table: person_id, visit, target_day, sex, age_at_index, outcomes, doses.</summary>
    public string Query(SqlDialect d)
    {
        var s = new StringBuilder("WITH ").Append(Grid(d));
        for (int i = 0; i < Measurements.Count; i++)
        {
            var m = Measurements[i];
            string day = d.DaysBetween("m.measurement_date", "g.index_date");
            s.Append($",\nm{i}_in_window AS (\n  SELECT g.person_id, g.visit, {d.AsDouble("m.value_as_number")} AS value,\n");
            s.Append($"    ROW_NUMBER() OVER (PARTITION BY g.person_id, g.visit ORDER BY ABS({day} - g.target_day), m.measurement_date, m.measurement_id) AS pick\n");
            s.Append($"  FROM grid g JOIN {Table(d, "measurement")} m ON m.person_id = g.person_id\n");
            s.Append($"  WHERE m.measurement_concept_id IN ({List(m.ConceptIds)}) AND m.unit_concept_id IN ({List(m.UnitConceptIds)})\n");
            s.Append($"    AND m.value_as_number IS NOT NULL AND {day} BETWEEN g.from_day AND g.to_day\n),\n");
            s.Append(SeveralValues == "closest"
                ? $"m{i} AS (SELECT person_id, visit, value FROM m{i}_in_window WHERE pick = 1)"
                : $"m{i} AS (SELECT person_id, visit, AVG(value) AS value FROM m{i}_in_window GROUP BY person_id, visit)");
        }
        for (int i = 0; i < Doses.Count; i++)
        {
            var dose = Doses[i];
            s.Append($",\nd{i} AS (\n  SELECT g.person_id, g.visit, SUM({d.AsDouble("de.quantity")} * {d.AsDouble("ds.amount_value")} / de.days_supply) AS value\n");
            s.Append($"  FROM grid g JOIN {Table(d, "drug_exposure")} de ON de.person_id = g.person_id\n");
            s.Append($"    JOIN {Table(d, "drug_strength")} ds ON ds.drug_concept_id = de.drug_concept_id AND ds.amount_unit_concept_id = {Number(dose.AmountUnitConceptId)}\n");
            s.Append($"  WHERE de.drug_concept_id IN ({List(dose.DrugConceptIds)}) AND de.days_supply > 0\n");
            s.Append($"    AND {d.DaysBetween("de.drug_exposure_start_date", "g.index_date")} <= g.target_day AND {d.DaysBetween("de.drug_exposure_end_date", "g.index_date")} >= g.target_day\n");
            s.Append("  GROUP BY g.person_id, g.visit\n)");
        }
        s.Append("\nSELECT g.person_id, g.visit, g.target_day,\n");
        s.Append("  CASE g.gender_concept_id WHEN 8532 THEN 'F' WHEN 8507 THEN 'M' END AS sex,\n");
        s.Append("  EXTRACT(YEAR FROM g.index_date) - g.year_of_birth AS age_at_index");
        for (int i = 0; i < Measurements.Count; i++) s.Append($",\n  m{i}.value AS {d.Identifier(Measurements[i].Name)}");
        for (int i = 0; i < Doses.Count; i++) s.Append($",\n  COALESCE(d{i}.value, 0) AS {d.Identifier(Doses[i].Name)}");
        s.Append("\nFROM grid g");
        for (int i = 0; i < Measurements.Count; i++) s.Append($"\n  LEFT JOIN m{i} ON m{i}.person_id = g.person_id AND m{i}.visit = g.visit");
        for (int i = 0; i < Doses.Count; i++) s.Append($"\n  LEFT JOIN d{i} ON d{i}.person_id = g.person_id AND d{i}.visit = g.visit");
        return s.ToString();
    }

    /// <summary>
    /// Measurements of each outcome inside the visit windows whose unit is not accepted (left out of the table), and
    /// dose exposures without a strength in the stated unit: one line each, for the user to see.
    /// </summary>
    public IReadOnlyList<string> UnitProblems(DbConnection connection, SqlDialect d)
    {
        var problems = new List<string>();
        for (int i = 0; i < Measurements.Count; i++)
        {
            var m = Measurements[i];
            string day = d.DaysBetween("m.measurement_date", "g.index_date");
            string sql = $"WITH {Grid(d)}\nSELECT m.unit_concept_id, COUNT(*) FROM grid g JOIN {Table(d, "measurement")} m ON m.person_id = g.person_id\n" +
                         $"WHERE m.measurement_concept_id IN ({List(m.ConceptIds)}) AND (m.unit_concept_id IS NULL OR m.unit_concept_id NOT IN ({List(m.UnitConceptIds)}))\n" +
                         $"  AND {day} BETWEEN g.from_day AND g.to_day GROUP BY m.unit_concept_id ORDER BY 1";
            foreach (var (unit, count) in Rows(connection, sql))
                problems.Add($"{count} measurement(s) of {m.Name} in the visit windows have unit_concept_id {unit ?? "NULL"}, not an accepted unit ({List(m.UnitConceptIds)}); left out");
        }
        for (int i = 0; i < Doses.Count; i++)
        {
            var dose = Doses[i];
            string sql = $"SELECT CAST(de.drug_concept_id AS {d.TextType}), COUNT(*) FROM {Table(d, "drug_exposure")} de\n" +
                         $"WHERE de.drug_concept_id IN ({List(dose.DrugConceptIds)}) AND NOT EXISTS (SELECT 1 FROM {Table(d, "drug_strength")} ds " +
                         $"WHERE ds.drug_concept_id = de.drug_concept_id AND ds.amount_unit_concept_id = {Number(dose.AmountUnitConceptId)}) GROUP BY de.drug_concept_id ORDER BY 1";
            foreach (var (drug, count) in Rows(connection, sql))
                problems.Add($"{count} exposure(s) of drug concept {drug} (dose {dose.Name}) have no strength in unit concept {Number(dose.AmountUnitConceptId)}; left out");
        }
        return problems;
    }

    static IEnumerable<(string? key, long count)> Rows(DbConnection connection, string sql)
    {
        using var reader = SqlStatement.Reader(connection, sql);
        var list = new List<(string?, long)>();
        while (reader.Read())
            list.Add((reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        return list;
    }
}
