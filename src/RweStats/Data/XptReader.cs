using System.Buffers.Binary;
using System.Text;

namespace RweStats.Data;

/// <summary>
/// Reads a SAS transport file (XPORT, the format of FDA submissions: CDISC SDTM/ADaM .xpt) into a <see cref="DataTable"/>,
/// version 5 (SAS TS-140, "Record layout of a SAS Version 5 or 6 data set in SAS transport format") and version 8
/// (its V8/V9 companion: 32-character names, long labels). Written from those public layouts:
/// <list type="bullet">
/// <item>The file is 80-byte records. A library header (LIBRARY or LIBV8) and two records of dates, then per member a
/// MEMBER/MEMBV8 header (whose last digits give the size of a variable description, 140 or 136 bytes), a DSCRPTR/DSCPTV8
/// header, two records naming the data set, a NAMESTR/NAMSTV8 header with the number of variables, one description
/// (NAMESTR) per variable packed across records, in V8 optional LABELV8/LABELV9 records with labels over 40 characters,
/// and an OBS/OBSV8 header followed by the observations, back to back, blank-padded to a whole record.</item>
/// <item>A NAMESTR (big-endian): type (1 numeric, 2 character) at 0, length at 4, number at 6, name (8) at 8, label (40)
/// at 16, format name (8) at 56, position in the observation at 84; in V8 the long name (32) at 88.</item>
/// <item>Numbers are IBM System/370 floating point, truncated to the variable's length (2 to 8 bytes): a sign bit, a
/// 7-bit base-16 exponent biased by 64 and a 56-bit fraction, value = ±0.fraction × 16^(exponent − 64). A missing value
/// is '.', '_' or 'A'–'Z' in the first byte (., ._, .A–.Z) and zeros after.</item>
/// </list>
/// Numbers become doubles exactly (a 56-bit fraction rounded once to 53 bits: exact for every value SAS wrote from a
/// double); special missing values are missing (NaN) with their kind kept in <see cref="ColumnMetadata.MissingKinds"/>;
/// texts lose their trailing blanks, and a blank text is missing, as in SAS. Labels and format names are kept as
/// metadata (a DATE format marks days since 1960-01-01). Rows are numbered by observation.
/// </summary>
public sealed class XptReader : ITableReader
{
    /// <summary>The reader (it keeps no state).</summary>
    public static readonly XptReader Instance = new();

    const int Record = 80;
    /// <summary>The longest observation believed (SAS's own limit is far below): a larger one is a corrupt description.</summary>
    const int MaxObservationWidth = 1 << 24;

    /// <inheritdoc/>
    public DataTable Read(TableSource source) => Read(source.Path, source.Member);

    /// <summary>Reads a data set of a SAS transport file (V5 or V8); <paramref name="member"/> names it when the library holds several.</summary>
    public static DataTable Read(string path, string? member = null)
    {
        if (!File.Exists(path)) throw new RweStatsInputException($"{path}: file not found");
        var info = new FileInfo(path);
        if (info.Length > Array.MaxLength)
            throw new RweStatsInputException($"{path}: the file is {info.Length / 1e9:F1} GB; RweStats reads SAS transport files up to {Array.MaxLength / 1e9:F1} GB: convert it to Parquet");
        return Read(File.ReadAllBytes(path), path, member);
    }

    sealed record Variable(string Name, bool Numeric, int Length, int Position, string? Label, string? Format);
    sealed record Member(string Name, IReadOnlyList<Variable> Variables, int DataStart, int DataEnd, bool V8);

