using System.Data.Common;
using System.Globalization;
using System.Text;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Data.Sql;

/// <summary>
/// A table or a query of a database as a data source: the SQL that yields its rows (a quoted table name, or the text
/// of a SELECT) and how messages name it (never with credentials).
/// </summary>
public sealed record SqlRelation(string Sql, bool IsQuery, string Label)
{
    /// <summary>Whether the column types are the engine's guesses (DuckDB's CSV sniffer): a text column is then typed
    /// by <see cref="ColumnTyping"/> from its cells, as the CSV reader types it.</summary>
    public bool TypesGuessed { get; init; }

    /// <summary>A database table (its name quoted by the dialect).</summary>
    public static SqlRelation Table(string name, SqlDialect dialect, string label) => new($"SELECT * FROM {dialect.TableName(name)}", false, label);
    /// <summary>
    /// A user's query as a relation: what follows its last token — semicolons, white space, comments ("SELECT …; --
    /// note") — is dropped, since it would otherwise sit inside "WITH src AS (…)"; the rest goes to the engine's parser
    /// whole, which still refuses a second statement. The query ends on its own line: a "-- comment" left inside it then
    /// cannot swallow the ")" that closes the expression.
    /// </summary>
    public static SqlRelation Query(string select, string label) => new(select[..EndOfLastToken(select)] + "\n", true, label);

    /// <summary>
    /// The end of the last token of SQL text that is not a semicolon: string literals ('…' with '' inside, E'…' with
    /// backslash escapes), quoted identifiers ("…"), dollar-quoted texts ($tag$…$tag$), line comments (--) and block
    /// comments (/* */, nested as in PostgreSQL) are read as such, so a ';' or "--" inside a string ends nothing.
    /// An unterminated string or comment runs to the end (the engine's parser then names the error).
    /// </summary>
    internal static int EndOfLastToken(string sql)
    {
        int n = sql.Length, i = 0, end = 0;
        bool IdentifierChar(int k) => k >= 0 && (char.IsLetterOrDigit(sql[k]) || sql[k] is '_' or '$');
        while (i < n)
        {
            char c = sql[i];
            char next = i + 1 < n ? sql[i + 1] : '\0';
            if (char.IsWhiteSpace(c) || c == ';') { i++; continue; }
            if (c == '-' && next == '-')
            {
                int newline = sql.IndexOf('\n', i);
                i = newline < 0 ? n : newline + 1;
                continue;
            }
            if (c == '/' && next == '*')
            {
                int depth = 1;
                for (i += 2; i < n && depth > 0; i++)
                    if (sql[i] == '/' && i + 1 < n && sql[i + 1] == '*') { depth++; i++; }
                    else if (sql[i] == '*' && i + 1 < n && sql[i + 1] == '/') { depth--; i++; }
                continue;
            }
            if (c is '\'' or '"')
            {
                bool backslash = c == '\'' && i > 0 && sql[i - 1] is 'E' or 'e' && !IdentifierChar(i - 2);
                for (i++; i < n; i++)
                {
                    if (backslash && sql[i] == '\\') { i++; continue; }
                    if (sql[i] != c) continue;
                    if (i + 1 < n && sql[i + 1] == c) { i++; continue; } // '' or "" inside
                    break;
                }
                i = Math.Min(i + 1, n);
            }
            else if (c == '$' && !IdentifierChar(i - 1) && DollarTag(sql, i) is { } tag)
            {
                int close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = close < 0 ? n : close + tag.Length;
            }
            else i++;
            end = i;
        }
        return end;
    }

    /// <summary>"$$" or "$tag$" starting at <paramref name="i"/> (a tag: a letter or '_', then letters, digits, '_').</summary>
    static string? DollarTag(string sql, int i)
    {
        int k = i + 1;
        while (k < sql.Length && (char.IsLetter(sql[k]) || sql[k] == '_' || (k > i + 1 && char.IsDigit(sql[k])))) k++;
        return k < sql.Length && sql[k] == '$' ? sql[i..(k + 1)] : null;
    }

