using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RweStats.Workflow;

/// <summary>
/// A JSON value with the line and column where it starts, so that every validation error in a spec or
/// claims file can say "file:line:column: key 'x': ...". System.Text.Json's DOM drops positions; this
/// small tree keeps them (Utf8JsonReader.TokenStartIndex mapped to lines).
/// </summary>
internal sealed class JsonTree
{
    public JsonValueKind Kind { get; private init; }
    public int Line { get; private init; }
    public int Column { get; private init; }
    public string Path { get; private init; } = "$";
    public string File { get; private init; } = "";
    public string? Text { get; private init; }
    public IReadOnlyList<(string Key, JsonTree Value)> Properties { get; private init; } = Array.Empty<(string, JsonTree)>();
    public IReadOnlyList<JsonTree> Items { get; private init; } = Array.Empty<JsonTree>();

    public static JsonTree Load(string path)
    {
        if (!System.IO.File.Exists(path)) throw new RweStatsInputException($"{path}: file not found");
        return Parse(System.IO.File.ReadAllBytes(path), path);
    }

    public static JsonTree Parse(byte[] utf8, string file)
    {
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') lineStarts.Add(i + 1);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        try
        {
            if (!reader.Read()) throw new RweStatsInputException($"{file}: empty JSON file");
            var tree = Read(ref reader, utf8, lineStarts, file, "$");
            if (reader.Read()) throw new RweStatsInputException($"{file}: text after the end of the JSON value");
            return tree;
        }
        catch (JsonException e)
        {
            throw new RweStatsInputException($"{file}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: invalid JSON ({e.Message.Split('.')[0]})");
        }
    }

    static JsonTree Read(ref Utf8JsonReader r, byte[] utf8, List<int> lineStarts, string file, string path)
    {
        int offset = (int)r.TokenStartIndex;
        int line = lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        int column = Encoding.UTF8.GetCharCount(utf8, lineStarts[line], offset - lineStarts[line]) + 1;
        switch (r.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var props = new List<(string, JsonTree)>();
                while (r.Read() && r.TokenType != JsonTokenType.EndObject)
                {
                    var key = r.GetString()!;
                    r.Read();
                    props.Add((key, Read(ref r, utf8, lineStarts, file, $"{path}.{key}")));
                }
                return new JsonTree { Kind = JsonValueKind.Object, Line = line + 1, Column = column, Path = path, File = file, Properties = props };
            }
            case JsonTokenType.StartArray:
            {
                var items = new List<JsonTree>();
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                    items.Add(Read(ref r, utf8, lineStarts, file, $"{path}[{items.Count}]"));
                return new JsonTree { Kind = JsonValueKind.Array, Line = line + 1, Column = column, Path = path, File = file, Items = items };
            }
            case JsonTokenType.String:
                return new JsonTree { Kind = JsonValueKind.String, Line = line + 1, Column = column, Path = path, File = file, Text = r.GetString() };
            case JsonTokenType.Number:
                return new JsonTree { Kind = JsonValueKind.Number, Line = line + 1, Column = column, Path = path, File = file, Text = Encoding.UTF8.GetString(r.ValueSpan) };
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonTree { Kind = r.TokenType == JsonTokenType.True ? JsonValueKind.True : JsonValueKind.False, Line = line + 1, Column = column, Path = path, File = file };
            default:
                return new JsonTree { Kind = JsonValueKind.Null, Line = line + 1, Column = column, Path = path, File = file };
        }
    }

    /// <summary>An error located at this value.</summary>
    public RweStatsInputException Error(string message) => new($"{File}:{Line}:{Column}: {Path.TrimStart('$').TrimStart('.')}: {message}");

    public JsonTree? Get(string key) => Properties.FirstOrDefault(p => p.Key == key).Value;

    public JsonTree Required(string key) => Get(key) ?? throw Error($"missing required key '{key}'");

    /// <summary>Refuses keys outside the documented set (a typo would otherwise be silently ignored).</summary>
    public JsonTree ExpectObject(params string[] allowed)
    {
        if (Kind != JsonValueKind.Object) throw Error($"expected an object, found {Describe()}");
        foreach (var (key, value) in Properties)
            if (!allowed.Contains(key))
                throw value.Error($"unknown key '{key}'; {Data.ClosestName.Hint(key, allowed)}allowed here: {string.Join(", ", allowed)}");
        var duplicate = Properties.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw duplicate.Skip(1).First().Value.Error($"key '{duplicate.Key}' given twice");
        return this;
    }

    public string AsString()
    {
        if (Kind != JsonValueKind.String) throw Error($"expected a string, found {Describe()}");
        return Text!;
    }

    public double AsNumber()
    {
        if (Kind != JsonValueKind.Number) throw Error($"expected a number, found {Describe()}");
        return double.Parse(Text!, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public int AsInt()
    {
        var v = AsNumber();
        if (v != Math.Floor(v)) throw Error($"expected a whole number, found {Text}");
        return (int)v;
    }

    public bool AsBool() => Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"expected true or false, found {Describe()}"),
    };

    public IReadOnlyList<JsonTree> AsArray()
    {
        if (Kind != JsonValueKind.Array) throw Error($"expected an array, found {Describe()}");
        return Items;
    }

    public IReadOnlyList<string> AsStringArray() => AsArray().Select(i => i.AsString()).ToList();

    public string Choice(params string[] choices)
    {
        var s = AsString();
        if (!choices.Contains(s)) throw Error($"'{s}' is not one of: {string.Join(", ", choices)}");
        return s;
    }

    string Describe() => Kind switch
    {
        JsonValueKind.String => $"the string \"{Text}\"",
        JsonValueKind.Number => $"the number {Text}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
