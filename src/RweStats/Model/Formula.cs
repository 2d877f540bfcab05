namespace RweStats.Model;

/// <summary>One model term: a product of variables (main effect when one variable, interaction otherwise).</summary>
public sealed record Term(IReadOnlyList<string> Variables)
{
    /// <summary>The intercept: the term with no variables.</summary>
    public static Term Intercept { get; } = new(Array.Empty<string>());
    /// <summary>True for the intercept.</summary>
    public bool IsIntercept => Variables.Count == 0;
    /// <summary>R's name (a:b); SAS prints a*b.</summary>
    public string Name => IsIntercept ? "Intercept" : string.Join(":", Variables);
    /// <summary>SAS's name of the term (a*b).</summary>
    public string SasName => IsIntercept ? "Intercept" : string.Join("*", Variables);
    /// <summary>The same variables, in any order (a:b is b:a).</summary>
    public bool SameAs(Term other) => Variables.Count == other.Variables.Count && Variables.All(other.Variables.Contains);
    /// <summary>R's name of the term (<see cref="Name"/>).</summary>
    public override string ToString() => Name;
}

/// <summary>
/// An R-style model formula <c>y ~ a + b + a:b</c>. Supported operators, as in R's model formulae
/// (Chambers &amp; Hastie 1992, ch. 2): <c>+</c> adds terms, <c>:</c> interacts, <c>a*b</c> = a + b + a:b,
/// <c>-</c> removes a term, <c>-1</c> or <c>+0</c> removes the intercept, parentheses group, and
/// backquotes quote a column name with spaces or symbols.
/// </summary>
public sealed record Formula(string Response, bool HasIntercept, IReadOnlyList<Term> Terms, string Text)
{
    /// <summary>Every variable the right-hand side uses, in first-appearance order.</summary>
    public IReadOnlyList<string> RhsVariables => Terms.SelectMany(t => t.Variables).Distinct().ToList();

    /// <summary>The terms including the intercept (first) when present, in the order SAS lists them.</summary>
    public IReadOnlyList<Term> TermsWithIntercept => HasIntercept ? new[] { Term.Intercept }.Concat(Terms).ToList() : Terms;

    /// <summary>Parses <c>response ~ terms</c>.</summary>
    /// <exception cref="RweStatsInputException">The text is not a formula (no '~', no response, nothing to fit, a syntax error).</exception>
    public static Formula Parse(string text)
    {
        var tilde = text.IndexOf('~');
        if (tilde < 0)
            throw Error(text, "has no '~'; write it as \"OUTCOME ~ TERM + TERM\"");
        var lhs = text[..tilde].Trim().Trim('`');
        if (lhs.Length == 0) throw Error(text, "has no response on the left of '~'");
        var parser = new Parser(text, tilde + 1);
        var (terms, intercept) = parser.ParseRhs();
        if (terms.Count == 0 && !intercept)
            throw Error(text, "has neither an intercept nor any term; nothing to fit");
        return new Formula(lhs, intercept, terms, text);
    }

    internal static RweStatsInputException Error(string text, string what) => new($"formula \"{Shown(text)}\" {what}");
    /// <summary>A long formula is echoed by its start only.</summary>
    static string Shown(string text) => Echo.Shown(text);

    /// <summary>Deeper nesting of parentheses than this is refused (the parser recurses).</summary>
    public const int MaxDepth = 100;
    /// <summary>
    /// More terms than this is refused before they are built: "a*b*c*…" doubles the terms with each factor (2^k − 1),
    /// and no model fits a thousand terms.
    /// </summary>
    public const int MaxTerms = 1024;

    sealed class Parser(string text, int start)
    {
        int pos = start, depth;

        void Bound(long terms)
        {
            if (terms > MaxTerms)
                throw Error(text, $"expands to more than {MaxTerms} terms ({(terms > 1_000_000 ? "over a million" : terms.ToString(System.Globalization.CultureInfo.InvariantCulture))}); cross fewer factors (a*b*c is every interaction of a, b and c)");
        }