    /// <summary>A row filter the database applies (<see cref="RowCondition.ToSql"/>); null: every row.</summary>
    public RowCondition? Filter { get; init; }

    /// <summary>The relation as the common table expression "src" every generated query reads.</summary>
    public string With => Filter is null ? $"WITH src AS ({Sql})"
        : throw new InvalidOperationException("a relation with a row filter is read through Filtered(connection, dialect)");

    /// <summary>
    /// The relation with its row filter written into its SQL (the columns' types asked of the database with an empty
    /// result), or itself when it has none.
    /// </summary>
    public SqlRelation Filtered(DbConnection connection, SqlDialect dialect)
    {
        if (Filter is null) return this;
        var unfiltered = this with { Filter = null };
        var numeric = new Dictionary<string, bool>(StringComparer.Ordinal);
        using (var reader = SqlStatement.Reader(connection, $"{unfiltered.With} SELECT * FROM src LIMIT 0"))
            for (int i = 0; i < reader.FieldCount; i++) numeric[reader.GetName(i)] = SqlResultTable.IsNumeric(reader.GetFieldType(i));
        return unfiltered with { Sql = $"SELECT * FROM ({Sql}) AS unfiltered WHERE {Filter.ToSql(dialect, numeric, Label)}\n", IsQuery = true };
    }
}

/// <summary>
/// Computes <see cref="PatternSums"/> inside a database: a small query for the column types, one for the class levels
/// and counts, and then ONE aggregate query (GROUP BY subject, then GROUP BY pattern and class levels) whose answer is
/// a few rows of sums whatever the number of rows in the table. Works on any ADO.NET connection; what differs between
/// engines is in <see cref="SqlDialect"/>. The model rules are those of <see cref="ModelFrame.Build"/>: rows with the
/// subject, visit, outcome and every model variable present are used; the time variable, declared class variables and
/// non-numeric model variables are class variables, numeric ones covariates.
/// </summary>
public sealed class PatternSumsQuery
{
    /// <summary>More output columns than this is refused (PostgreSQL's limit is 1664): too many visits × covariates.</summary>
    public const int MaxColumns = 1500;

    readonly DbConnection connection;
    readonly SqlDialect dialect;
    readonly SqlRelation source;
    readonly MixedModelSpec spec;
    readonly Action<string>? log;

    PatternSumsQuery(DbConnection connection, SqlDialect dialect, SqlRelation source, MixedModelSpec spec, Action<string>? log)
    {
        this.connection = connection; this.dialect = dialect; this.source = source; this.spec = spec; this.log = log;
    }

    /// <summary>The pattern sums of the spec's model on the source's rows (the connection is open).</summary>
    public static PatternSums Compute(DbConnection connection, SqlDialect dialect, SqlRelation source, MixedModelSpec spec, Action<string>? log = null) =>
        new PatternSumsQuery(connection, dialect, source.Filtered(connection, dialect), spec, log).Run();

    /// <summary>The roles of the columns and the levels: all the generated aggregate query depends on.</summary>
    public sealed record Plan(
        string Subject, string Time, string Response, IReadOnlyList<string> TimeLevels,
        string? Group, IReadOnlyList<string> GroupLevels,
        IReadOnlyList<(string Name, IReadOnlyList<string> Levels)> Coded,
        IReadOnlyList<IReadOnlyList<string>> Monomials,
        IReadOnlyList<string> Required,
        IReadOnlyList<bool>? CodedPerSubject = null,
        IReadOnlyList<bool>? MonomialsPerSubject = null)
    {
        /// <summary>Whether coded class c is taken as one level per subject (its subjects' levels are checked equal).</summary>
        public bool CodedConstant(int c) => CodedPerSubject is { } f && f[c];
        /// <summary>Whether monomial k (1-based, as v{k}) is taken as one value per subject (checked equal).</summary>
        public bool MonomialConstant(int k) => k > 0 && MonomialsPerSubject is { } f && f[k - 1];
        /// <summary>The valued quantities the final GROUP BY sums, and products of pairs of: the per-subject ones
        /// (v{k}) first, then per visit a the per-visit ones (v{k}_{a}, y first).</summary>
        public IReadOnlyList<string> Values
        {
            get
            {
                int k1 = Monomials.Count + 1;
                var values = Enumerable.Range(1, k1 - 1).Where(MonomialConstant).Select(k => $"v{k}").ToList();
                for (int a = 0; a < TimeLevels.Count; a++)
                    for (int k = 0; k < k1; k++)
                        if (!MonomialConstant(k)) values.Add($"v{k}_{a}");
                return values;
            }
        }
        /// <summary>Index into <see cref="Values"/> of valued quantity k at visit a.</summary>
        public int ValueIndex(int a, int k)
        {
            int k1 = Monomials.Count + 1, constants = Enumerable.Range(1, k1 - 1).Count(MonomialConstant);
            if (MonomialConstant(k)) return Enumerable.Range(1, k - 1).Count(MonomialConstant);
            return constants + a * (k1 - constants) + Enumerable.Range(0, k).Count(j => !MonomialConstant(j));
        }
    }

