using System.Globalization;

namespace RweStats.Data;

/// <summary>
/// A rectangular table read from a file, with the file line of each row so that every later error can point at
/// it. A column whose cells all read as finite numbers is stored as numbers (the text of a cell that is not
/// written the way the number prints, e.g. "007" or "12.50", is kept beside it); any other column keeps its texts.
/// Cells read as text through <see cref="Column"/> whatever the storage. Whether a model variable is numeric is
/// <see cref="IsNumeric"/>: the type its source declares (<see cref="DeclaredType"/>), or for a CSV column the
/// rule of <see cref="ColumnTyping"/>; a declared class variable is a class whatever its type (SAS CLASS, R factor()).
/// Missing cells are null (NaN among numbers).
/// </summary>
public sealed class DataTable
{
    readonly ColumnStorage[] storage;
    readonly string?[]?[] texts; // text views of numeric columns, built on first use

    /// <summary>A table of texts whose types no source declares (CSV-like): typed by <see cref="ColumnTyping"/>.</summary>
    public DataTable(string source, IReadOnlyList<string> columnNames, string?[][] columns, int[] lineNumbers)
        : this(source, columnNames, columns.Select(c => (ColumnStorage)new TextStorage(c)).ToArray(), lineNumbers) { }

    /// <summary>A table of texts with the type each column's source declares (aligned with the columns).</summary>
    public DataTable(string source, IReadOnlyList<string> columnNames, string?[][] columns, IReadOnlyList<DeclaredType> types, int[] lineNumbers)
        : this(source, columnNames, columns.Select((c, j) => (ColumnStorage)new TextStorage(c, types[j])).ToArray(), lineNumbers) { }

    internal DataTable(string source, IReadOnlyList<string> columnNames, ColumnStorage[] columns, int[] lineNumbers)
    {
        Source = source;
        ColumnNames = columnNames;
        storage = columns;
        texts = new string?[columns.Length][];
        LineNumbers = lineNumbers;
    }

