using RweStats.Model;

namespace RweStats.Data;

/// <summary>
/// The roles of a source's columns in a model, decided from the column names and which columns hold numbers, before
/// any row is aggregated: what the pattern sums of a source need to know up front, wherever they are computed (the
/// database's GROUP BY, <see cref="Sql.PatternSumsQuery"/>, or the streamed file, <see cref="Streaming.StreamedPatternSums"/>).
/// The rules are those of <see cref="ModelFrame.Build"/>: the time variable, declared class variables and non-numeric
/// model variables are class variables, numeric ones covariates; a row is read when the subject, the visit and every
/// model variable are present, and used when the outcome is present too.
/// </summary>
/// <param name="ModelClasses">Class variables of the model, the time variable first.</param>
/// <param name="Covariates">Numeric model variables, in the formula's order.</param>
/// <param name="Required">Columns a row must have to be read: subject, time, model variables, group, time value.</param>
/// <param name="LevelVariables">Columns whose levels the fit needs: the model classes, then the group.</param>
/// <param name="Monomials">Each term's product of covariates (sorted names), once: the valued quantities after y.</param>
public sealed record ModelColumns(
    Formula Formula, IReadOnlyList<string> ModelClasses, IReadOnlyList<string> Covariates, IReadOnlyList<string> Required,
    IReadOnlyList<string> LevelVariables, IReadOnlyList<IReadOnlyList<string>> Monomials)
{
    /// <summary>Model classes other than the time variable, whose level at each visit is part of a signature.</summary>
    public IReadOnlyList<string> CodedClasses => ModelClasses.Where(n => n != Formula.Response && n != TimeName).ToList();

    string TimeName => ModelClasses[0];

    /// <summary>
    /// The roles, or a one-line error naming the missing column (with the closest name) or the misplaced variable.
    /// <paramref name="isNumeric"/> says whether a column holds numbers (its type in a database or a Parquet file, the
    /// first rows of a CSV file).
    /// </summary>
    public static ModelColumns Resolve(string label, IReadOnlyList<string> names, Func<string, bool> isNumeric, MixedModelSpec spec)
    {
        var formula = Formula.Parse(spec.Formula);
        void Require(string column, string role)
        {
            if (!names.Contains(column))
                throw RweStatsInputException.Naming(ClosestName.NoColumn(label, column, role, names));
        }
        Require(spec.Subject, "{Subject}");
        Require(spec.Time, "{Time}");
        Require(formula.Response, "the formula's response");
        foreach (var v in formula.RhsVariables) Require(v, $"a term of the formula \"{spec.Formula}\"");
        foreach (var c in spec.ClassVariables) Require(c, "{ClassVariables}");
        if (spec.Group is not null) Require(spec.Group, "{Group}");
        foreach (var r in spec.References.Keys)
            if (r != spec.Time && !formula.RhsVariables.Contains(r))
                throw RweStatsInputException.About(ModelSetting.References, $"{{References}} {r}=...: '{r}' is not a variable of the formula \"{spec.Formula}\"");
        if (formula.RhsVariables.Contains(spec.Subject))
            throw RweStatsInputException.About(ModelSetting.RandomIntercept, $"formula \"{spec.Formula}\": the subject column '{spec.Subject}' cannot be a fixed effect; subjects enter through the covariance ({{RandomIntercept}})");
        if (formula.RhsVariables.Contains(formula.Response) || formula.Response == spec.Time || formula.Response == spec.Subject)
            throw new RweStatsInputException($"formula \"{spec.Formula}\": the response '{formula.Response}' also appears as a model variable");
        if (!isNumeric(formula.Response))
            throw new RweStatsInputException($"{label}: outcome column '{formula.Response}' does not hold numbers");

        var classNames = new HashSet<string>(spec.ClassVariables) { spec.Time };
        var covariates = new List<string>();
        foreach (var v in formula.RhsVariables)
        {
            if (classNames.Contains(v)) continue;
            if (isNumeric(v)) covariates.Add(v); else classNames.Add(v);
        }
        var modelClasses = classNames.Where(n => n == spec.Time || formula.RhsVariables.Contains(n)).OrderBy(n => n == spec.Time ? 0 : 1).ToList();
        var required = new List<string> { spec.Subject, spec.Time };
        required.AddRange(formula.RhsVariables.Where(v => !required.Contains(v)));
        if (spec.Group is not null && !required.Contains(spec.Group)) required.Add(spec.Group);
        if (spec.TimeValue is not null && names.Contains(spec.TimeValue) && !required.Contains(spec.TimeValue)) required.Add(spec.TimeValue);
        var levelVariables = modelClasses.Concat(spec.Group is not null && !modelClasses.Contains(spec.Group) ? new[] { spec.Group } : Array.Empty<string>()).ToList();
        var monomials = new List<IReadOnlyList<string>>();
        foreach (var term in formula.TermsWithIntercept)
        {
            var covs = term.Variables.Where(v => !modelClasses.Contains(v)).OrderBy(v => v, StringComparer.Ordinal).ToList();
            if (covs.Count > 0 && !monomials.Any(m => m.SequenceEqual(covs))) monomials.Add(covs);
        }
        return new ModelColumns(formula, modelClasses, covariates, required, levelVariables, monomials);
    }
}