    string With => source.With;

    PatternSums Run()
    {
        spec.Validate();
        var formula = Formula.Parse(spec.Formula);
        string label = source.Label;

        // Column names and types from an empty result.
        var types = new Dictionary<string, Type>();
        var names = new List<string>();
        using (var reader = Execute($"{With} SELECT * FROM src LIMIT 0"))
            for (int i = 0; i < reader.FieldCount; i++) { names.Add(reader.GetName(i)); types[reader.GetName(i)] = reader.GetFieldType(i); }
        var roles = ModelColumns.Resolve(label, names, c => IsNumeric(types[c]) || (source.TypesGuessed && GuessedNumeric(c)), spec);
        var covariateNames = roles.Covariates;
        var modelClasses = roles.ModelClasses;
        var required = roles.Required;
        string readFilter = string.Join(" AND ", required.Select(c => $"{Id(c)} IS NOT NULL"));
        string usedFilter = $"{readFilter} AND {Id(formula.Response)} IS NOT NULL";

        // Class levels and totals among the rows used, in one scan (GROUPING SETS: one set per class variable, and the
        // empty set for the counts and moments); the rows read, whatever is missing, by a COUNT(*) beside it.
        var levelVariables = roles.LevelVariables;
        var metaSql = new StringBuilder(With).Append("\nSELECT ");
        for (int k = 0; k < levelVariables.Count; k++) metaSql.Append($"l{k}, ");
        metaSql.Append("COUNT(*), SUM(y), SUM(y * y), MIN(y), MAX(y)");
        for (int k = 0; k < covariateNames.Count; k++) metaSql.Append($", SUM(x{k})");
        metaSql.Append(", (SELECT COUNT(*) FROM src)");
        // Whether each covariate is whole on every row used: only then can it look like a code (CodeLikeCovariates).
        for (int k = 0; k < covariateNames.Count; k++) metaSql.Append($", BOOL_AND(x{k} = FLOOR(x{k}))");
        metaSql.Append("\nFROM (SELECT ");
        for (int k = 0; k < levelVariables.Count; k++) metaSql.Append($"{dialect.AsText(Id(levelVariables[k]))} AS l{k}, ");
        metaSql.Append($"{Y} AS y");
        for (int k = 0; k < covariateNames.Count; k++) metaSql.Append($", {dialect.AsDouble(Id(covariateNames[k]))} AS x{k}");
        metaSql.Append($" FROM src WHERE {usedFilter}) u\nGROUP BY GROUPING SETS (");
        metaSql.Append(string.Join(", ", Enumerable.Range(0, levelVariables.Count).Select(k => $"(l{k})").Append("()"))).Append(')');
        var found = levelVariables.ToDictionary(v => v, _ => new List<string>());
        long rowsRead = 0, used = 0;
        double sumY = 0, sumY2 = 0, minY = 0, maxY = 0;
        var covariateSums = new Dictionary<string, double>();
        var whole = new HashSet<string>();
        using (var reader = Execute(metaSql.ToString()))
            while (reader.Read())
            {
                int level = Enumerable.Range(0, levelVariables.Count).FirstOrDefault(k => !reader.IsDBNull(k), -1);
                if (level >= 0) { found[levelVariables[level]].Add(reader.GetString(level)); continue; }
                int c = levelVariables.Count;
                used = Long(reader, c); sumY = Number(reader, c + 1); sumY2 = Number(reader, c + 2); minY = Number(reader, c + 3); maxY = Number(reader, c + 4);
                for (int k = 0; k < covariateNames.Count; k++) covariateSums[covariateNames[k]] = Number(reader, c + 5 + k);
                rowsRead = Long(reader, c + 5 + covariateNames.Count);
                for (int k = 0; k < covariateNames.Count; k++)
                    if (!reader.IsDBNull(c + 6 + covariateNames.Count + k) && reader.GetBoolean(c + 6 + covariateNames.Count + k)) whole.Add(covariateNames[k]);
            }
        // A NaN or an infinity in a row used makes its sums NaN or infinite: the row is found and named (the rule of
        // every reader, ColumnTyping.IsNumber), instead of a fit that cannot converge on them.
        if (!ColumnTyping.IsNumber(sumY) || !ColumnTyping.IsNumber(sumY2) || covariateSums.Values.Any(v => !ColumnTyping.IsNumber(v)))
            RefuseNotFinite(formula.Response, covariateNames, usedFilter);
        // A whole covariate's distinct values, one more than a code may have at most.
        var covariateValues = covariateNames.ToDictionary(name => name, name =>
        {
            var values = new CodeLikeValues();
            if (!whole.Contains(name)) { values.RuleOut(); return values; }
            using var reader = Execute($"{With} SELECT DISTINCT {dialect.AsDouble(Id(name))} FROM src WHERE {usedFilter} LIMIT {CodeLikeCovariates.MaxDistinct + 1}");
            while (reader.Read()) values.Add(Number(reader, 0));
            return values;
        });
        var totals = new RowTotals(rowsRead, used, sumY, sumY2, minY, maxY, covariateSums) { CovariateValues = covariateValues };
        SummaryFrame.CheckTotals(label, roles, totals);
        var frameLevels = SummaryFrame.Levels(label, spec, roles, found.ToDictionary(x => x.Key, x => (IReadOnlyList<string>)x.Value));
        var classVars = frameLevels.Classes;
        var time = frameLevels.Time;
        var group = frameLevels.Group;
        var monomials = roles.Monomials;
        var coded = modelClasses.Where(n => n != spec.Time).Select(n => (n, classVars[n].Levels)).ToList();
        // First taken as one value per subject (a subject's class levels and covariates are usually its baseline
        // characteristics): far fewer aggregates per row and per subject. The query counts the subjects in which each
        // varies; those that do are then read visit by visit in a second query (the general form).
        var plan = new Plan(spec.Subject, spec.Time, formula.Response, time.Levels, spec.Group, group?.Levels ?? Array.Empty<string>(),
            coded, monomials, required, coded.Select(_ => true).ToList(), monomials.Select(_ => true).ToList());
        int t = time.Levels.Count, k1 = monomials.Count + 1, n = t * k1;
        List<SignatureSums> signatures;
        long rowsInSignatures, groupChanges, subjectsRead, subjects;
        bool duplicated;
        while (true)
        {
            signatures = new List<SignatureSums>();
            rowsInSignatures = groupChanges = subjectsRead = subjects = 0;
            duplicated = false;
            var codedVaries = new long[coded.Count];
            var monomialVaries = new long[monomials.Count];
            var values = plan.Values;
            int m = values.Count;
            using (var reader = Execute(Generate(plan, dialect, source)))
                while (reader.Read())
                {
                    int c = 0;
                    ulong mask = (ulong)Long(reader, c++); // 0 (NULL): the subject's rows all lack the outcome
                    int g = group is null ? 0 : (int)Long(reader, c++);
                    var codes = new int[t * coded.Count];
                    for (int cc = 0; cc < coded.Count; cc++)
                        if (plan.CodedConstant(cc))
                        {
                            int code = reader.IsDBNull(c) ? -1 : (int)Long(reader, c);
                            c++;
                            for (int a = 0; a < t; a++) codes[a * coded.Count + cc] = (mask >> a & 1) == 1 ? code : -1;
                        }
                        else
                            for (int a = 0; a < t; a++, c++) codes[a * coded.Count + cc] = reader.IsDBNull(c) ? -1 : (int)Long(reader, c);
                    long count = Long(reader, c++);
                    long rows = Long(reader, c++);
                    if (group is not null) groupChanges += Long(reader, c++);
                    for (int cc = 0; cc < coded.Count; cc++)
                        if (plan.CodedConstant(cc)) codedVaries[cc] += Long(reader, c++);
                    for (int k = 1; k < k1; k++)
                        if (plan.MonomialConstant(k)) monomialVaries[k - 1] += Long(reader, c++);
                    var valueSums = new double[m];
                    for (int i = 0; i < m; i++) valueSums[i] = Number(reader, c++);
                    var valueProducts = new double[m * m];
                    for (int i = 0; i < m; i++)
                        for (int j = i; j < m; j++) valueProducts[i * m + j] = valueProducts[j * m + i] = Number(reader, c++);
                    // Spread into the visit-major layout of SignatureSums: a per-subject value is the same at every
                    // visit observed; visits not observed stay 0.
                    var index = new int[n];
                    for (int a = 0; a < t; a++)
                        for (int k = 0; k < k1; k++) index[a * k1 + k] = (mask >> a & 1) == 1 ? plan.ValueIndex(a, k) : -1;
                    var sums = new double[n];
                    var products = new double[n * n];
                    for (int i = 0; i < n; i++)
                    {
                        if (index[i] < 0) continue;
                        sums[i] = valueSums[index[i]];
                        for (int j = 0; j < n; j++)
                            if (index[j] >= 0) products[i * n + j] = valueProducts[index[i] * m + index[j]];
                    }
                    // A subject with k distinct visits has k rows and its mask has k bits; a repeated visit adds a bit twice
                    // (a carry), which leaves fewer bits than rows.
                    if (rows != count * System.Numerics.BitOperations.PopCount(mask)) duplicated = true;
                    rowsInSignatures += rows;
                    subjectsRead += count;
                    if (mask == 0) continue;
                    subjects += count;
                    signatures.Add(new SignatureSums(g, mask, codes, count, sums, products));
                }
            if (duplicated || (codedVaries.All(v => v == 0) && monomialVaries.All(v => v == 0))) break;
            plan = plan with
            {
                CodedPerSubject = coded.Select((_, i) => plan.CodedConstant(i) && codedVaries[i] == 0).ToList(),
                MonomialsPerSubject = monomials.Select((_, i) => plan.MonomialConstant(i + 1) && monomialVaries[i] == 0).ToList(),
            };
        }
        if (duplicated) throw Duplicate(plan);
        if (groupChanges > 0)
            throw RweStatsInputException.Naming($"{label}: {groupChanges} subject(s) change group ('{spec.Group}'); {{Group}} must be constant within a subject");
        if (!duplicated && rowsInSignatures != used)
            throw new InvalidOperationException($"the pattern sums cover {rowsInSignatures} rows but {used} rows are used");
        var frame = SummaryFrame.Frame(label, roles, frameLevels, totals, subjectsRead, subjects);
        return new PatternSums
        {
            Frame = frame, Spec = spec, CodedClasses = coded.Select(x => x.n).ToList(), Monomials = monomials, Signatures = signatures,
        };
    }