    /// <summary>The file or relation the table was read from, for messages.</summary>
    public string Source { get; }
    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }
    /// <summary>Where each row came from: its line in a text file, or its row (observation) number in a binary or database source (<see cref="RowWord"/>).</summary>
    public int[] LineNumbers { get; }
    /// <summary>Number of rows.</summary>
    public int RowCount => LineNumbers.Length;

    /// <summary>What <see cref="LineNumbers"/> count: "line" (text files, the default), "row" (Parquet, DuckDB) or "observation" (SAS transport).</summary>
    public string RowWord { get; init; } = "line";

    /// <summary>Per-column metadata from self-describing sources (labels, SAS formats, special missing values), aligned with <see cref="ColumnNames"/>; null for CSV.</summary>
    public IReadOnlyList<ColumnMetadata>? Metadata { get; init; }

    /// <summary>What reading the source decided that its reader should know (a column of R row names dropped, say).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>Where a row is, for messages: "file:12" for a line of a text file, "file: observation 12" otherwise.</summary>
    public string Location(int row) =>
        RowWord == "line" ? $"{Source}:{LineNumbers[row]}" : $"{Source}: {RowWord} {LineNumbers[row]}";

    /// <summary>The label of a column (SAS variable label), or null when the source gives none.</summary>
    public string? ColumnLabel(string name)
    {
        int j = ColumnIndex(name);
        return j >= 0 && Metadata?[j].Label is { Length: > 0 } label ? label : null;
    }

    /// <summary>
    /// A table derived from this one (same source and row numbering): the given columns as texts, with the metadata and
    /// the declared type of the columns whose names it keeps (a new column is typed from its cells).
    /// </summary>
    public DataTable Derive(IReadOnlyList<string> columnNames, string?[][] columns, int[] lineNumbers) =>
        new(Source, columnNames, columns, columnNames.Select(n => ColumnIndex(n) is var j and >= 0 ? Declared(j) : DeclaredType.None).ToArray(), lineNumbers)
        {
            RowWord = RowWord,
            Notes = Notes,
            Metadata = Metadata is null ? null : columnNames.Select(n => ColumnIndex(n) is var j and >= 0 ? Metadata[j] with { MissingKinds = null } : ColumnMetadata.None).ToArray(),
        };

    /// <summary>The given rows (indices into this table, in their order) as a new table with the same storage kinds, row numbers and metadata.</summary>
    public DataTable SelectRows(int[] rows)
    {
        var columns = storage.Select(s => s.Select(rows)).ToArray();
        return new DataTable(Source, ColumnNames, columns, rows.Select(i => LineNumbers[i]).ToArray())
        {
            RowWord = RowWord,
            Notes = Notes,
            Metadata = Metadata?.Select(m => m.SelectRows(rows)).ToArray(),
        };
    }

    /// <summary>This table (same storage) with one more note, which the fit's notes repeat.</summary>
    public DataTable WithNote(string note) =>
        new(Source, ColumnNames, storage, LineNumbers) { RowWord = RowWord, Metadata = Metadata, Notes = Notes.Append(note).ToArray() };

    /// <summary>This table without column j (same storage), with a note saying why.</summary>
    internal DataTable WithoutColumn(int column, string note) =>
        new(Source, ColumnNames.Where((_, j) => j != column).ToArray(), storage.Where((_, j) => j != column).ToArray(), LineNumbers)
        {
            RowWord = RowWord,
            Metadata = Metadata?.Where((_, j) => j != column).ToArray(),
            Notes = Notes.Append(note).ToArray(),
        };

    /// <summary>Every column as texts (numeric columns are turned back into text on first use).</summary>
    public IReadOnlyList<string?[]> Columns => Enumerable.Range(0, storage.Length).Select(TextsOf).ToList();

    /// <summary>The index of a column, or −1.</summary>
    public int ColumnIndex(string name)
    {
        for (int j = 0; j < ColumnNames.Count; j++)
            if (ColumnNames[j] == name) return j;
        return -1;
    }

    /// <summary>The index of a column, or an input error naming the file and the columns it does have.</summary>
    public int RequireColumn(string name, string role)
    {
        int j = ColumnIndex(name);
        if (j < 0)
            throw RweStatsInputException.Naming(ClosestName.NoColumn(Source, name, role, ColumnNames));
        return j;
    }

    /// <summary>The column's cells as texts, or an input error naming the file and the columns it does have.</summary>
    public string?[] Column(string name, string role) => TextsOf(RequireColumn(name, role));

    string?[] TextsOf(int j)
    {
        if (storage[j] is TextStorage t) return t.Cells;
        return texts[j] ??= Enumerable.Range(0, RowCount).Select(storage[j].Text).ToArray();
    }

    /// <summary>Whether column j is held as numbers (8 bytes a cell) rather than texts; what the readers decide.</summary>
    internal bool IsStoredAsNumbers(int column) => storage[column] is NumericStorage;

    /// <summary>Whether cell (row) of column j is missing.</summary>
    public bool IsMissing(int column, int row) => storage[column].IsMissing(row);

    /// <summary>Sets missing[i] for every row whose cell in the column is missing (one pass over the column).</summary>
    public void MarkMissing(int column, bool[] missing) => storage[column].MarkMissing(missing);

    /// <summary>The first of the given rows (in their order) whose cell is missing or not a finite number, or −1.</summary>
    public int FirstNonNumber(int column, int[] rows)
    {
        if (storage[column] is NumericStorage n)
        {
            foreach (var i in rows) if (double.IsNaN(n.Values[i])) return i;
            return -1;
        }
        foreach (var i in rows) if (!storage[column].TryNumber(i, out _)) return i;
        return -1;
    }

    /// <summary>
    /// The cells of the given rows as finite numbers, into values; returns the index into rows of the first cell that
    /// is missing or not a number, or −1 when all are numbers.
    /// </summary>
    public int TryNumbers(int column, int[] rows, double[] values)
    {
        if (storage[column] is NumericStorage n)
        {
            var source = n.Values;
            for (int k = 0; k < rows.Length; k++)
                if (double.IsNaN(values[k] = source[rows[k]])) return k;
            return -1;
        }
        for (int k = 0; k < rows.Length; k++)
            if (!storage[column].TryNumber(rows[k], out values[k])) return k;
        return -1;
    }

    /// <summary>The text of one cell (null when missing).</summary>
    public string? Cell(int column, int row) => storage[column].Text(row);

    /// <summary>The cell as a finite number; false when it is missing or not a number.</summary>
    public bool TryNumber(int column, int row, out double value) => storage[column].TryNumber(row, out value);

    /// <summary>The type the column's source declares: numbers held as numbers are declared numeric.</summary>
    public DeclaredType Declared(int column) => storage[column] switch
    {
        NumericStorage => DeclaredType.Number,
        TextStorage t => t.Declared,
        _ => DeclaredType.None,
    };

    /// <summary>
    /// Whether the column is numeric in a model: as its source declares it (a text column is a class variable whatever
    /// characters it holds), or for an untyped (CSV) column by <see cref="ColumnTyping"/>'s rule — then a cell of a
    /// numeric column that is not a number is an error when the model reads it (<see cref="NotANumber"/>).
    /// </summary>
    public bool IsNumeric(string name)
    {
        int j = RequireColumn(name, "a model variable");
        if (storage[j] is NumericStorage n) return n.Values.Any(v => !double.IsNaN(v));
        var text = (TextStorage)storage[j];
        if (text.Declared != DeclaredType.None) return text.Declared == DeclaredType.Number;
        // Decided before the end when more than half the cells are texts: a column of labels is not read to its last row.
        return Tally(text.Cells, stopAboveTexts: text.Cells.Length / 2, out _).IsNumeric;
    }

    /// <summary>
    /// The cells of a text column counted by kind (<see cref="ColumnTyping"/>), each distinct string object typed once:
    /// the readers pool a column's texts, so a column of arms or sexes holds a few objects, not a string per row.
    /// Stops once the texts exceed <paramref name="stopAboveTexts"/>; <paramref name="firstText"/> is the first cell that is a text.
    /// </summary>
    static ColumnTyping.Tally Tally(string?[] cells, long stopAboveTexts, out string? firstText)
    {
        const int MostObjectsRemembered = 4096; // a column of distinct texts is typed cell by cell past this
        var tally = new ColumnTyping.Tally();
        var kinds = new Dictionary<string, ColumnTyping.CellKind>(ReferenceEqualityComparer.Instance);
        firstText = null;
        string? last = null;
        var kind = ColumnTyping.CellKind.Text;
        foreach (var c in cells)
        {
            if (c is null) continue;
            if (!ReferenceEquals(c, last))
            {
                if (!kinds.TryGetValue(c, out kind))
                {
                    kind = ColumnTyping.KindOf(c);
                    if (kinds.Count < MostObjectsRemembered) kinds[c] = kind;
                }
                last = c;
            }
            tally.Add(kind);
            if (kind == ColumnTyping.CellKind.Text)
            {
                firstText ??= c;
                if (tally.Texts > stopAboveTexts) break;
            }
        }
        return tally;
    }

    /// <summary>
    /// A note for an untyped column read as a class variable although some of its cells are numbers (fewer than its
    /// texts, <see cref="ColumnTyping"/>): the reader may have meant a covariate with its own missing-value text.
    /// Null when the column is typed, numeric, or holds no number.
    /// </summary>
    public string? MixedClassNote(string name)
    {
        int j = RequireColumn(name, "a model variable");
        if (storage[j] is not TextStorage { Declared: DeclaredType.None } text) return null;
        var tally = Tally(text.Cells, stopAboveTexts: long.MaxValue, out var firstText);
        if (tally.IsNumeric || tally.Numbers + tally.CommaNumbers == 0) return null;
        return $"{Source}: column '{name}' is a class variable: {tally.Numbers + tally.CommaNumbers} of its {tally.Numbers + tally.CommaNumbers + tally.Texts} " +
               $"cells are numbers, the others texts (e.g. '{firstText}'); if it is a numeric covariate, mark those texts missing";
    }

    /// <summary>
    /// The error for a cell of a numeric column that is not a number: file, line, column, value and the ways out
    /// (<see cref="ColumnTyping.NotANumber"/>). <paramref name="prefix"/> starts the message ("outcome value ").
    /// </summary>
    public RweStatsInputException NotANumber(int column, int row, bool canBeClass = true, string prefix = "") =>
        RweStatsInputException.AtCell(Location(row), ColumnNames[column], ModelSetting.MissingTokens,
            prefix + ColumnTyping.NotANumber(ColumnNames[column], Cell(column, row) ?? "", canBeClass));

    /// <summary>
    /// The column as integer codes into its distinct texts (in order of first appearance), −1 for missing: one pass,
    /// so that the model frame works on integers rather than hashing strings again and again.
    /// </summary>
    public EncodedColumn Encode(string name, string role)
    {
        int j = RequireColumn(name, role);
        var codes = new int[RowCount];
        var levels = new List<string>();
        if (storage[j] is NumericStorage { Originals: null } numbers)
        {
            if (EncodeSmallIntegers(numbers, codes, levels)) return new EncodedColumn(codes, levels.ToArray());
            // Keyed by value: every cell prints as its number, so equal values are equal texts.
            var byValue = new Dictionary<double, int>();
            for (int i = 0; i < codes.Length; i++)
            {
                double v = numbers.Values[i];
                if (double.IsNaN(v)) { codes[i] = -1; continue; }
                if (!byValue.TryGetValue(v, out int c)) { byValue[v] = c = levels.Count; levels.Add(numbers.Text(i)!); }
                codes[i] = c;
            }
            return new EncodedColumn(codes, levels.ToArray());
        }
        var col = TextsOf(j);
        // The reader pools texts, so a column holds few string objects, and the same objects come back row after row:
        // a subject's rows repeat its id and arm, a visit column cycles through a few labels. The last few distinct
        // objects are matched by reference; a text is hashed only when its object is not among them. (A dictionary of
        // objects besides the one of texts held every subject id twice: a tenth of the model frame's memory.)
        var byText = new Dictionary<string, int>(StringComparer.Ordinal);
        const int Recent = 8;
        var recentText = new string?[Recent];
        var recentCode = new int[Recent];
        int oldest = 0;
        for (int i = 0; i < col.Length; i++)
        {
            if (col[i] is not { } text) { codes[i] = -1; continue; }
            int c = -1;
            for (int r = 0; r < Recent; r++)
                if (ReferenceEquals(recentText[r], text)) { c = recentCode[r]; break; }
            if (c < 0)
            {
                if (!byText.TryGetValue(text, out c)) { byText[text] = c = levels.Count; levels.Add(text); }
                (recentText[oldest], recentCode[oldest]) = (text, c);
                oldest = (oldest + 1) % Recent;
            }
            codes[i] = c;
        }
        return new EncodedColumn(codes, levels.ToArray());
    }

    /// <summary>
    /// Codes of a column of small non-negative integers (subject numbers 1..n, visit numbers) through an array indexed
    /// by value instead of a dictionary; false (nothing written) when the values are not such integers.
    /// </summary>
    static bool EncodeSmallIntegers(NumericStorage numbers, int[] codes, List<string> levels)
    {
        var values = numbers.Values;
        double max = -1;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            if (v < 0 || v != Math.Floor(v) || v > 4.0 * values.Length + 1000 || (v == 0 && double.IsNegative(v))) return false;
            if (v > max) max = v;
        }
        var codeOf = new int[(int)max + 1];
        Array.Fill(codeOf, -1);
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v)) { codes[i] = -1; continue; }
            ref int c = ref codeOf[(int)v];
            // An integer below 10¹⁵ prints the same as a long as in round-trip format ("R"), and faster.
            if (c < 0) { c = levels.Count; levels.Add(((long)v).ToString(CultureInfo.InvariantCulture)); }
            codes[i] = c;
        }
        return true;
    }

    /// <summary>Parses one cell as a number or throws an error naming file, line and column.</summary>
    public double ParseNumber(string column, int row)
    {
        int j = RequireColumn(column, "a numeric variable");
        if (storage[j].IsMissing(row)) return double.NaN;
        if (!storage[j].TryNumber(row, out var v)) throw NotANumber(j, row, canBeClass: false);
        return v;
    }
}

