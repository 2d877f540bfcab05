using System.Text.Json;
using RweStats.Data;
using RweStats.Descriptives;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Workflow;

/// <summary>Reads and validates an analysis spec; every error names the file, line, column and key.</summary>
public static class AnalysisSpecReader
{
    /// <summary>Reads and validates an analysis spec file.</summary>
    public static AnalysisSpec Load(string path)
    {
        var root = JsonTree.Load(path).ExpectObject("schema", "title", "data", "columns", "visits", "model", "descriptives", "outcomes", "outputs", "claims", "treatment_stop", "estimands", "comment");
        var schema = root.Required("schema");
        if (schema.AsString() != AnalysisSpec.Schema)
            throw schema.Error($"schema '{schema.Text}' is not supported; this version reads '{AnalysisSpec.Schema}'");
        string folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;

        var data = ReadData(root.Required("data"), folder);
        var cols = root.Required("columns").ExpectObject("subject", "visit", "time_value", "group", "note");
        var columns = new ColumnRoles(cols.Required("subject").AsString(), cols.Required("visit").AsString(),
            cols.Get("time_value")?.AsString(), cols.Get("group")?.AsString(), cols.Get("note")?.AsString());
        var visits = root.Required("visits").ExpectObject("order", "baseline");
        var order = visits.Required("order").AsStringArray();
        if (order.Count < 2) throw visits.Required("order").Error("list at least two visits in time order");
        var baselineNode = visits.Get("baseline");
        // The one default-baseline rule of the command line (a visit labelled Baseline, else the first in order).
        string baseline = baselineNode?.AsString() ?? VisitOrder.DefaultBaseline(order);
        if (!order.Contains(baseline)) throw baselineNode!.Error($"baseline '{baseline}' is not in the visit order");

        var model = ReadModel(root.Get("model"), Defaults);
        var desc = root.Get("descriptives")?.ExpectObject("quantile_type", "sas_quantile_definition", "quantiles");
        int qtype = Quantiles.DefaultType;
        if (desc?.Get("quantile_type") is { } qt) { qtype = qt.AsInt(); if (qtype < 1 || qtype > 9) throw qt.Error("quantile_type is R's type, 1 to 9"); }
        if (desc?.Get("sas_quantile_definition") is { } sd)
        {
            if (desc.Get("quantile_type") is not null) throw sd.Error("give quantile_type or sas_quantile_definition, not both");
            int def = sd.AsInt();
            if (def < 1 || def > 5) throw sd.Error("SAS quantile definitions are 1 to 5");
            qtype = Quantiles.FromSasDefinition(def);
        }
        var extra = desc?.Get("quantiles")?.AsArray().Select(n =>
        {
            var p = n.AsNumber();
            if (!(p > 0 && p < 1)) throw n.Error("a quantile probability is strictly between 0 and 1");
            return p;
        }).ToList() ?? new List<double>();

        var outcomesNode = root.Required("outcomes");
        var outcomes = outcomesNode.AsArray().Select(o => ReadOutcome(o, data, model, folder, order)).ToList();
        if (outcomes.Count == 0) throw outcomesNode.Error("list at least one outcome");
        var dup = outcomes.GroupBy(o => o.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw outcomesNode.Error($"outcome name '{dup.Key}' is used twice");

        var outputs = root.Get("outputs")?.ExpectObject("figures");
        var outputSettings = new OutputSettings(ReadFigures(outputs?.Get("figures"), outcomes, columns));
        string? claims = root.Get("claims") is { } c ? System.IO.Path.Combine(folder, c.AsString()) : null;
        TreatmentStopRule? stop = null;
        if (root.Get("treatment_stop") is { } ts)
        {
            ts.ExpectObject("column", "pattern");
            var pattern = ts.Required("pattern");
            try
            {
                if (new System.Text.RegularExpressions.Regex(pattern.AsString()).GetGroupNumbers().Length < 2)
                    throw pattern.Error("the pattern needs one group capturing the month, e.g. \"stopped at month (\\d+)\"");
            }
            catch (ArgumentException e) { throw pattern.Error($"not a valid regular expression ({e.Message})"); }
            if (columns.TimeValue is null) throw ts.Error("treatment_stop needs columns.time_value (the month of each visit)");
            stop = new TreatmentStopRule(ts.Required("column").AsString(), pattern.AsString());
        }
        var spec = new AnalysisSpec(System.IO.Path.GetFullPath(path), root.Get("title")?.AsString(), columns, order, baseline,
            new DescriptiveSettings(qtype, extra), outcomes, outputSettings, claims, stop);
        return root.Get("estimands") is { } estimands ? spec with { Estimands = ReadEstimands(estimands, spec, folder) } : spec;
    }

    /// <summary>
    /// "estimands": [{ "name", "outcome", "arm", "reference": "LEVEL" or {"ARM": "LEVEL"}, "events": "ICE.csv",
    /// "strategy", "method", "samples", "seed", "covariance_by_arm", "analysis": "ancova" or "mmrm", "analysis_covariates", "delta": [{"shift", "arm",
    /// "visits"}], "alpha", "tipping_point": {"arm", "visit", "from", "to", "points"} }]: the keys of "rwestats impute".
    /// The imputation model is the outcome's model (formula, covariance, REML/ML) on its rows.
    /// </summary>
    static IReadOnlyList<EstimandSettings> ReadEstimands(JsonTree node, AnalysisSpec spec, string folder)
    {
        var list = new List<EstimandSettings>();
        foreach (var e in node.AsArray())
        {
            e.ExpectObject("name", "outcome", "arm", "reference", "events", "strategy", "method", "samples", "seed", "covariance_by_arm",
                "analysis", "analysis_covariates", "delta", "alpha", "tipping_point", "comment");
            var nameNode = e.Required("name");
            var name = nameNode.AsString();
            if (name.Length == 0 || name.Any(ch => !(char.IsLetterOrDigit(ch) || ch is '_' or '-')))
                throw nameNode.Error($"estimand name '{name}' may use letters, digits, '_' and '-' only (it names the tipping-point figure's files)");
            var outcomeName = e.Get("outcome")?.AsString() ?? (spec.Outcomes.Count == 1 ? spec.Outcomes[0].Name
                : throw e.Error($"name the outcome (\"outcome\": one of {string.Join(", ", spec.Outcomes.Select(o => o.Name))})"));
            var outcome = spec.Outcomes.FirstOrDefault(o => o.Name == outcomeName)
                ?? throw e.Required("outcome").Error($"'{outcomeName}' is not an outcome of this spec ({string.Join(", ", spec.Outcomes.Select(o => o.Name))})");
            if (outcome.Data.PushDown) throw e.Error($"outcome '{outcomeName}' is fitted from pushed-down sums (\"data.push_down\"); imputation needs its rows");
            var arm = e.Required("arm").AsString();
            var references = new Dictionary<string, string>();
            string? defaultReference = null;
            if (e.Get("reference") is { } r)
            {
                if (r.Kind == JsonValueKind.Object) foreach (var (k, v) in r.Properties) references[k] = v.AsString();
                else defaultReference = r.AsString();
            }
            var strategy = e.Get("strategy") is { } st ? ParseOr(st, () => Estimands.ImputationStrategies.Parse(st.AsString(), "strategy")) : Estimands.ImputationStrategy.MissingAtRandom;
            var method = e.Get("method") is { } m ? Estimands.ImputationMethods.ByName[m.Choice(Estimands.ImputationMethods.ByName.Keys.ToArray())] : Estimands.ImputationMethod.ConditionalMeanJackknife;
            var analysis = e.Get("analysis") is { } an ? Estimands.AnalysisModels.ByName[an.Choice(Estimands.AnalysisModels.ByName.Keys.ToArray())] : Estimands.AnalysisModel.Ancova;
            int samples = e.Get("samples") is { } sn ? sn.AsInt() : 1000;
            if (samples < 2 || samples > 1_000_000) throw e.Required("samples").Error("give a whole number from 2 to 1000000");
            ulong seed = 20240101;
            if (e.Get("seed") is { } sd) { int v = sd.AsInt(); if (v < 0) throw sd.Error("the seed is a whole number >= 0"); seed = (ulong)v; }
            double alpha = outcome.Model.Alpha;
            if (e.Get("alpha") is { } al) { alpha = al.AsNumber(); if (!(alpha > 0 && alpha < 1)) throw al.Error($"alpha {al.Text} is outside (0, 1)"); }
            var delta = e.Get("delta")?.AsArray().Select(d =>
            {
                d.ExpectObject("shift", "arm", "visits");
                var visits = d.Get("visits")?.AsStringArray();
                foreach (var v in visits ?? Array.Empty<string>())
                    if (!spec.VisitOrder.Contains(v)) throw d.Required("visits").Error($"'{v}' is not in the visit order");
                return new Estimands.DeltaAdjustment(d.Required("shift").AsNumber(), d.Get("arm")?.AsString(), visits);
            }).ToList() ?? new List<Estimands.DeltaAdjustment>();
            TippingPointSettings? tipping = null;
            if (e.Get("tipping_point") is { } tp)
            {
                tp.ExpectObject("arm", "visit", "from", "to", "points");
                var visit = tp.Get("visit")?.AsString();
                if (visit is not null && !spec.VisitOrder.Contains(visit)) throw tp.Required("visit").Error($"'{visit}' is not in the visit order");
                int points = tp.Get("points")?.AsInt() ?? 41;
                if (points < 1 || points > 100_000) throw tp.Required("points").Error("give a whole number from 1 to 100000");
                double from = tp.Get("from")?.AsNumber() ?? -10, to = tp.Get("to")?.AsNumber() ?? 10;
                if (!(to >= from)) throw tp.Error("\"to\" is below \"from\"");
                tipping = new TippingPointSettings(tp.Required("arm").AsString(), visit, from, to, points);
            }
            bool byArm = e.Get("covariance_by_arm")?.AsBool() ?? false;
            var model = spec.ModelFor(outcome, outcome.ResponseColumn) with { Group = byArm ? arm : spec.Columns.Group, Residuals = false, LsMeans = Array.Empty<string>() };
            list.Add(new EstimandSettings(name, outcome.Name, e.Get("events") is { } ev ? System.IO.Path.Combine(folder, ev.AsString()) : null, byArm, tipping)
            {
                Imputation = new Estimands.EstimandSpec
                {
                    Model = model, Arm = arm, References = references, DefaultReference = defaultReference, DefaultStrategy = strategy,
                    Method = method, Samples = samples, Seed = seed, Analysis = analysis, AnalysisCovariates = e.Get("analysis_covariates")?.AsStringArray() ?? Array.Empty<string>(),
                    Delta = delta, Alpha = alpha,
                },
            });
        }
        var dup = list.GroupBy(x => x.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw node.Error($"estimand name '{dup.Key}' is used twice");
        return list;
    }

    static T ParseOr<T>(JsonTree node, Func<T> parse)
    {
        try { return parse(); }
        catch (RweStatsInputException ex) { throw node.Error(ex.Message); }
    }

    static readonly ModelSettings Defaults = new("{y} ~ {visit}", "un", false, EstimationMethod.Reml, DfMethod.Satterthwaite, 0.05,
        Array.Empty<string>(), new Dictionary<string, string>());

    /// <summary>"figures": true (default: one panel per outcome), false (none), or a list of figure objects.</summary>
    static IReadOnlyList<FigureSpec> ReadFigures(JsonTree? node, IReadOnlyList<OutcomeSpec> outcomes, ColumnRoles columns)
    {
        var all = outcomes.Select(o => o.Name).ToList();
        // Figures draw the rows: the default panel leaves out the outcomes fitted from pushed-down sums.
        var drawable = outcomes.Where(o => !o.Data.PushDown).Select(o => o.Name).ToList();
        if (node is null || node.Kind == JsonValueKind.True)
            return drawable.Count == 0 ? Array.Empty<FigureSpec>()
                : new[] { new FigureSpec("outcomes", "series", drawable, null, null, "double-column", null, false, "bounded", null) };
        if (node.Kind == JsonValueKind.False) return Array.Empty<FigureSpec>();
        var figures = new List<FigureSpec>();
        foreach (var f in node.AsArray())
        {
            f.ExpectObject("name", "type", "outcomes", "layout", "preset", "title", "greyscale", "p_values", "colour_by", "group", "comment",
                "subjects", "individual_lines", "visit_spacing", "visit_title", "residuals");
            var nameNode = f.Required("name");
            var name = nameNode.AsString();
            if (name.Length == 0 || name.Any(ch => !(char.IsLetterOrDigit(ch) || ch is '_' or '-')))
                throw nameNode.Error($"figure name '{name}' may use letters, digits, '_' and '-' only (it names files)");
            var type = f.Get("type")?.Choice("series", "spaghetti", "residuals") ?? "series";
            var list = f.Get("outcomes")?.AsStringArray() ?? all;
            foreach (var o in list)
            {
                if (!all.Contains(o)) throw f.Required("outcomes").Error($"'{o}' is not an outcome of this spec ({string.Join(", ", all)})");
                if (!drawable.Contains(o))
                    throw (f.Get("outcomes") ?? f).Error($"figure '{name}' draws the rows of outcome '{o}', which \"data.push_down\" never reads; leave it out of the figure or drop \"push_down\"");
            }
            int? rows = null, cols = null;
            if (f.Get("layout") is { } layout)
            {
                var parts = layout.AsString().Split('x');
                if (parts.Length != 2 || !int.TryParse(parts[0], out var r) || !int.TryParse(parts[1], out var c) || r < 1 || c < 1)
                    throw layout.Error("layout is ROWSxCOLUMNS, e.g. \"2x2\"");
                if (r * c < list.Count) throw layout.Error($"a {r}x{c} grid has room for {r * c} panels, not {list.Count}");
                (rows, cols) = (r, c);
            }
            SubjectColouring? colour = null;
            if (f.Get("colour_by") is { } cb)
            {
                cb.ExpectObject("change_at", "at_most", "labels");
                var labels = cb.Get("labels")?.AsStringArray() ?? new[] { "responder", "non-responder" };
                if (labels.Count != 2) throw cb.Required("labels").Error("labels are [WHEN_TRUE, WHEN_FALSE]");
                colour = new SubjectColouring(cb.Required("change_at").AsString(), cb.Required("at_most").AsNumber(), labels[0], labels[1]);
            }
            figures.Add(new FigureSpec(name, type, list, rows, cols, f.Get("preset")?.Choice("single-column", "double-column") ?? "double-column",
                f.Get("title")?.AsString(), f.Get("greyscale")?.AsBool() ?? false, f.Get("p_values")?.Choice("exact", "bounded", "stars") ?? "bounded", colour)
                {
                    Group = f.Get("group")?.AsString(),
                    SubjectNoun = f.Get("subjects")?.AsString() is { } noun ? (noun.Trim().Length > 0 ? noun.Trim() : throw f.Required("subjects").Error("subjects names the subjects in the legend, e.g. \"trees\"; it is empty")) : "patients",
                    IndividualLines = f.Get("individual_lines")?.Choice("show", "light", "hide") ?? "show",
                    VisitSpacing = f.Get("visit_spacing")?.Choice("time", "even"),
                    VisitTitle = f.Get("visit_title")?.AsString(),
                    Residuals = f.Get("residuals")?.Choice("cholesky", "pearson", "raw") ?? "cholesky",
                });
            if (figures[^1].VisitSpacing == "time" && columns.TimeValue is null)
                throw f.Required("visit_spacing").Error("visit_spacing \"time\" needs columns.time_value (the time of each visit)");
        }
        var dup = figures.GroupBy(x => x.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw node.Error($"figure name '{dup.Key}' is used twice");
        return figures;
    }

    static DataSource ReadData(JsonTree node, string folder)
    {
        node.ExpectObject("file", "format", "delimiter", "decimal", "missing", "wide_pattern", "synthetic", "description",
                          "file_format", "member", "query", "where", "source", "omop", "push_down");
        if (node.Get("source") is { } source) return ReadDatabase(node, source, folder);
        var file = node.Required("file").AsString();
        string full = System.IO.Path.Combine(folder, file);
        var dialect = CsvDialect.Default;
        if (node.Get("delimiter") is { } d)
        {
            var s = d.Choice(",", ";", "tab", "auto");
            dialect = dialect with { Delimiter = s switch { "," => ',', ";" => ';', "tab" => '\t', _ => null } };
        }
        if (node.Get("decimal") is { } dec) dialect = dialect with { DecimalSeparator = dec.Choice(".", ",")[0] };
        if (node.Get("missing") is { } m) dialect = dialect with { MissingTokens = m.AsStringArray().ToHashSet() };
        string format = node.Get("format")?.Choice("long", "wide") ?? "long";
        string? pattern = node.Get("wide_pattern")?.AsString();
        if (format == "wide" && pattern is null) throw node.Error("a wide file needs \"wide_pattern\", e.g. \"{outcome}_{visit}\"");
        if (pattern is not null && (!pattern.Contains("{visit}") || !pattern.Contains("{outcome}")))
            throw node.Required("wide_pattern").Error("the pattern must contain {outcome} and {visit}");
        string? fileFormat = node.Get("file_format")?.Choice(TableReader.Formats.ToArray());
        if (node.Get("where") is { } where)
        {
            try { RowCondition.Parse(where.AsString(), "row filter"); }
            catch (RweStatsInputException e) { throw where.Error(e.Message); }
        }
        var fileSource = new DataSource(full, dialect, format, pattern, node.Get("synthetic")?.AsBool() ?? false, node.Get("description")?.AsString())
        {
            FileFormat = fileFormat, Member = node.Get("member")?.AsString(), Query = node.Get("query")?.AsString(), Where = node.Get("where")?.AsString(),
            PushDown = node.Get("push_down")?.AsBool() ?? false,
        };
        if (fileSource.PushDown)
        {
            // The push-down never reads the rows: "where" is evaluated by DuckDB as SQL; a wide file needs its rows reshaped.
            if (format == "wide") throw node.Required("push_down").Error("\"push_down\" reads a long file (one row per subject and visit); a wide file needs its rows reshaped");
            if (TableReader.FormatOf(fileSource.Table) == "xpt")
                throw node.Required("push_down").Error("the push-down runs in DuckDB, which does not read SAS transport files; drop \"push_down\"");
        }
        return fileSource;
    }

    /// <summary>The spec key that sets a model setting: how an analysis spec names it in the library's error messages.</summary>
    public static string? KeyOf(ModelSetting setting) => setting switch
    {
        ModelSetting.Covariance => "model.covariance",
        ModelSetting.Df => "model.df",
        ModelSetting.Alpha => "model.alpha",
        ModelSetting.TimeOrder => "visits.order",
        ModelSetting.Baseline => "visits.baseline",
        ModelSetting.References => "model.ref",
        ModelSetting.TimeValue => "columns.time_value",
        ModelSetting.RandomIntercept => "model.random_intercept",
        ModelSetting.LsMeans => "model.lsmeans",
        ModelSetting.Method => "model.method",
        ModelSetting.Subject => "columns.subject",
        ModelSetting.Time => "columns.visit",
        ModelSetting.Group => "columns.group",
        ModelSetting.Data => "data",
        ModelSetting.DataFormat => "data.file_format",
        ModelSetting.Member => "data.member",
        ModelSetting.Query => "data.query",
        ModelSetting.Where => "data.where",
        ModelSetting.PushDown => "data.push_down",
        ModelSetting.Omop => "data.omop",
        ModelSetting.ClassVariables => "model.class",
        ModelSetting.MissingTokens => "data.missing",
        ModelSetting.DecimalComma => "data.decimal \",\"",
        ModelSetting.FitBudget => "model.fit_budget",
        _ => null,
    };
    /// <summary>
    /// "data": { "source": "postgresql://HOST:PORT/DB?table=SCHEMA.TABLE" } or with "query": "SELECT …", or with "omop":
    /// "COHORT.json" (the OMOP CDM cohort builder's table; README "OMOP CDM cohorts"). The rows are read (descriptives and
    /// figures need them); credentials from PGUSER/PGPASSWORD/PGPASSFILE, host and port from PGHOST/PGPORT when the
    /// address leaves them out ("postgresql:///DB").
    /// </summary>
    static DataSource ReadDatabase(JsonTree node, JsonTree source, string folder)
    {
        var address = source.AsString();
        if (!Data.Sql.PostgresSource.IsAddress(address)) throw source.Error("\"source\" must be a postgresql://HOST:PORT/DB address");
        foreach (var key in new[] { "file", "format", "delimiter", "decimal", "missing", "wide_pattern", "file_format", "member" })
            if (node.Get(key) is { } extra) throw extra.Error($"\"{key}\" is for files; a \"source\" is a database");
        string? where = null;
        if (node.Get("where") is { } whereNode)
        {
            where = whereNode.AsString();
            try { RowCondition.Parse(where, "row filter"); }
            catch (RweStatsInputException e) { throw whereNode.Error(e.Message); }
        }
        string? query = node.Get("query")?.AsString();
        if (node.Get("omop") is { } omop)
        {
            if (query is not null) throw omop.Error("give \"omop\" or \"query\", not both");
            query = Data.Sql.OmopCohort.Read(System.IO.Path.Combine(folder, omop.AsString())).Query(Data.Sql.SqlDialect.PostgreSql);
        }
        return new DataSource(address, CsvDialect.Default, "long", null, node.Get("synthetic")?.AsBool() ?? false, node.Get("description")?.AsString())
        {
            Database = address, Query = query, Where = where, PushDown = node.Get("push_down")?.AsBool() ?? false,
        };
    }

    static ModelSettings ReadModel(JsonTree? node, ModelSettings inherited)
    {
        if (node is null) return inherited;
        node.ExpectObject("formula", "covariance", "random_intercept", "method", "df", "alpha", "class", "ref", "lsmeans", "lsmeans_weights", "fit_budget");
        var m = inherited;
        if (node.Get("formula") is { } f)
        {
            var text = f.AsString();
            if (!text.Contains("{y}")) throw f.Error("the formula must use {y} for the outcome, e.g. \"{y} ~ visit\"");
            try { Formula.Parse(text.Replace("{y}", "y").Replace("{visit}", "visit")); } catch (RweStatsInputException e) { throw f.Error(e.Message); }
            m = m with { Formula = text };
        }
        if (node.Get("covariance") is { } c) m = m with { Covariance = c.Choice(Covariance.CovarianceTypes.Codes.ToArray()) };
        if (node.Get("random_intercept") is { } ri) m = m with { RandomIntercept = ri.AsBool() };
        if (node.Get("method") is { } me) m = m with { Method = me.Choice("reml", "ml") == "ml" ? EstimationMethod.Ml : EstimationMethod.Reml };
        if (node.Get("df") is { } df)
            m = m with { Df = DfMethodNames.Parse(df.Choice(DfMethodNames.Names.ToArray())) };
        if (node.Get("alpha") is { } a)
        {
            var alpha = a.AsNumber();
            if (!(alpha > 0 && alpha < 1)) throw a.Error($"alpha {a.Text} is outside (0, 1)");
            m = m with { Alpha = alpha };
        }
        if (node.Get("class") is { } cl) m = m with { ClassVariables = cl.AsStringArray() };
        if (node.Get("lsmeans") is { } ls) m = m with { LsMeans = ls.AsStringArray() };
        if (node.Get("fit_budget") is { } fb)
        {
            try { m = m with { Budget = Estimation.FitBudget.Parse(fb.Kind == JsonValueKind.Number ? fb.Text ?? "" : fb.AsString()) }; }
            catch (RweStatsInputException e) { throw fb.Error(e.MessageNaming(KeyOf)); }
        }
        if (node.Get("lsmeans_weights") is { } lw) m = m with { LsMeansWeights = lw.Choice("equal", "observed") == "observed" ? LsMeansWeights.Observed : LsMeansWeights.Equal };
        if (node.Get("ref") is { } r)
        {
            if (r.Kind != JsonValueKind.Object) throw r.Error("expected an object {\"COLUMN\": \"LEVEL\"}");
            m = m with { References = r.Properties.ToDictionary(p => p.Key, p => p.Value.AsString()) };
        }
        return m;
    }

    static OutcomeSpec ReadOutcome(JsonTree node, DataSource data, ModelSettings model, string folder, IReadOnlyList<string> visits)
    {
        node.ExpectObject("name", "column", "label", "unit", "data", "transform", "normal_range", "rows", "classes", "percent_change", "model", "log_scale", "comment");
        var name = node.Required("name").AsString();
        if (name.Length == 0 || name.Any(ch => !(char.IsLetterOrDigit(ch) || ch is '_' or '-')))
            throw node.Required("name").Error($"outcome name '{name}' may use letters, digits, '_' and '-' only (it names files)");
        var column = node.Get("column")?.AsString() ?? name;
        var transform = node.Get("transform")?.Choice("none", "log", "log10") ?? "none";
        (double, double)? range = null;
        if (node.Get("normal_range") is { } nr)
        {
            var v = nr.AsArray();
            if (v.Count != 2) throw nr.Error("normal_range is [low, high]");
            range = (v[0].AsNumber(), v[1].AsNumber());
            if (range.Value.Item1 >= range.Value.Item2) throw nr.Error("normal_range low must be below high");
        }
        RowFilter? rows = null;
        if (node.Get("rows") is { } rn)
        {
            rn.ExpectObject("column", "equals");
            var eq = rn.Required("equals");
            rows = new RowFilter(rn.Required("column").AsString(), eq.Kind == JsonValueKind.Array ? eq.AsStringArray() : new[] { eq.AsString() });
        }
        var classes = node.Get("classes")?.AsArray().Select(c =>
        {
            c.ExpectObject("label", "min", "max");
            var vc = new ValueClass(c.Required("label").AsString(), c.Required("min").AsNumber(), c.Required("max").AsNumber());
            if (vc.Min > vc.Max) throw c.Error("min is above max");
            return vc;
        }).ToList() ?? new List<ValueClass>();
        var changes = node.Get("percent_change")?.AsArray().Select(pc =>
        {
            var pair = pc.AsStringArray();
            if (pair.Count != 2 || !visits.Contains(pair[0]) || !visits.Contains(pair[1]))
                throw pc.Error("percent_change items are [FROM_VISIT, TO_VISIT] with visits of the visit order");
            return (pair[0], pair[1]);
        }).ToList() ?? new List<(string, string)>();
        var outcomeData = node.Get("data") is { } d ? ReadData(d, folder) : data;
        if (outcomeData.PushDown)
            foreach (var key in new[] { "transform", "rows", "classes", "percent_change" })
                if (node.Get(key) is { } needsRows)
                    throw needsRows.Error($"\"{key}\" needs the rows, which \"data.push_down\" never reads; drop one of them (filter rows in \"data.query\")");
        // The label is only ever echoed (reports, figures, messages): kept to what is echoed (Echo.Shown).
        return new OutcomeSpec(name, column, Echo.Shown(node.Get("label")?.AsString() ?? name), node.Get("unit")?.AsString() is { } unit ? Echo.Shown(unit) : null,
            outcomeData, transform, range, rows, classes, changes,
            ReadModel(node.Get("model"), model), node.Get("log_scale")?.AsBool() ?? false) { LabelFromSpec = node.Get("label") is not null };
    }
}
