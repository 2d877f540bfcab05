using System.Globalization;

namespace RweStats.Data;

/// <summary>
/// A row filter (`--where`, spec `data.where`), e.g. <c>PARAMCD == "FEV1" and ANL01FL == "Y" and not DTYPE == "LOCF"</c>:
/// comparisons <c>== != &lt; &lt;= &gt; &gt;=</c> of a column with a number or a double-quoted text, <c>and</c>, <c>or</c>,
/// <c>not</c>, parentheses, <c>COL is missing</c> and <c>COL is not missing</c>. Keywords are case-insensitive; a column
/// name with other characters is written in back quotes (<c>`FEV1 (L)` &gt; 2</c>). Precedence: not, and, or.
/// <para>
/// Semantics, as an ADaM user expects them: a text comparison reads a missing cell as blank text, so <c>DTYPE == ""</c>
/// keeps the rows without a DTYPE (SAS: a missing character value is blank); a number comparison with a missing cell
/// is false except <c>!=</c>, which is true (use <c>is missing</c> to select them). A number compared with a cell that
/// is text is an error naming the row. Every syntax error names its position (1-based character) in the expression.
/// </para>
/// </summary>
public sealed class RowCondition
{
    readonly Node root;
    readonly string text;
    readonly string option;

    RowCondition(Node root, string text, string option) { this.root = root; this.text = text; this.option = option; }

    /// <summary>The condition as written.</summary>
    public override string ToString() => text;

    /// <param name="option">How the front end names the row filter ("--where", "data.where"), for messages.</param>
    public static RowCondition Parse(string expression, string option = "row filter")
    {
        var parser = new Parser(expression, option);
        var node = parser.ParseAll();
        return new RowCondition(node, expression, option);
    }

    /// <summary>The rows of the table that satisfy the condition, as a new table (row numbers and metadata kept).</summary>
    public DataTable Apply(DataTable table)
    {
        var keep = root.Evaluate(table, this);
        var rows = new List<int>(table.RowCount);
        for (int i = 0; i < keep.Length; i++) if (keep[i]) rows.Add(i);
        if (rows.Count == 0)
            throw new RweStatsInputException($"{table.Source}: {option} '{Shown(text)}' keeps none of the {table.RowCount} rows; check the values (texts are case-sensitive)");
        return rows.Count == table.RowCount ? table : table.SelectRows(rows.ToArray());
    }

    /// <summary>
    /// The condition as a SQL boolean expression over the columns of a relation, for a database that filters the rows
    /// while it computes the pattern sums: the same rows as <see cref="Apply"/> keeps. Built from the parsed expression,
    /// never from its text: every column is a quoted identifier and every text a quoted literal of
    /// <paramref name="dialect"/>, every number printed in the invariant culture. <paramref name="numeric"/> gives each
    /// column of the relation and whether the database holds it as numbers; what <see cref="Apply"/> would refuse on
    /// such a column (a number against texts, an order of texts on numbers) is refused here, as is a quoted text
    /// compared with numbers (the database prints numbers its own way), but for "" (a missing cell).
    /// </summary>
    public string ToSql(Sql.SqlDialect dialect, IReadOnlyDictionary<string, bool> numeric, string source) =>
        root.Sql(new SqlContext(dialect, numeric, source, this));

    sealed record SqlContext(Sql.SqlDialect Dialect, IReadOnlyDictionary<string, bool> Numeric, string Source, RowCondition Condition);

    RweStatsInputException Error(int position, string message) =>
        new($"{option} '{Shown(text)}': position {position}: {message}");

    /// <summary>A long expression is echoed by its start only (the position still points into the whole of it).</summary>
    static string Shown(string text) => Echo.Shown(text);

    abstract class Node
    {
        public abstract bool[] Evaluate(DataTable table, RowCondition condition);
        public abstract string Sql(SqlContext c);
    }

    sealed class And(Node left, Node right) : Node
    {
        public override bool[] Evaluate(DataTable table, RowCondition c)
        {
            var a = left.Evaluate(table, c);
            var b = right.Evaluate(table, c);
            for (int i = 0; i < a.Length; i++) a[i] &= b[i];
            return a;
        }

        public override string Sql(SqlContext c) => $"({left.Sql(c)} AND {right.Sql(c)})";
    }

    sealed class Or(Node left, Node right) : Node
    {
        public override bool[] Evaluate(DataTable table, RowCondition c)
        {
            var a = left.Evaluate(table, c);
            var b = right.Evaluate(table, c);
            for (int i = 0; i < a.Length; i++) a[i] |= b[i];
            return a;
        }