/// <summary>How a column keeps its cells: texts, or numbers (with the original text of cells that print differently).</summary>
internal abstract class ColumnStorage
{
    public abstract string? Text(int row);
    public abstract bool IsMissing(int row);
    public abstract void MarkMissing(bool[] missing);
    public abstract bool TryNumber(int row, out double value);
    /// <summary>The given rows, in their order, in storage of the same kind.</summary>
    public abstract ColumnStorage Select(int[] rows);
}

internal sealed class TextStorage(string?[] cells, DeclaredType declared = DeclaredType.None) : ColumnStorage
{
    public string?[] Cells { get; } = cells;
    /// <summary>The type the source declares for these texts (a CSV column: none).</summary>
    public DeclaredType Declared { get; } = declared;
    public override string? Text(int row) => Cells[row];
    public override bool IsMissing(int row) => Cells[row] is null;
    public override void MarkMissing(bool[] missing)
    {
        for (int i = 0; i < Cells.Length; i++) if (Cells[i] is null) missing[i] = true;
    }
    public override bool TryNumber(int row, out double value)
    {
        value = double.NaN;
        return Cells[row] is { } c && NumberParsing.TryParse(c, out value);
    }
    public override ColumnStorage Select(int[] rows) => new TextStorage(rows.Select(i => Cells[i]).ToArray(), Declared);
}