    string Y => dialect.AsDouble(Id(Formula.Parse(spec.Formula).Response));
    string Id(string column) => dialect.Identifier(column);

    /// <summary>
    /// The aggregate query: per subject (GROUP BY subject) the visit mask, the class levels and valued quantities at each
    /// visit — or once for the subject, with a check that they do not vary, for those the plan takes per subject; then
    /// per pattern and class levels (GROUP BY mask, group, levels) the count of subjects, the sum of each valued quantity
    /// and of each product of two. The visit position and bit come from a join with a small table of the visits, so each
    /// row's visit label is compared once, not once per aggregate. Output columns in order: mask, [group], codes (per
    /// class: one per subject, or one per visit), subjects, rows, [group changes], per per-subject class and monomial the
    /// subjects in which it varies, sums of <see cref="Plan.Values"/>, products (upper triangle, row-major).
    /// </summary>
    public static string Generate(Plan plan, SqlDialect d, SqlRelation source)
    {
        string Id(string c) => d.Identifier(c);
        string Int(long i) => i.ToString(CultureInfo.InvariantCulture);
        int t = plan.TimeLevels.Count, k1 = plan.Monomials.Count + 1;
        var values = plan.Values;
        int m = values.Count;
        int constants = Enumerable.Range(0, plan.Coded.Count).Count(plan.CodedConstant) + Enumerable.Range(1, k1 - 1).Count(plan.MonomialConstant);
        int columns = 3 + (plan.Group is null ? 0 : 2) + Enumerable.Range(0, plan.Coded.Count).Sum(c => plan.CodedConstant(c) ? 1 : t) + constants + m + m * (m + 1) / 2;
        if (columns > MaxColumns)
            throw new RweStatsInputException(
                $"{source.Label}: the push-down query would have {columns} columns ({t} visits × {k1 - 1} covariate products); fit fewer visits or covariates, or read the rows");
        string Case(string column, IReadOnlyList<string> levels, Func<int, string> value)
        {
            var s = new StringBuilder($"CASE {d.AsText(Id(column))}");
            for (int i = 0; i < levels.Count; i++) s.Append($" WHEN {d.Literal(levels[i])} THEN {value(i)}");
            return s.Append(" END").ToString();
        }
        var q = new StringBuilder();
        q.Append(source.With).Append(",\n");
        // The visits: label, position, bit (UNION ALL of one-row SELECTs: every engine reads it).
        q.Append("visits AS (\n  ").Append(string.Join("\n  UNION ALL ", plan.TimeLevels.Select((label, a) =>
            $"SELECT {d.Literal(label)} AS label, {Int(a)} AS p, {d.AsBigInt(Int(1L << a))} AS bit"))).Append("\n),\n");
        // Rows used, with the visit position, its bit, the level codes and the valued quantities (y first).
        q.Append("used AS (\n  SELECT ").Append(Id(plan.Subject)).Append(" AS s,\n");
        // Rows without the outcome stay (their subjects count as read, as SAS counts them) but get no visit position.
        string observed = $"{Id(plan.Response)} IS NOT NULL";
        q.Append($"    CASE WHEN {observed} THEN visits.p END AS p,\n");
        q.Append($"    CASE WHEN {observed} THEN visits.bit END AS bit,\n");
        if (plan.Group is not null)
            q.Append("    ").Append(Case(plan.Group, plan.GroupLevels, i => Int(i))).Append(" AS g,\n");
        for (int c = 0; c < plan.Coded.Count; c++)
            q.Append("    ").Append(Case(plan.Coded[c].Name, plan.Coded[c].Levels, i => Int(i))).Append($" AS c{c},\n");
        q.Append("    ").Append(d.AsDouble(Id(plan.Response))).Append(" AS v0");
        for (int k = 1; k < k1; k++)
            q.Append(",\n    ").Append(string.Join(" * ", plan.Monomials[k - 1].Select(v => d.AsDouble(Id(v))))).Append($" AS v{k}");
        q.Append("\n  FROM src LEFT JOIN visits ON ").Append(d.AsText(Id(plan.Time))).Append(" = visits.label");
        q.Append("\n  WHERE ").Append(string.Join(" AND ", plan.Required.Select(c => $"{Id(c)} IS NOT NULL"))).Append("\n),\n");
        // One row per subject.
        q.Append("subjects AS (\n  SELECT ").Append(d.AsBigInt("SUM(bit)")).Append(" AS mask, COUNT(p) AS n");
        if (plan.Group is not null) q.Append(", MIN(g) AS g, MAX(g) AS g_max");
        for (int c = 0; c < plan.Coded.Count; c++)
            if (plan.CodedConstant(c))
                q.Append($",\n    MIN(CASE WHEN p IS NOT NULL THEN c{c} END) AS c{c}, MAX(CASE WHEN p IS NOT NULL THEN c{c} END) AS c{c}_max");
        for (int k = 1; k < k1; k++)
            if (plan.MonomialConstant(k))
                q.Append($",\n    MIN(CASE WHEN p IS NOT NULL THEN v{k} END) AS v{k}, MAX(CASE WHEN p IS NOT NULL THEN v{k} END) AS v{k}_max");
        for (int a = 0; a < t; a++)
            for (int c = 0; c < plan.Coded.Count; c++)
                if (!plan.CodedConstant(c)) q.Append($",\n    MAX(CASE WHEN p = {a} THEN c{c} END) AS c{c}_{a}");
        for (int a = 0; a < t; a++)
            for (int k = 0; k < k1; k++)
                if (!plan.MonomialConstant(k)) q.Append($",\n    MAX(CASE WHEN p = {a} THEN v{k} END) AS v{k}_{a}");
        q.Append("\n  FROM used\n  GROUP BY s\n)\n");
        // One row per pattern and class levels.
        var keys = new List<string> { "mask" };
        if (plan.Group is not null) keys.Add("g");
        for (int c = 0; c < plan.Coded.Count; c++)
            if (plan.CodedConstant(c)) keys.Add($"c{c}");
            else keys.AddRange(Enumerable.Range(0, t).Select(a => $"c{c}_{a}"));
        q.Append("SELECT ").Append(string.Join(", ", keys)).Append(",\n  COUNT(*) AS subjects, SUM(n) AS rows_used");
        if (plan.Group is not null) q.Append(", SUM(CASE WHEN g <> g_max THEN 1 ELSE 0 END) AS group_changes");
        for (int c = 0; c < plan.Coded.Count; c++)
            if (plan.CodedConstant(c)) q.Append($",\n  SUM(CASE WHEN c{c} <> c{c}_max THEN 1 ELSE 0 END) AS c{c}_varies");
        for (int k = 1; k < k1; k++)
            if (plan.MonomialConstant(k)) q.Append($",\n  SUM(CASE WHEN v{k} <> v{k}_max THEN 1 ELSE 0 END) AS v{k}_varies");
        for (int i = 0; i < m; i++) q.Append($",\n  SUM({values[i]})");
        for (int i = 0; i < m; i++)
            for (int j = i; j < m; j++) q.Append($",\n  SUM({values[i]} * {values[j]})");
        q.Append("\nFROM subjects\nGROUP BY ").Append(string.Join(", ", keys));
        return q.ToString();
    }

