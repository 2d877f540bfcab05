using System.Globalization;
using RweStats.Data;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Estimands;

/// <summary>
/// The data of an estimand analysis arranged by subject and visit (rbmi's <c>longData</c>): the outcome at every visit
/// (NaN where missing), each subject's arm, first visit affected by an event and strategy, and the rows of the
/// imputation model's design for every visit (observed or not) in the subject's own arm and in its reference arm, so
/// that μ = X β for any fit of the model is one product.
/// </summary>
public sealed class ImputationData
{
    /// <summary>The visits, in order.</summary>
    public required IReadOnlyList<string> Visits { get; init; }
    /// <summary>The subjects, in order.</summary>
    public required string[] SubjectLabels { get; init; }
    /// <summary>The arm levels in the data's level order (the first is rbmi's "ref" of the analysis, the second its "alt").</summary>
    public required IReadOnlyList<string> Arms { get; init; }
    /// <summary>The arm index (into <see cref="Arms"/>) of each subject.</summary>
    public required int[] SubjectArm { get; init; }
    /// <summary>The arm index of each arm's reference arm.</summary>
    public required int[] ReferenceArm { get; init; }
    /// <summary>The covariance group (index into the fitted model's groups) of each arm.</summary>
    public required int[] ArmCovarianceGroup { get; init; }
    /// <summary>Outcome of subject s at visit v: [s * T + v], NaN when missing.</summary>
    public required double[] Outcome { get; init; }
    /// <summary>The index of the first visit affected by a non-MAR event (T when none): visits before it are missing at random.</summary>
    public required int[] FirstAffected { get; init; }
    /// <summary>The imputation strategy of each subject's visits from <see cref="FirstAffected"/> on.</summary>
    public required ImputationStrategy[] Strategy { get; init; }
    /// <summary>Design rows over the model's estimated columns: [(s * T + v) * p + j] in the own arm, and in the reference arm.</summary>
    public required double[] OwnRows { get; init; }
    /// <summary>Design rows as <see cref="OwnRows"/>, in the subject's reference arm.</summary>
    public required double[] ReferenceRows { get; init; }
    /// <summary>The analysis covariates' columns (numeric, or class dummies against the first level) at each visit row: [(s * T + v) * K + k].</summary>
    public required double[] AnalysisCovariates { get; init; }
    /// <summary>The names of the columns of <see cref="AnalysisCovariates"/>.</summary>
    public required IReadOnlyList<string> AnalysisCovariateNames { get; init; }
    /// <summary>The model fitted to the data before the events (all data but the visits after a non-MAR event).</summary>
    public required MixedModel Fit { get; init; }
    /// <summary>The data the estimand reads.</summary>
    public required DataTable Table { get; init; }
    /// <summary>The row of <see cref="Table"/> of subject s at visit v: [s * T + v].</summary>
    public required int[] TableRows { get; init; }

    /// <summary>Number of subjects.</summary>
    public int SubjectCount => SubjectLabels.Length;
    /// <summary>Number of visits (T).</summary>
    public int VisitCount => Visits.Count;
    /// <summary>Number of estimated columns of the imputation model's design (p).</summary>
    public int Rank => Fit.Design.Rank;
    /// <summary>True when subject <paramref name="s"/> has no outcome at visit <paramref name="v"/>.</summary>
    public bool IsMissing(int s, int v) => double.IsNaN(Outcome[s * VisitCount + v]);