internal sealed class NumericStorage(double[] values, RowTexts? originals) : ColumnStorage
{
    public double[] Values { get; } = values;
    /// <summary>Texts of the cells not written as their number prints ("007", "12.50"); null when there are none.</summary>
    public RowTexts? Originals { get; } = originals is { Count: > 0 } ? originals : null;
    public override string? Text(int row) =>
        double.IsNaN(Values[row]) ? null : Originals is not null && Originals.TryGetValue(row, out var s) ? s : NumberLabel.Text(Values[row]);
    public override bool IsMissing(int row) => double.IsNaN(Values[row]);
    public override void MarkMissing(bool[] missing)
    {
        for (int i = 0; i < Values.Length; i++) if (double.IsNaN(Values[i])) missing[i] = true;
    }
    public override bool TryNumber(int row, out double value)
    {
        value = Values[row];
        return !double.IsNaN(value);
    }
    public override ColumnStorage Select(int[] rows)
    {
        var values = new double[rows.Length];
        for (int k = 0; k < rows.Length; k++) values[k] = Values[rows[k]];
        RowTexts.Builder? originals = null;
        if (Originals is not null)
            for (int k = 0; k < rows.Length; k++)
                if (Originals.TryGetValue(rows[k], out var s)) (originals ??= new()).Add(k, s);
        return new NumericStorage(values, originals?.Build());
    }
}