        public override string Sql(SqlContext c) => $"({left.Sql(c)} OR {right.Sql(c)})";
    }

    sealed class Not(Node inner) : Node
    {
        public override bool[] Evaluate(DataTable table, RowCondition c)
        {
            var a = inner.Evaluate(table, c);
            for (int i = 0; i < a.Length; i++) a[i] = !a[i];
            return a;
        }

        // Every translated comparison is true or false, never NULL (missing cells are spelled out), so NOT is the complement.
        public override string Sql(SqlContext c) => $"(NOT {inner.Sql(c)})";
    }

    abstract class ColumnNode(string column, int position) : Node
    {
        protected int Column(DataTable table, RowCondition c)
        {
            int j = table.ColumnIndex(column);
            if (j < 0) throw c.Error(position, ClosestName.NoColumn(table.Source, column, null, table.ColumnNames));
            return j;
        }
        protected string Name => column;
        protected int Position => position;

        /// <summary>The column as a quoted identifier, and whether the database holds numbers in it.</summary>
        protected (string sql, bool numeric) Column(SqlContext c) =>
            c.Numeric.TryGetValue(column, out bool numeric) ? (c.Dialect.Identifier(column), numeric)
                : throw c.Condition.Error(position, ClosestName.NoColumn(c.Source, column, null, c.Numeric.Keys.ToList()));
    }

    sealed class IsMissing(string column, int position, bool negated) : ColumnNode(column, position)
    {
        public override bool[] Evaluate(DataTable table, RowCondition c)
        {
            int j = Column(table, c);
            var missing = new bool[table.RowCount];
            table.MarkMissing(j, missing);
            if (negated) for (int i = 0; i < missing.Length; i++) missing[i] = !missing[i];
            return missing;
        }

        public override string Sql(SqlContext c) => $"({Column(c).sql} IS {(negated ? "NOT " : "")}NULL)";
    }

    sealed class CompareNumber(string column, int position, string op, double value) : ColumnNode(column, position)
    {
        public override bool[] Evaluate(DataTable table, RowCondition c)
        {
            int j = Column(table, c);
            var result = new bool[table.RowCount];
            for (int i = 0; i < result.Length; i++)
            {
                if (table.IsMissing(j, i)) { result[i] = op == "!="; continue; }
                if (!table.TryNumber(j, i, out var x))
                    throw c.Error(Position, $"column '{Name}' holds the text '{table.Cell(j, i)}' ({table.Location(i)}), not a number; compare it with a quoted text, e.g. {Name} == \"{table.Cell(j, i)}\"");
                result[i] = Holds(op, x.CompareTo(value)); // finite numbers: CompareTo orders as <, == and > do
            }
            return result;
        }

        public override string Sql(SqlContext c)
        {
            var (id, numeric) = Column(c);
            if (!numeric)
                throw c.Condition.Error(Position, $"column '{Name}' holds texts in {c.Source}, not numbers; compare it with a quoted text, e.g. {Name} == \"{value.ToString(CultureInfo.InvariantCulture)}\"");
            string compared = $"{c.Dialect.AsDouble(id)} {SqlOperator(op)} {value.ToString("R", CultureInfo.InvariantCulture)}";
            // A missing cell: false, but for != (true).
            return op == "!=" ? $"({id} IS NULL OR {compared})" : $"({id} IS NOT NULL AND {compared})";
        }
    }

    sealed class CompareText(string column, int position, string op, string value) : ColumnNode(column, position)
    {
        public override bool[] Evaluate(DataTable table, RowCondition c)
        {
            int j = Column(table, c);
            // An order of texts on a column of numbers ("10" < "5") is never what was meant: refused, not guessed.
            if (op is not ("==" or "!=") && table.IsNumeric(Name))
                throw c.Error(Position, $"column '{Name}' holds numbers and \"{value}\" is a quoted text, which would compare as text (\"10\" < \"5\"); " +
                                        (NumberParsing.TryParse(value, out _) ? $"write the number unquoted: {Name} {op} {value}" : "compare it with a number"));
            var result = new bool[table.RowCount];
            for (int i = 0; i < result.Length; i++)
            {
                int cmp = string.CompareOrdinal(table.Cell(j, i) ?? "", value);
                result[i] = Holds(op, cmp);
            }
            return result;
        }

