using System.Globalization;
using RweStats.Model;

namespace RweStats.Inference;

/// <summary>One parsed contrast: its label and rows L (full column space), each with the text it came from.</summary>
public sealed record ParsedContrast(string Label, string Kind, string Source, IReadOnlyList<(string expression, double[] row)> Rows);

/// <summary>
/// Custom contrasts written on the LS-mean scale (in the spirit of SAS LSMESTIMATE and emmeans::contrast):
/// <list type="bullet">
/// <item><c>--contrast "LABEL: 2*visit[M6] - visit[M0] - visit[M12]"</c>: a linear combination of cells; a cell
/// names one level of one or more class variables of the model, <c>visit[M6]</c> or <c>ARMCD[TRT]:AVISIT[VIS4]</c>,
/// and stands for the LS mean of that cell (the other class variables averaged with equal weights, covariates at
/// their means; see <see cref="LsMeans"/>).</item>
/// <item><c>--contrast-lsmeans "AVISIT*ARMCD: VIS4 TRT - VIS4 PBO"</c>: the LS means of one effect by their level
/// names, in the effect's variable order; a level with spaces is written in double quotes.</item>
/// </list>
/// Several rows separated by ';' form one contrast, tested jointly by an F test (SAS CONTRAST). The label is
/// the text before the first ':' that does not close a cell (i.e. not preceded by ']'); without one the whole
/// text is the label. Errors name the offending token.
/// </summary>
internal static class ContrastParser
{
    static readonly System.Text.RegularExpressions.Regex NumberPattern =
        new(@"\G(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static ParsedContrast ParseCustom(string text, FixedEffectsDesign design)
    {
        string option = "{Contrast}";
        int colon = -1;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == ':' && (i == 0 || text[..i].TrimEnd() is var before && !before.EndsWith(']'))) { colon = i; break; }
        string label = colon >= 0 ? text[..colon].Trim() : text.Trim();
        string body = colon >= 0 ? text[(colon + 1)..] : text;
        var rows = SplitRows(body, option, text).Select(r => (r, ParseCellExpression(r, design, option, text))).ToList();
        return new ParsedContrast(label.Length > 0 ? label : body.Trim(), "custom", text, rows);
    }

    public static ParsedContrast ParseLsMeans(string text, FixedEffectsDesign design)
    {
        string option = "{LsMeanContrast}";
        int colon = text.IndexOf(':');
        if (colon <= 0)
            throw RweStatsInputException.Naming($"{option} '{text}': write it as \"EFFECT: LEVELS - LEVELS\", e.g. \"AVISIT*ARMCD: VIS4 TRT - VIS4 PBO\"");
        string effectText = text[..colon].Trim();
        var effect = LsMeans.ParseEffect(effectText, design);
        var rows = SplitRows(text[(colon + 1)..], option, text)
            .Select(r => (r, ParseLevelExpression(r, effect, design, option, text))).ToList();
        return new ParsedContrast(text.Trim(), "lsmeans", text, rows);
    }

    static IReadOnlyList<string> SplitRows(string body, string option, string text)
    {
        var rows = body.Split(';').Select(r => r.Trim()).ToList();
        if (rows.Any(r => r.Length == 0))
            throw RweStatsInputException.Naming($"{option} '{text}': an empty row (check the ';' separators)");
        return rows;
    }