    RweStatsInputException Duplicate(Plan plan)
    {
        var sql = $"{With} SELECT {dialect.AsText(Id(plan.Subject))}, {dialect.AsText(Id(plan.Time))} FROM src " +
                  $"WHERE {string.Join(" AND ", plan.Required.Append(plan.Response).Select(c => $"{Id(c)} IS NOT NULL"))} " +
                  $"GROUP BY {Id(plan.Subject)}, {Id(plan.Time)} HAVING COUNT(*) > 1 ORDER BY 1, 2 LIMIT 1";
        using var reader = Execute(sql);
        return reader.Read()
            ? new RweStatsInputException($"{source.Label}: subject '{reader.GetString(0)}' has visit '{reader.GetString(1)}' twice; keep one row per subject and visit")
            : new RweStatsInputException($"{source.Label}: some subject has a visit twice; keep one row per subject and visit");
    }

    /// <summary>
    /// The first row used (by subject and visit: a query's rows have no file order) whose outcome or covariate is a NaN
    /// or an infinity, refused as every reader refuses it. "x - x &lt;&gt; 0" holds for NaN and ±infinity only, in every
    /// engine (PostgreSQL and DuckDB order NaN above every number, so NaN &lt;&gt; 0). With no such cell the sums
    /// overflowed: the values are finite but too large to square.
    /// </summary>
    void RefuseNotFinite(string response, IReadOnlyList<string> covariates, string usedFilter)
    {
        var columns = covariates.Prepend(response).ToList();
        var values = columns.Select(c => dialect.AsDouble(Id(c))).ToList();
        var sql = $"{With} SELECT {dialect.AsText(Id(spec.Subject))}, {dialect.AsText(Id(spec.Time))}, {string.Join(", ", values)} FROM src " +
                  $"WHERE {usedFilter} AND ({string.Join(" OR ", values.Select(v => $"{v} - {v} <> 0"))}) LIMIT 1";
        using (var reader = Execute(sql))
            if (reader.Read())
            {
                int k = Enumerable.Range(0, columns.Count).First(j => !ColumnTyping.IsNumber(reader.GetDouble(2 + j)));
                throw ColumnTyping.NotFinite($"{source.Label}: subject '{reader.GetString(0)}', visit '{reader.GetString(1)}'", columns[k], reader.GetDouble(2 + k));
            }
        throw new RweStatsInputException(
            $"{source.Label}: the sums of squares of '{response}'{(covariates.Count > 0 ? " or of a covariate" : "")} overflow (values near 1e308): rescale the column");
    }