        public (List<Term> terms, bool intercept) ParseRhs()
        {
            SkipSpace();
            if (pos >= text.Length) throw Error(text, "has nothing on the right of '~'; write e.g. \"y ~ visit\" (or \"y ~ 1\" for intercept only)");
            var set = ParseSum();
            SkipSpace();
            if (pos < text.Length) throw Error(text, $"has an unexpected '{text[pos]}' at position {pos + 1}");
            bool intercept = set.Intercept ?? true;
            return (set.Terms, intercept);
        }

        // A set of terms plus what it says of the intercept (null: nothing said).
        sealed record TermSet(List<Term> Terms, bool? Intercept);

        TermSet ParseSum()
        {
            var result = new List<Term>();
            bool? intercept = null;
            bool first = true;
            while (true)
            {
                SkipSpace();
                int sign = +1;
                if (Peek('+')) { pos++; if (first) { } }
                else if (Peek('-')) { pos++; sign = -1; }
                else if (!first) break;
                SkipSpace();
                var operand = ParseProduct();
                if (sign > 0)
                {
                    foreach (var t in operand.Terms) Add(result, t);
                    if (operand.Intercept.HasValue) intercept = operand.Intercept;
                }
                else
                {
                    foreach (var t in operand.Terms) result.RemoveAll(r => r.SameAs(t));
                    if (operand.Intercept == true) intercept = false;
                }
                first = false;
                SkipSpace();
                if (!(Peek('+') || Peek('-'))) break;
            }
            return new TermSet(result, intercept);
        }

        TermSet ParseProduct()
        {
            var left = ParseInteraction();
            while (true)
            {
                SkipSpace();
                if (!Peek('*')) return left;
                pos++;
                var right = ParseInteraction();
                Bound((long)left.Terms.Count * right.Terms.Count + left.Terms.Count + right.Terms.Count);
                var terms = new List<Term>();
                foreach (var t in left.Terms) Add(terms, t);
                foreach (var t in right.Terms) Add(terms, t);
                foreach (var t in Cross(left.Terms, right.Terms)) Add(terms, t);
                left = new TermSet(terms, null);
            }
        }

        TermSet ParseInteraction()
        {
            var left = ParseAtom();
            while (true)
            {
                SkipSpace();
                if (!Peek(':')) return left;
                pos++;
                var right = ParseAtom();
                Bound((long)left.Terms.Count * right.Terms.Count);
                left = new TermSet(Cross(left.Terms, right.Terms), null);
            }
        }

        TermSet ParseAtom()
        {
            SkipSpace();
            if (pos >= text.Length) throw Error(text, "ends where a term was expected");
            char c = text[pos];
            if (c == '(')
            {
                if (++depth > MaxDepth) throw Error(text, $"nests parentheses more than {MaxDepth} deep (position {pos + 1})");
                pos++;
                var inner = ParseSum();
                SkipSpace();
                if (!Peek(')')) throw Error(text, $"has an unclosed '(' (position {pos + 1})");
                pos++;
                depth--;
                return inner;
            }
            if (c == '1' || c == '0')
            {
                int save = pos++;
                if (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_' || text[pos] == '.'))
                    pos = save; // a name that starts with a digit, read below
                else
                    return new TermSet(new List<Term>(), c == '1');
            }
            if (c == '`')
            {
                int end = text.IndexOf('`', pos + 1);
                if (end < 0) throw Error(text, "has an unclosed backquote");
                var name = text[(pos + 1)..end];
                pos = end + 1;
                return new TermSet(new List<Term> { new(new[] { name }) }, null);
            }
            int s = pos;
            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_' || text[pos] == '.')) pos++;
            if (pos == s) throw Error(text, $"has an unexpected '{c}' at position {pos + 1}");
            return new TermSet(new List<Term> { new(new[] { text[s..pos] }) }, null);
        }

        static List<Term> Cross(List<Term> a, List<Term> b)
        {
            var result = new List<Term>();
            foreach (var x in a)
                foreach (var y in b)
                    Add(result, new Term(x.Variables.Concat(y.Variables.Where(v => !x.Variables.Contains(v))).ToList()));
            return result;
        }

        static void Add(List<Term> list, Term t)
        {
            if (!t.IsIntercept && !list.Any(x => x.SameAs(t))) list.Add(t);
        }

        bool Peek(char c) => pos < text.Length && text[pos] == c;
        void SkipSpace() { while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++; }
    }
}