    internal static DataTable Read(byte[] bytes, string source, string? memberName)
    {
        if (bytes.Length < 3 * Record || !(IsHeader(bytes, 0, "LIBRARY ") || IsHeader(bytes, 0, "LIBV8   ")))
        {
            if (Ascii(bytes, 0, Math.Min(bytes.Length, 40)).Contains("COMPRESSED", StringComparison.Ordinal))
                throw new RweStatsInputException($"{source}: a SAS CPORT file, not a transport (XPORT) file; write it with the XPORT engine or PROC COPY to an XPORT library");
            throw new RweStatsInputException($"{source}: not a SAS transport file (no library header record at the start){(bytes.Length < 3 * Record ? "; the file is empty or truncated" : "")}");
        }
        if (bytes.Length % Record != 0)
            throw new RweStatsInputException($"{source}: the file ends inside an 80-byte record ({bytes.Length} bytes); it is truncated or not a transport file");
        var members = new List<Member>();
        int pos = 3 * Record;
        while (pos < bytes.Length)
        {
            var m = ReadMember(bytes, ref pos, source);
            members.Add(m);
        }
        if (members.Count == 0)
            throw new RweStatsInputException($"{source}: the transport library holds no data set");
        Member chosen;
        if (memberName is not null)
            chosen = members.FirstOrDefault(m => string.Equals(m.Name, memberName, StringComparison.OrdinalIgnoreCase))
                     ?? throw new RweStatsInputException($"{source}: no data set '{memberName}'; {ClosestName.Hint(memberName, members.Select(m => m.Name))}the file holds: {string.Join(", ", members.Select(m => m.Name))}");
        else if (members.Count > 1)
            throw RweStatsInputException.Naming($"{source}: the file holds {members.Count} data sets ({string.Join(", ", members.Select(m => m.Name))}); name one with {{Member}} (spec: data.member)");
        else chosen = members[0];
        return ReadObservations(bytes, chosen, source);
    }