        public override string Sql(SqlContext c)
        {
            var (id, numeric) = Column(c);
            if (numeric)
            {
                // A missing number reads as "", so == "" selects the missing cells; any other text would compare with
                // the number as the database prints it, which need not be as the file wrote it.
                if (value.Length == 0 && op is "==" or "!=") return $"({id} IS {(op == "==" ? "" : "NOT ")}NULL)";
                throw c.Condition.Error(Position, $"column '{Name}' holds numbers in {c.Source} and \"{value}\" is a quoted text; " +
                                                  (NumberParsing.TryParse(value, out _) ? $"write the number unquoted: {Name} {op} {value}" : "compare it with a number"));
            }
            // Texts compare by their bytes in the ordinal order, as string.CompareOrdinal does (PostgreSQL: the "C"
            // collation, whatever the database's); a missing text reads as "".
            string collate = c.Dialect == RweStats.Data.Sql.SqlDialect.PostgreSql && op is not ("==" or "!=") ? " COLLATE \"C\"" : "";
            return $"(COALESCE({c.Dialect.AsText(id)}, ''){collate} {SqlOperator(op)} {c.Dialect.Literal(value)})";
        }
    }

    static string SqlOperator(string op) => op switch { "==" => "=", "!=" => "<>", _ => op };

    /// <summary>Whether a comparison's result (negative, zero, positive) satisfies the operator; numbers and texts alike.</summary>
    static bool Holds(string op, int cmp) => op switch
    {
        "==" => cmp == 0, "!=" => cmp != 0, "<" => cmp < 0, "<=" => cmp <= 0, ">" => cmp > 0, _ => cmp >= 0,
    };

    enum Kind { Name, Number, Text, Operator, Open, Close, End }

    sealed record Token(Kind Kind, string Text, int Position)
    {
        public bool IsWord(string word) => Kind == Kind.Name && !Quoted && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
        public bool Quoted { get; init; }
    }

    sealed class Parser
    {
        readonly List<Token> tokens;
        readonly string text, option;
        int next;

        public Parser(string text, string option)
        {
            this.text = text;
            this.option = option;
            tokens = Tokenize();
        }

        RweStatsInputException Error(int position, string message) => new($"{option} '{Shown(text)}': position {position}: {message}");

        /// <summary>Deeper nesting of parentheses and 'not' than this is refused (the parser and the evaluation recurse).</summary>
        public const int MaxDepth = 100;
        /// <summary>More comparisons than this in one expression is refused (each one is a node evaluated per row).</summary>
        public const int MaxComparisons = 1000;
        int depth, comparisons;

        void Enter(int position)
        {
            if (++depth > MaxDepth) throw Error(position, $"parentheses and 'not' are nested more than {MaxDepth} deep; write the condition flatter");
        }

        Token Peek => tokens[next];

        public Node ParseAll()
        {
            if (Peek.Kind == Kind.End) throw Error(1, "the expression is empty; write e.g. PARAMCD == \"FEV1\"");
            var node = ParseOr();
            if (Peek.Kind != Kind.End) throw Error(Peek.Position, $"unexpected '{Peek.Text}'; join conditions with and / or");
            return node;
        }

        Node ParseOr()
        {
            var left = ParseAnd();
            while (Peek.IsWord("or")) { next++; left = new Or(left, ParseAnd()); }
            return left;
        }

        Node ParseAnd()
        {
            var left = ParseNot();
            while (Peek.IsWord("and")) { next++; left = new And(left, ParseNot()); }
            return left;
        }

        Node ParseNot()
        {
            if (Peek.IsWord("not"))
            {
                Enter(Peek.Position);
                next++;
                var negated = new Not(ParseNot());
                depth--;
                return negated;
            }
            return ParsePrimary();
        }