    /// <summary>
    /// Whether a text column of guessed type (DuckDB's CSV sniffer, DuckDB SQL) is numeric by the CSV rule
    /// (<see cref="ColumnTyping"/>), its cells counted by the database; a numeric one with a cell that is not a number
    /// is an error naming the column and the value (the database does not number the file's lines).
    /// </summary>
    bool GuessedNumeric(string column)
    {
        string c = Id(column);
        var tally = new ColumnTyping.Tally();
        using (var reader = Execute($"{With} SELECT COUNT({c}), COUNT(*) FILTER (WHERE isfinite(TRY_CAST({c} AS DOUBLE))), " +
                                    $"COUNT(*) FILTER (WHERE regexp_full_match(TRIM({c}), '[+-]?[0-9]+,[0-9]+([eE][+-]?[0-9]+)?')) FROM src"))
        {
            reader.Read();
            long cells = Long(reader, 0), numbers = Long(reader, 1), commas = Long(reader, 2);
            tally.Add(numbers, commas, cells - numbers - commas);
        }
        if (!tally.IsNumeric) return false;
        using (var reader = Execute($"{With} SELECT {c}, COUNT(*) FROM src WHERE {c} IS NOT NULL AND NOT COALESCE(isfinite(TRY_CAST({c} AS DOUBLE)), false) GROUP BY {c} ORDER BY COUNT(*) DESC LIMIT 1"))
            if (reader.Read())
            {
                var value = reader.GetString(0);
                throw RweStatsInputException.AtCell(source.Label, column, ModelSetting.MissingTokens,
                    ColumnTyping.NotANumber(column, value, canBeClass: column != Formula.Parse(spec.Formula).Response) +
                    $" ({tally.Numbers + tally.CommaNumbers} of the column's {tally.Numbers + tally.CommaNumbers + tally.Texts} cells are numbers)");
            }
        return true;
    }

    DbDataReader Execute(string sql)
    {
        log?.Invoke(sql);
        return SqlStatement.Reader(connection, sql);
    }

    /// <summary>Whether a column of this .NET type holds numbers (a covariate unless declared a class variable).</summary>
    internal static bool IsNumeric(Type type) => SqlResultTable.IsNumeric(type);

    // Engines widen sums of integers (PostgreSQL: numeric → decimal; DuckDB: HUGEINT → BigInteger).
    static long Long(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : reader.GetValue(i) switch
    {
        System.Numerics.BigInteger b => (long)b,
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
    };
    static double Number(DbDataReader reader, int i) => reader.IsDBNull(i) ? 0 : reader.GetValue(i) switch
    {
        System.Numerics.BigInteger b => (double)b,
        var v => Convert.ToDouble(v, CultureInfo.InvariantCulture),
    };
}