/// <summary>
/// Texts of some of a column's cells, by row: the cells of a numeric column not written as their number prints. Two
/// arrays in row order, searched by bisection: 12 bytes a cell kept, nothing hashed (a file whose decimals keep their
/// trailing zeros, "25.00", keeps the text of every cell of that column).
/// </summary>
internal sealed class RowTexts
{
    readonly int[] rows;
    readonly string[] texts;

    RowTexts(int[] rows, string[] texts) { this.rows = rows; this.texts = texts; }

    public int Count => rows.Length;

    public bool TryGetValue(int row, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        int at = Array.BinarySearch(rows, row);
        text = at >= 0 ? texts[at] : null;
        return at >= 0;
    }

    /// <summary>Collects the texts in ascending row order (as a reader meets them).</summary>
    /// <param name="capacity">The number of texts when it is known (joining builders): no growing and copying on the way.</param>
    public sealed class Builder(int capacity = 0)
    {
        int[] rows = new int[capacity];
        string[] texts = new string[capacity];

        public int Count { get; private set; }
        public int Row(int entry) => rows[entry];
        public string Text(int entry) => texts[entry];

        public void Add(int row, string text)
        {
            if (Count > 0 && row <= rows[Count - 1]) throw new InvalidOperationException("cell texts must be added in ascending row order");
            if (Count == rows.Length)
            {
                Array.Resize(ref rows, Math.Max(4, 2 * Count));
                Array.Resize(ref texts, rows.Length);
            }
            rows[Count] = row;
            texts[Count++] = text;
        }

        /// <summary>The texts collected (the builder's arrays when they are full: not to be added to afterwards).</summary>
        public RowTexts Build() => Count == rows.Length ? new(rows, texts) : new(rows[..Count], texts[..Count]);
    }
}