    /// <summary>Sum of coefficient × LS-mean row over terms "[+|-] [number *] cell".</summary>
    static double[] ParseCellExpression(string expr, FixedEffectsDesign design, string option, string text)
    {
        var row = new double[design.ColumnCount];
        int pos = 0;
        bool any = false;
        while (true)
        {
            SkipSpace(expr, ref pos);
            if (pos >= expr.Length) break;
            double sign = 1;
            if (expr[pos] is '+' or '-') { sign = expr[pos] == '-' ? -1 : 1; pos++; SkipSpace(expr, ref pos); }
            else if (any) throw Error(option, text, expr[pos..], "expected '+' or '-' between terms");
            double coefficient = 1;
            int numberStart = pos;
            var numberMatch = NumberPattern.Match(expr, pos);
            if (numberMatch.Success) pos += numberMatch.Length;
            if (pos > numberStart)
            {
                string number = expr[numberStart..pos];
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out coefficient))
                    throw Error(option, text, number, "not a number");
                SkipSpace(expr, ref pos);
                if (pos < expr.Length && expr[pos] == '*') { pos++; SkipSpace(expr, ref pos); }
                else if (pos < expr.Length && expr[pos] == '/')
                {
                    pos++; SkipSpace(expr, ref pos);
                    int ds = pos;
                    while (pos < expr.Length && (char.IsDigit(expr[pos]) || expr[pos] == '.')) pos++;
                    if (!double.TryParse(expr[ds..pos], NumberStyles.Float, CultureInfo.InvariantCulture, out var den) || den == 0)
                        throw Error(option, text, expr[ds..Math.Min(expr.Length, pos + 1)], "not a non-zero divisor");
                    coefficient /= den;
                    SkipSpace(expr, ref pos);
                    if (pos < expr.Length && expr[pos] == '*') { pos++; SkipSpace(expr, ref pos); }
                }
                else throw Error(option, text, number, "a coefficient must be followed by '*' and a cell such as visit[M6]");
            }
            // cell: name[level](:name[level])*
            var levels = new Dictionary<string, string>();
            while (true)
            {
                int nameStart = pos;
                while (pos < expr.Length && expr[pos] != '[' && !char.IsWhiteSpace(expr[pos]) && expr[pos] is not ('+' or '-' or ';')) pos++;
                string name = expr[nameStart..pos];
                if (pos >= expr.Length || expr[pos] != '[')
                    throw Error(option, text, name.Length > 0 ? name : expr[nameStart..], "expected a cell VARIABLE[LEVEL], e.g. visit[M6]");
                int close = expr.IndexOf(']', pos);
                if (close < 0) throw Error(option, text, expr[nameStart..], "no closing ']'");
                string level = expr[(pos + 1)..close].Trim();
                pos = close + 1;
                string token = expr[nameStart..pos];
                if (!design.Frame.ClassVariables.TryGetValue(name, out var cv) || !design.Terms.Any(t => t.Variables.Contains(name)))
                    throw Error(option, text, token, $"'{name}' is not a class variable of the model ({string.Join(", ", ModelClassVariables(design))})");
                if (!cv.Levels.Contains(level))
                    throw Error(option, text, token, $"'{level}' is not a level of '{name}' (levels: {string.Join(", ", cv.Levels)})");
                if (!levels.TryAdd(name, level))
                    throw Error(option, text, token, $"'{name}' appears twice in one cell");
                if (pos < expr.Length && expr[pos] == ':') { pos++; continue; }
                break;
            }
            var cellRow = LsMeanRow(design, levels);
            for (int j = 0; j < row.Length; j++) row[j] += sign * coefficient * cellRow[j];
            any = true;
        }
        if (!any) throw Error(option, text, expr, "no terms");
        return row;
    }

    static double[] ParseLevelExpression(string expr, IReadOnlyList<ClassVariable> effect, FixedEffectsDesign design, string option, string text)
    {
        var tokens = Tokenize(expr, option, text);
        var row = new double[design.ColumnCount];
        int i = 0;
        bool any = false;
        while (i < tokens.Count)
        {
            double sign = 1;
            if (tokens[i] is "+" or "-") { sign = tokens[i] == "-" ? -1 : 1; i++; }
            else if (any) throw Error(option, text, tokens[i], "expected '+' or '-' between LS means");
            if (i >= tokens.Count) throw Error(option, text, expr, "ends with an operator");
            double coefficient = 1;
            int star = tokens[i].IndexOf('*');
            if (star > 0 && double.TryParse(tokens[i][..star], NumberStyles.Float, CultureInfo.InvariantCulture, out var cf))
            {
                coefficient = cf;
                tokens[i] = tokens[i][(star + 1)..];
                if (tokens[i].Length == 0) tokens.RemoveAt(i);
            }
            var levels = new Dictionary<string, string>();
            foreach (var cv in effect)
            {
                if (i >= tokens.Count || tokens[i] is "+" or "-")
                    throw Error(option, text, expr, $"each LS mean needs {effect.Count} level(s), one per variable of {LsMeans.EffectName(effect)}");
                if (!cv.Levels.Contains(tokens[i]))
                    throw Error(option, text, tokens[i], $"not a level of '{cv.Name}' (levels: {string.Join(", ", cv.Levels)})");
                levels[cv.Name] = tokens[i++];
            }
            var cellRow = LsMeanRow(design, levels);
            for (int j = 0; j < row.Length; j++) row[j] += sign * coefficient * cellRow[j];
            any = true;
        }
        if (!any) throw Error(option, text, expr, "no terms");
        return row;
    }

    static List<string> Tokenize(string expr, string option, string text)
    {
        var tokens = new List<string>();
        int pos = 0;
        while (pos < expr.Length)
        {
            if (char.IsWhiteSpace(expr[pos])) { pos++; continue; }
            if (expr[pos] == '"')
            {
                int close = expr.IndexOf('"', pos + 1);
                if (close < 0) throw Error(option, text, expr[pos..], "no closing '\"'");
                tokens.Add(expr[(pos + 1)..close]);
                pos = close + 1;
                continue;
            }
            int start = pos;
            while (pos < expr.Length && !char.IsWhiteSpace(expr[pos])) pos++;
            tokens.Add(expr[start..pos]);
        }
        return tokens;
    }

    /// <summary>The LS-mean row of a cell: the given levels fixed, other class variables averaged, covariates at their means.</summary>
    public static double[] LsMeanRow(FixedEffectsDesign design, IReadOnlyDictionary<string, string> levels) =>
        design.Row((cv, level) => levels.TryGetValue(cv.Name, out var f) ? (level == f ? 1.0 : 0.0) : 1.0 / cv.Levels.Count,
                   name => design.CovariateMeans[name]);

    static IEnumerable<string> ModelClassVariables(FixedEffectsDesign design)
    {
        var used = design.Terms.SelectMany(t => t.Variables).ToHashSet();
        return design.Frame.ClassVariables.Keys.Where(used.Contains);
    }

    static void SkipSpace(string s, ref int pos) { while (pos < s.Length && char.IsWhiteSpace(s[pos])) pos++; }

    static RweStatsInputException Error(string option, string text, string token, string why) =>
        RweStatsInputException.Naming($"{option} '{text}': at '{token.Trim()}': {why}");
}