    /// <summary>Reads the data, the events and the references, and fits the imputation model.</summary>
    public static ImputationData Build(DataTable table, EstimandSpec spec)
    {
        var model = spec.Model;
        model.Validate();
        string response = Formula.Parse(model.Formula).Response;
        if (!Formula.Parse(model.Formula).RhsVariables.Contains(spec.Arm))
            throw new RweStatsInputException($"formula \"{model.Formula}\": the arm variable '{spec.Arm}' is not a term of the imputation model; add it (e.g. \"{response} ~ {spec.Arm} * {model.Time}\")");

        // Every row with the outcome replaced by a placeholder (its row number: the frame refuses a constant outcome): a
        // frame of all rows, since the imputation needs the design at the missing visits too (rbmi's dummy outcome).
        int responseColumn = table.RequireColumn(response, "the outcome");
        var columns = table.Columns.Select(c => c.ToArray()).ToArray();
        for (int r = 0; r < table.RowCount; r++) columns[responseColumn][r] = r.ToString(CultureInfo.InvariantCulture);
        var allRows = table.Derive(table.ColumnNames, columns, table.LineNumbers);
        var designFrame = ModelFrame.Build(allRows, model, false);
        if (designFrame.Rows.Length != table.RowCount)
        {
            var used = new bool[table.RowCount];
            foreach (var r in designFrame.Rows) used[r] = true;
            int first = Array.IndexOf(used, false);
            throw RweStatsInputException.AtCell(table, first, null,
                "a model variable (arm, visit, subject or covariate) is missing on this row; every subject needs a row at every visit with its covariates, the outcome only may be missing");
        }
        var visits = designFrame.Time.Levels;
        int t = visits.Count, n = designFrame.SubjectLabels.Length;
        for (int s = 0; s < n; s++)
            if (designFrame.SubjectStart[s + 1] - designFrame.SubjectStart[s] != t)
            {
                var have = designFrame.VisitPosition[designFrame.SubjectStart[s]..designFrame.SubjectStart[s + 1]].ToHashSet();
                var lacking = visits.Where((_, v) => !have.Contains(v)).First();
                throw new RweStatsInputException($"{table.Source}: subject '{designFrame.SubjectLabels[s]}' has no row at visit '{lacking}'; give every subject one row per visit (outcome missing, covariates filled, as rbmi's expand_locf does)");
            }

        // Outcomes by subject and visit.
        var outcome = new double[n * t];
        var tableRows = new int[n * t];
        for (int s = 0; s < n; s++)
            for (int i = designFrame.SubjectStart[s]; i < designFrame.SubjectStart[s + 1]; i++)
            {
                outcome[s * t + designFrame.VisitPosition[i]] = table.ParseNumber(response, designFrame.Rows[i]);
                tableRows[s * t + designFrame.VisitPosition[i]] = designFrame.Rows[i];
            }

        // Arms, references.
        var armVariable = designFrame.ClassVariables.TryGetValue(spec.Arm, out var av) ? av
            : throw new RweStatsInputException($"formula \"{model.Formula}\": the arm variable '{spec.Arm}' is numeric; declare it a class variable");
        var armCodes = designFrame.ClassCodes[spec.Arm];
        var arms = armVariable.Levels;
        var subjectArm = new int[n];
        for (int s = 0; s < n; s++)
        {
            int from = designFrame.SubjectStart[s];
            subjectArm[s] = armCodes[from];
            for (int i = from + 1; i < designFrame.SubjectStart[s + 1]; i++)
                if (armCodes[i] != subjectArm[s])
                    throw RweStatsInputException.AtCell(table, designFrame.Rows[i], spec.Arm,
                        $"subject '{designFrame.SubjectLabels[s]}' changes arm ('{arms[subjectArm[s]]}' then '{arms[armCodes[i]]}'); the arm is a subject-level variable");
        }
        int ArmIndex(string level, string what) => arms.ToList().IndexOf(level) is var k and >= 0 ? k
            : throw new RweStatsInputException($"{what} '{level}' is not a level of the arm variable '{spec.Arm}' ({string.Join(", ", arms)})");
        foreach (var key in spec.References.Keys) ArmIndex(key, "reference arm of");
        var referenceArm = arms.Select((arm, k) => spec.References.TryGetValue(arm, out var r) ? ArmIndex(r, "reference arm")
            : spec.DefaultReference is { } d ? ArmIndex(d, "reference arm") : k).ToArray();

        // Events: the first visit affected and the strategy; a non-MAR event excludes the visits from it on from the fit.
        var subjectIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int s = 0; s < n; s++) subjectIndex[designFrame.SubjectLabels[s]] = s;
        var firstAffected = Enumerable.Repeat(t, n).ToArray();
        var strategy = new ImputationStrategy[n];
        var eventVisit = Enumerable.Repeat(t, n).ToArray();
        var seen = new HashSet<int>();
        foreach (var e in spec.Events)
        {
            if (!subjectIndex.TryGetValue(e.Subject, out int s))
                throw new RweStatsInputException($"intercurrent event of subject '{e.Subject}': no such subject in {table.Source}");
            if (!seen.Add(s))
                throw new RweStatsInputException($"intercurrent events: subject '{e.Subject}' is listed twice; give each subject its first event only");
            int v = visits.ToList().IndexOf(e.Visit);
            if (v < 0)
                throw new RweStatsInputException($"intercurrent event of subject '{e.Subject}': visit '{e.Visit}' is not a visit of the data ({string.Join(", ", visits)})");
            var st = e.Strategy ?? spec.DefaultStrategy;
            strategy[s] = st;
            eventVisit[s] = v;
            if (st != ImputationStrategy.MissingAtRandom) firstAffected[s] = v;
            if (st == ImputationStrategy.LastMeanCarriedForward && v == 0)
                throw new RweStatsInputException($"intercurrent event of subject '{e.Subject}': LMCF needs a visit before the event, and '{e.Visit}' is the first visit");
        }