/// <summary>
/// What a self-describing source says about a column: its label (SAS variable label), its SAS format name (e.g. DATE9:
/// the numbers are days since 1960-01-01) and, for SAS numeric variables, the kind of each special missing value
/// ('.' is not listed; '_' and 'A'–'Z' for ._ and .A–.Z), by row.
/// </summary>
public sealed record ColumnMetadata(string? Label = null, string? SasFormat = null, IReadOnlyDictionary<int, char>? MissingKinds = null)
{
    /// <summary>No label, format or special missing values.</summary>
    public static ColumnMetadata None { get; } = new();

    /// <summary>The kind of missing value of a row: '.', '_' or 'A'–'Z' (only meaningful when the cell is missing).</summary>
    public char MissingKind(int row) => MissingKinds is not null && MissingKinds.TryGetValue(row, out var k) ? k : '.';

    internal ColumnMetadata SelectRows(int[] rows)
    {
        if (MissingKinds is null) return this;
        var kinds = new Dictionary<int, char>();
        for (int k = 0; k < rows.Length; k++)
            if (MissingKinds.TryGetValue(rows[k], out var c)) kinds[k] = c;
        return this with { MissingKinds = kinds.Count > 0 ? kinds : null };
    }
}

/// <summary>A column as codes (−1 = missing) into its distinct texts, in order of first appearance.</summary>
public sealed record EncodedColumn(int[] Codes, string[] Levels);

/// <summary>
/// The text of a number used as a label (a subject id, a class level, a visit): its shortest round-trip text ("R",
/// invariant culture), as the in-memory table prints it and the streamed readers compare it.
/// </summary>
internal static class NumberLabel
{
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// The same text as UTF-8 bytes into <paramref name="into"/> (at least 32 bytes); returns its length. An integer
    /// below 10^15 in magnitude (the usual subject id) prints as the integer, so it is formatted as one: several
    /// times faster than the shortest round-trip search, which a million-subject file otherwise runs per subject.
    /// </summary>
    public static int Format(double value, Span<byte> into)
    {
        int written;
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value) && !(value == 0 && double.IsNegative(value)))
        {
            if (!((long)value).TryFormat(into, out written, default, CultureInfo.InvariantCulture))
                throw new ArgumentException("the buffer is too small for a number's text", nameof(into));
            return written;
        }
        if (!value.TryFormat(into, out written, "R", CultureInfo.InvariantCulture))
            throw new ArgumentException("the buffer is too small for a number's text", nameof(into));
        return written;
    }
}

/// <summary>Culture-invariant number reading used everywhere RweStats reads a number from text.</summary>
internal static class NumberParsing
{
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static bool TryParse(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The same reading from UTF-8 bytes (the CSV reader's path), with a fast path for plain decimals.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out double value) =>
        TryParsePlainDecimal(utf8, out value) ||
        (double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));

    static ReadOnlySpan<double> PowersOfTen =>
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// "[-+]digits[.digits]" with an integer mantissa M ≤ 2⁵³ and at most 22 decimals: M and 10^k are exact
    /// doubles, so M / 10^k is the correctly rounded value, the one double.Parse returns (Clinger 1990, "How to
    /// read floating point numbers accurately", the fast path). Anything else (exponents, long mantissas) goes to
    /// double.Parse.
    /// </summary>
    static bool TryParsePlainDecimal(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+')) { negative = s[0] == (byte)'-'; i = 1; }
        ulong mantissa = 0;
        int digits = 0, decimals = 0;
        bool point = false;
        for (; i < s.Length; i++)
        {
            uint d = (uint)(s[i] - (byte)'0');
            if (d <= 9)
            {
                if (++digits > 19) return false;
                mantissa = mantissa * 10 + d;
                if (point) decimals++;
            }
            else if (s[i] == (byte)'.' && !point) point = true;
            else return false;
        }
        if (digits == 0 || mantissa > (1UL << 53) || decimals > 22) return false;
        value = decimals == 0 ? mantissa : mantissa / PowersOfTen[decimals];
        if (negative) value = -value;
        return true;
    }
}