        Node ParsePrimary()
        {
            var t = Peek;
            if (t.Kind == Kind.Open)
            {
                Enter(t.Position);
                next++;
                var inner = ParseOr();
                if (Peek.Kind != Kind.Close) throw Error(Peek.Position, $"expected ')' to close the '(' at position {t.Position}");
                next++;
                depth--;
                return inner;
            }
            if (++comparisons > MaxComparisons) throw Error(t.Position, $"the expression has more than {MaxComparisons} comparisons");
            if (t.Kind != Kind.Name || (!t.Quoted && (t.IsWord("and") || t.IsWord("or") || t.IsWord("is"))))
                throw Error(t.Position, t.Kind == Kind.End ? "the expression ends where a column name was expected" : $"expected a column name, found '{t.Text}'");
            next++;
            var op = Peek;
            if (op.IsWord("is"))
            {
                next++;
                bool negated = false;
                if (Peek.IsWord("not")) { negated = true; next++; }
                if (!Peek.IsWord("missing")) throw Error(Peek.Position, "expected 'missing' after 'is' (COL is missing, COL is not missing)");
                next++;
                return new IsMissing(t.Text, t.Position, negated);
            }
            if (op.Kind != Kind.Operator)
                throw Error(op.Position, op.Kind == Kind.End
                    ? $"the expression ends after '{t.Text}'; expected == != < <= > >= or 'is missing'"
                    : $"expected == != < <= > >= or 'is missing' after '{t.Text}', found '{op.Text}'");
            next++;
            var value = Peek;
            next++;
            return value.Kind switch
            {
                Kind.Number => new CompareNumber(t.Text, t.Position, op.Text, double.Parse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture)),
                Kind.Text => new CompareText(t.Text, t.Position, op.Text, value.Text),
                Kind.End => throw Error(value.Position, $"the expression ends after '{op.Text}'; expected a number or a double-quoted text"),
                _ => throw Error(value.Position, $"expected a number or a double-quoted text after '{op.Text}', found '{value.Text}'" +
                                                 (value.Kind == Kind.Name ? $" (texts are quoted: \"{value.Text}\")" : "")),
            };
        }

        List<Token> Tokenize()
        {
            var list = new List<Token>();
            int i = 0;
            while (i < text.Length)
            {
                char ch = text[i];
                int position = i + 1;
                if (char.IsWhiteSpace(ch)) { i++; continue; }
                if (ch == '(') { list.Add(new Token(Kind.Open, "(", position)); i++; continue; }
                if (ch == ')') { list.Add(new Token(Kind.Close, ")", position)); i++; continue; }
                if (ch is '=' or '!' or '<' or '>')
                {
                    string two = i + 1 < text.Length ? text.Substring(i, 2) : ch.ToString();
                    if (two is "==" or "!=" or "<=" or ">=") { list.Add(new Token(Kind.Operator, two, position)); i += 2; continue; }
                    if (ch is '<' or '>') { list.Add(new Token(Kind.Operator, ch.ToString(), position)); i++; continue; }
                    throw Error(position, ch == '=' ? "write == for equality" : "write != for 'not equal', or 'not' before a condition");
                }
                if (ch == '"')
                {
                    var sb = new System.Text.StringBuilder();
                    int k = i + 1;
                    while (true)
                    {
                        if (k >= text.Length) throw Error(position, "the text opened here has no closing double quote");
                        if (text[k] == '\\' && k + 1 < text.Length && text[k + 1] is '"' or '\\') { sb.Append(text[k + 1]); k += 2; continue; }
                        if (text[k] == '"') { if (k + 1 < text.Length && text[k + 1] == '"') { sb.Append('"'); k += 2; continue; } break; }
                        sb.Append(text[k++]);
                    }
                    list.Add(new Token(Kind.Text, sb.ToString(), position));
                    i = k + 1;
                    continue;
                }
                if (ch == '\'') throw Error(position, "texts are written in double quotes, e.g. \"FEV1\"");
                if (ch == '`')
                {
                    int close = text.IndexOf('`', i + 1);
                    if (close < 0) throw Error(position, "the column name opened here with ` has no closing `");
                    list.Add(new Token(Kind.Name, text[(i + 1)..close], position) { Quoted = true });
                    i = close + 1;
                    continue;
                }
                if (char.IsDigit(ch) || ch is '-' or '+' or '.')
                {
                    int k = i + (ch is '-' or '+' ? 1 : 0);
                    while (k < text.Length && (char.IsDigit(text[k]) || text[k] == '.')) k++;
                    if (k < text.Length && text[k] is 'e' or 'E')
                    {
                        int e = k + 1;
                        if (e < text.Length && text[e] is '-' or '+') e++;
                        if (e < text.Length && char.IsDigit(text[e])) { k = e; while (k < text.Length && char.IsDigit(text[k])) k++; }
                    }
                    var number = text[i..k];
                    if (!NumberParsing.TryParse(number, out _)) throw Error(position, $"'{number}' is not a number");
                    list.Add(new Token(Kind.Number, number, position));
                    i = k;
                    continue;
                }
                if (char.IsLetter(ch) || ch == '_')
                {
                    int k = i;
                    while (k < text.Length && (char.IsLetterOrDigit(text[k]) || text[k] is '_' or '.')) k++;
                    list.Add(new Token(Kind.Name, text[i..k], position));
                    i = k;
                    continue;
                }
                throw Error(position, $"unexpected character '{ch}'");
            }
            list.Add(new Token(Kind.End, "", text.Length + 1));
            return list;
        }
    }
}