    static Member ReadMember(byte[] bytes, ref int pos, string source)
    {
        bool v8;
        if (IsHeader(bytes, pos, "MEMBER  ")) v8 = false;
        else if (IsHeader(bytes, pos, "MEMBV8  ")) v8 = true;
        else throw Corrupt(source, pos, "a MEMBER header record");
        int namestrSize = Digits(bytes, pos + 74, 4, source, pos);
        if (namestrSize is not (140 or 136)) throw Corrupt(source, pos, "a variable description size of 140 or 136");
        pos += Record;
        if (!IsHeader(bytes, pos, v8 ? "DSCPTV8 " : "DSCRPTR ")) throw Corrupt(source, pos, "a DSCRPTR header record");
        pos += Record;
        Need(bytes, pos, 2 * Record, source);
        string name = Ascii(bytes, pos + 8, v8 ? 32 : 8).TrimEnd();
        pos += 2 * Record;
        if (!IsHeader(bytes, pos, v8 ? "NAMSTV8 " : "NAMESTR ")) throw Corrupt(source, pos, "a NAMESTR header record");
        int count = Digits(bytes, pos + 54, 4, source, pos);
        pos += Record;
        int namestrBytes = count * namestrSize;
        Need(bytes, pos, namestrBytes, source);
        var variables = new List<Variable>(count);
        for (int k = 0; k < count; k++)
        {
            var d = bytes.AsSpan(pos + k * namestrSize, namestrSize);
            int type = BinaryPrimitives.ReadInt16BigEndian(d);
            int length = BinaryPrimitives.ReadInt16BigEndian(d[4..]);
            string shortName = Ascii(d[8..16]).TrimEnd();
            string label = Text(d[16..56]);
            string format = Ascii(d[56..64]).TrimEnd();
            int position = BinaryPrimitives.ReadInt32BigEndian(d[84..]);
            string longName = v8 && namestrSize >= 120 ? Ascii(d[88..120]).TrimEnd() : "";
            string varName = longName.Length > 0 ? longName : shortName;
            // A position near 2^31 would overflow the observation's width: an observation is never near that long.
            if (type is not (1 or 2) || length <= 0 || (type == 1 && length is < 2 or > 8) || position < 0 || (long)position + length > MaxObservationWidth || varName.Length == 0)
                throw new RweStatsInputException($"{source}: data set '{name}': the description of variable {k + 1} is not valid (type {type}, length {length}, position {position}); the file is corrupt");
            variables.Add(new Variable(varName, type == 1, length, position, label.Length > 0 ? label : null, format.Length > 0 ? format : null));
        }
        pos += (namestrBytes + Record - 1) / Record * Record;
        // V8: labels longer than 40 characters (LABELV8), or labels and long format names (LABELV9).
        while (IsHeader(bytes, pos, "LABELV8 ") || IsHeader(bytes, pos, "LABELV9 "))
        {
            bool v9 = IsHeader(bytes, pos, "LABELV9 ");
            int labels = LeadingDigits(bytes, pos + 48, 32);
            pos += Record;
            int p = pos;
            for (int k = 0; k < labels; k++)
            {
                Need(bytes, p, v9 ? 10 : 6, source);
                int number = BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(p));
                int nameLength = BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(p + 2));
                int labelLength = BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(p + 4));
                int formatLength = v9 ? BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(p + 6)) : 0;
                int informatLength = v9 ? BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(p + 8)) : 0;
                p += v9 ? 10 : 6;
                if (nameLength < 0 || labelLength < 0 || formatLength < 0 || informatLength < 0)
                    throw new RweStatsInputException($"{source}: data set '{name}': a long label record gives a negative length (name {nameLength}, label {labelLength}, format {formatLength}, informat {informatLength}) at byte {p - (v9 ? 10 : 6)}; the file is corrupt");
                Need(bytes, p, nameLength + labelLength + formatLength + informatLength, source);
                if (number < 1 || number > variables.Count)
                    throw new RweStatsInputException($"{source}: data set '{name}': a long label names variable {number}, which does not exist; the file is corrupt");
                string label = Text(bytes.AsSpan(p + nameLength, labelLength));
                string? format = formatLength > 0 ? Ascii(bytes.AsSpan(p + nameLength + labelLength, formatLength)).TrimEnd() : null;
                var v = variables[number - 1];
                variables[number - 1] = v with { Label = label.Length > 0 ? label : v.Label, Format = format ?? v.Format };
                p += nameLength + labelLength + formatLength + informatLength;
            }
            pos += (p - pos + Record - 1) / Record * Record;
        }
        if (!IsHeader(bytes, pos, v8 ? "OBSV8   " : "OBS     ")) throw Corrupt(source, pos, "an OBS header record");
        pos += Record;
        int start = pos;
        while (pos < bytes.Length && !IsHeader(bytes, pos, "MEMBER  ") && !IsHeader(bytes, pos, "MEMBV8  ")) pos += Record;
        var duplicate = variables.GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new RweStatsInputException($"{source}: data set '{name}' names variable '{duplicate.Key}' twice; the file is corrupt");
        return new Member(name, variables, start, pos, v8);
    }

    static DataTable ReadObservations(byte[] bytes, Member member, string source)
    {
        var vars = member.Variables;
        int width = vars.Count == 0 ? 0 : vars.Max(v => v.Position + v.Length);
        if (width == 0) throw new RweStatsInputException($"{source}: data set '{member.Name}' has no variables");
        int length = member.DataEnd - member.DataStart;
        int rows = length / width;
        // The last record is blank-padded: blank "observations" starting in it are padding, not data (TS-140).
        while (rows > 0 && (member.DataStart + (rows - 1) * width) >= member.DataEnd - Record
               && bytes.AsSpan(member.DataStart + (rows - 1) * width, width).IndexOfAnyExcept((byte)' ') < 0)
            rows--;
        if (rows == 0) throw new RweStatsInputException($"{source}: data set '{member.Name}' has no observations");
        // After the last observation only blank padding may follow: anything else is an observation cut short, and
        // reading the whole ones alone would drop it (and the subjects after it) silently.
        int end = member.DataStart + rows * width;
        if (bytes.AsSpan(end, member.DataEnd - end).IndexOfAnyExcept((byte)' ') is var partial and >= 0)
            throw new RweStatsInputException(
                $"{source}: data set '{member.Name}': the data end inside observation {(end + partial - member.DataStart) / width + 1} (byte {end + partial} of {bytes.Length}, observations of {width} bytes); the file is truncated");
        var storage = new ColumnStorage[vars.Count];
        var metadata = new ColumnMetadata[vars.Count];
        var pool = new CsvTableReader.StringPool();
        Span<byte> ibm = stackalloc byte[8];
        for (int j = 0; j < vars.Count; j++)
        {
            var v = vars[j];
            if (v.Numeric)
            {
                var values = new double[rows];
                Dictionary<int, char>? kinds = null;
                for (int i = 0; i < rows; i++)
                {
                    ibm.Clear();
                    bytes.AsSpan(member.DataStart + i * width + v.Position, v.Length).CopyTo(ibm);
                    values[i] = FromIbm(ibm, out char kind);
                    if (kind is not ('\0' or '.')) (kinds ??= new())[i] = kind;
                }
                storage[j] = new NumericStorage(values, null);
                metadata[j] = new ColumnMetadata(v.Label, v.Format, kinds);
            }
            else
            {
                var cells = new string?[rows];
                for (int i = 0; i < rows; i++)
                {
                    var cell = bytes.AsSpan(member.DataStart + i * width + v.Position, v.Length).TrimEnd((byte)' ').TrimEnd((byte)0);
                    cells[i] = cell.IsEmpty ? null
                        : System.Text.Unicode.Utf8.IsValid(cell) ? pool.Get(cell) : pool.Get(Encoding.Latin1.GetString(cell).AsSpan());
                }
                storage[j] = new TextStorage(cells, DeclaredType.Text); // a SAS character variable: a CLASS variable whatever it holds
                metadata[j] = new ColumnMetadata(v.Label, v.Format);
            }
        }
        return new DataTable(source, vars.Select(v => v.Name).ToArray(), storage, Enumerable.Range(1, rows).ToArray())
        {
            RowWord = "observation",
            Metadata = metadata,
        };
    }

    /// <summary>
    /// An IBM System/370 double (8 bytes, big-endian, truncated values zero-padded) as an IEEE double: the 56-bit
    /// fraction times 2^(4·(exponent − 64) − 56), rounded once (the conversion of the integer fraction) and scaled
    /// exactly (the IBM range, 5.4e−79 to 7.2e75, is within the normal doubles). Missing values give NaN and their kind.
    /// </summary>
    public static double FromIbm(ReadOnlySpan<byte> b, out char missingKind)
    {
        missingKind = '\0';
        ulong fraction = BinaryPrimitives.ReadUInt64BigEndian(b) & 0x00FF_FFFF_FFFF_FFFFUL;
        byte first = b[0];
        if (fraction == 0 && (first == (byte)'.' || first == (byte)'_' || (first >= (byte)'A' && first <= (byte)'Z')))
        {
            missingKind = (char)first;
            return double.NaN;
        }
        bool negative = (first & 0x80) != 0;
        if (fraction == 0) return negative ? -0.0 : 0.0;
        int exponent = (first & 0x7F) - 64;
        double value = Math.ScaleB((double)fraction, 4 * exponent - 56);
        return negative ? -value : value;
    }

    static bool IsHeader(byte[] bytes, int pos, string kind)
    {
        if (pos < 0 || pos + Record > bytes.Length) return false;
        var r = bytes.AsSpan(pos, 48);
        return r[..20].SequenceEqual("HEADER RECORD*******"u8) && Ascii(r[20..28]) == kind && r[28..48].SequenceEqual("HEADER RECORD!!!!!!!"u8);
    }

    static void Need(byte[] bytes, int pos, int count, string source)
    {
        if (pos + count > bytes.Length)
            throw new RweStatsInputException($"{source}: the file ends at byte {bytes.Length} inside the variable descriptions (needs {pos + count}); it is truncated");
    }

    static RweStatsInputException Corrupt(string source, int pos, string expected) =>
        new($"{source}: expected {expected} at byte {pos}; the file is truncated or corrupt");

    static int Digits(byte[] bytes, int pos, int count, string source, int record)
    {
        int value = 0;
        for (int k = 0; k < count; k++)
        {
            uint d = (uint)(bytes[pos + k] - (byte)'0');
            if (d > 9) throw Corrupt(source, record, "a header record with digits in its count field");
            value = value * 10 + (int)d;
        }
        return value;
    }

    static int LeadingDigits(byte[] bytes, int pos, int max)
    {
        int value = 0;
        for (int k = 0; k < max && pos + k < bytes.Length; k++)
        {
            uint d = (uint)(bytes[pos + k] - (byte)'0');
            if (d > 9) break;
            value = value * 10 + (int)d;
        }
        return value;
    }

    static string Ascii(byte[] bytes, int pos, int count) => Ascii(bytes.AsSpan(pos, count));
    static string Ascii(ReadOnlySpan<byte> b) => Encoding.Latin1.GetString(b);

    /// <summary>A label or text field: UTF-8 when it is valid UTF-8, Latin-1 otherwise; trailing blanks removed.</summary>
    static string Text(ReadOnlySpan<byte> b)
    {
        b = b.TrimEnd((byte)' ').TrimEnd((byte)0);
        return System.Text.Unicode.Utf8.IsValid(b) ? Encoding.UTF8.GetString(b) : Encoding.Latin1.GetString(b);
    }
}