        // The imputation model on the data before the non-MAR events (rbmi fits with those visits removed).
        var keep = new List<int>(table.RowCount);
        var excluded = new bool[table.RowCount];
        for (int s = 0; s < n; s++)
            for (int i = designFrame.SubjectStart[s]; i < designFrame.SubjectStart[s + 1]; i++)
                if (designFrame.VisitPosition[i] >= firstAffected[s]) excluded[designFrame.Rows[i]] = true;
        for (int r = 0; r < table.RowCount; r++) if (!excluded[r]) keep.Add(r);
        var fit = MixedModelFitter.FitModel(table.SelectRows(keep.ToArray()), model);
        if (!fit.Frame.Time.Levels.SequenceEqual(visits))
        {
            var absent = visits.Except(fit.Frame.Time.Levels).ToList();
            throw new RweStatsInputException(absent.Count > 0
                ? $"visit '{absent[0]}' has no outcome before the intercurrent events: the imputation model cannot be estimated there"
                : "the visits of the imputation model's fit are not in the order of the data's visits; give the visit order explicitly");
        }
        var design = fit.Design;
        int p = design.Rank;
        var armCovarianceGroup = arms.Select(a => fit.Frame.Group is { } g ? (g.Name == spec.Arm ? g.IndexOf(a) : -1) : 0).ToArray();
        if (armCovarianceGroup.Any(g => g < 0))
            throw new RweStatsInputException($"the covariance groups must be the arms ('{spec.Arm}') or absent (one covariance for all subjects, as rbmi's same_cov)");

        // Design rows at every visit, in the own arm and in the reference arm (rbmi's as_model_df on dat_pt and dat_ref).
        var own = new double[n * t * p];
        var reference = new double[n * t * p];
        for (int s = 0; s < n; s++)
            for (int i = designFrame.SubjectStart[s]; i < designFrame.SubjectStart[s + 1]; i++)
            {
                int v = designFrame.VisitPosition[i], row = i;
                string LevelOf(ClassVariable cv) => designFrame.ClassVariables[cv.Name].Levels[designFrame.ClassCodes[cv.Name][row]];
                double Covariate(string name) => designFrame.Covariates[name][row];
                var ownRow = design.Reduce(design.Row((cv, level) => LevelOf(cv) == level ? 1 : 0, Covariate));
                string refArm = arms[referenceArm[subjectArm[s]]];
                var refRow = design.Reduce(design.Row((cv, level) => (cv.Name == spec.Arm ? refArm : LevelOf(cv)) == level ? 1 : 0, Covariate));
                ownRow.CopyTo(own, (s * t + v) * p);
                refRow.CopyTo(reference, (s * t + v) * p);
            }

        var (analysisColumns, analysisNames) = AnalysisDesign(table, designFrame, spec, n, t);
        return new ImputationData
        {
            Visits = visits, SubjectLabels = designFrame.SubjectLabels, Arms = arms, SubjectArm = subjectArm, ReferenceArm = referenceArm,
            ArmCovarianceGroup = armCovarianceGroup, Outcome = outcome, FirstAffected = firstAffected, Strategy = strategy,
            OwnRows = own, ReferenceRows = reference, AnalysisCovariates = analysisColumns, AnalysisCovariateNames = analysisNames, Fit = fit,
            Table = table, TableRows = tableRows,
        };
    }

    /// <summary>The analysis covariates at each subject's visit rows: a numeric column as it is, a text column as dummies of its levels after the first.</summary>
    static (double[] values, IReadOnlyList<string> names) AnalysisDesign(DataTable table, ModelFrame frame, EstimandSpec spec, int n, int t)
    {
        var names = new List<string>();
        var perColumn = new List<double[]>(); // per design column, per (s, v)
        foreach (var name in spec.AnalysisCovariates)
        {
            if (name == spec.Arm || name == spec.Model.Time)
                throw new RweStatsInputException($"analysis covariate '{name}': the {(name == spec.Arm ? "arm" : "visit")} is already in the analysis (outcome ~ arm + covariates at each visit)");
            int column = table.RequireColumn(name, "an analysis covariate");
            var rows = frame.Rows;
            var texts = new string?[rows.Length];
            bool numeric = true;
            for (int i = 0; i < rows.Length; i++)
            {
                if (table.IsMissing(column, rows[i]))
                    throw RweStatsInputException.AtCell(table, rows[i], name, "the analysis covariate is missing; the analysis needs it on every subject's row at every visit");
                texts[i] = table.Cell(column, rows[i]);
                if (numeric && !table.TryNumber(column, rows[i], out _)) numeric = false;
            }
            if (numeric)
            {
                var values = new double[n * t];
                for (int s = 0; s < n; s++)
                    for (int i = frame.SubjectStart[s]; i < frame.SubjectStart[s + 1]; i++)
                        values[s * t + frame.VisitPosition[i]] = table.ParseNumber(name, rows[i]);
                names.Add(name);
                perColumn.Add(values);
            }
            else
            {
                var levels = texts.Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();
                foreach (var level in levels.Skip(1))
                {
                    var values = new double[n * t];
                    for (int s = 0; s < n; s++)
                        for (int i = frame.SubjectStart[s]; i < frame.SubjectStart[s + 1]; i++)
                            values[s * t + frame.VisitPosition[i]] = texts[i] == level ? 1 : 0;
                    names.Add($"{name}[{level}]");
                    perColumn.Add(values);
                }
            }
        }
        int k = perColumn.Count;
        var all = new double[n * t * k];
        for (int st = 0; st < n * t; st++)
            for (int c = 0; c < k; c++) all[st * k + c] = perColumn[c][st];
        return (all, names);
    }

    internal static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
