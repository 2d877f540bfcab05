using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Percentages with their counts and denominators.
internal static partial class StatisticExtractor
{
    const string PeopleWords = @"(?:patients?|participants?|subjects?|sujets?|femmes?|hommes?|women|woman|men|cas|cases|malades|enfants?|children|child|individuals|individus|respondents|répondants|personnes|people|persons|completers|controls|témoins|responders|répondeurs|volunteers|volontaires|adults|adultes|infants|adolescents|adolescentes|teenagers|newborns|neonates|nourrissons|nouveau-nés|boys|girls|garçons|filles|mothers|mères|physicians|médecins|nurses|infirmiers|infirmières|students|étudiants|residents|résidents|remitters|non-remitters|non-responders|non-répondeurs|survivors|survivants|patientes|athletes|athlètes|workers|travailleurs|soignants|employees|employés|salariés|trekkers|hikers|caregivers|aidants|inmates|prisoners|détenus|donors|donneurs|recipients|receveurs|users|usagers|pupils|élèves|teachers|enseignants|pharmacists|pharmaciens|dentists|dentistes|surgeons|chirurgiens|soldiers|militaires|veterans|runners|coureurs|players|joueurs|parents|smokers|fumeurs|drivers|conducteurs|managers|cadres|directors|directeurs|midwives|sages-femmes|carriers|porteurs|porteuses|sportifs|sportives|sportsmen|sportswomen|(?:\d+[-‐])?(?:year|month)-olds)";
    // "27.9% (12 of 43; exact 95% CI …)", "6.8% (2,651 of 38,964)": a count of a denominator may close the bracket or go on.
    static readonly Regex PercentThenCount = new(@"(?<pct>" + Num + @")\s*%\s*(?:(?:des|de|d'|of|of the|among)\s*(?:[\wéèàçïî'-]+\s+){0,4}?)?\(\s*(?:[nN]\s*=\s*)?(?<k>" + WholeCount + @")\s*(?:(?:sur|/|of|out of)\s*(?<N>" + WholeCount + @"))?\s*(?:(?:[\wéè]+\s*)?\)|(?(N)[;,]|(?!)))", Opt);
    /// <summary>"(38.3%, n = 31/81)", "(38,3 %, n = 31 sur 81)", "(22.4%; n = 19)": a bracket with the percentage first, then its count and denominator.</summary>
    static readonly Regex PercentThenNInBracket = new(@"[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[,;]\s*[nN]\s*=\s*(?<k>" + WholeCount + @")\s*(?:(?:sur|/|of|out of)\s*(?<N>" + WholeCount + @")\s*)?[\)\]]", Opt);
    /// <summary>"(n = 11 sur 14 ; 78,6 %)", "(n = 11/14; 78.6%)", "(11 of 14, 78.6%)": a bracket with the count and its denominator first, then the percentage.</summary>
    static readonly Regex CountOfNThenPercentInBracket = new(@"[\(\[]\s*(?:[nN]\s*=\s*)?(?<k>" + WholeCount + @")\s*(?:sur|/|of|out of)\s*(?<N>" + WholeCount + @")\s*[,;]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]", Opt);
    /// <summary>"31.2 % had renal involvement (12 patients)", "47,0 % avaient une atteinte rénale (n = 15)": a count named as such a few words after its percentage.</summary>
    static readonly Regex PercentWordsThenCount = new(@"(?<pct>" + Num + @")\s*%\s+(?:[A-Za-zÀ-ÿ'-]+\s+){1,8}?\(\s*(?:[nN]\s*=\s*(?<k>\d+)|(?<k>\d+)\s+" + PeopleWords + @")\s*\)", Opt);
    /// <summary>"12.5 %, 4 patients", "61,2 % des participants, soit 29 personnes", "48% of the patients, i.e. 12 people": a count named after its percentage.</summary>
    static readonly Regex PercentCommaCount = new(@"(?<pct>" + Num + @")\s*%\s*(?:(?:des|de|d'|of|of the|of all)\s*" + PeopleWords + @"\s*)?[,;]\s*(?:(?:soit|i\.\s?e\.|that is|or|namely|c'est-à-dire)\s*,?\s*)?(?<k>\d+)\s+" + PeopleWords, Opt);
    /// <summary>"12/14 (86 %)", "12 of 14 patients (86%)", "18 of 80 children in the tubes group (22.5%)", "4 of 96 patients
    /// who received at least one infusion with methotrexate (4.2%)" (up to eight words naming the group, none a conjunction that opens another), "27 patients sur 60, soit 45 %", "39 patients out of 41, i.e. 95%": a count of a denominator, then its percentage.</summary>
    /// <summary>What a number before a bracketed percentage is not a count of: a threshold ("≥ 65 (40 %)"), a grade or stage ("grade 3/4 neutropenia (12 %)"), an age, a visit ("M6 (45 %)").</summary>
    /// <summary>An arm named by its dose: "du groupe 0,6 mg/kg", "in the 0.15 mg/kg group".</summary>
    const string ArmDoseWord = @"\d+(?:[.,]\d+)?\s?(?:mg|µg|mcg|g|mL|ml|UI|IU)(?:/(?:kg|m²|j|d|jour|day))?(?![\w/])";
    const string NotACount = @"(?<![\w.,])(?<![<>≤≥]\s?)(?<!\b(?i:aged?|grades?|stages?|types?|class|classes|levels?|weeks?|months?|days?|visits?|years?|semaines?|mois|jours?|visites?|ans|âgée?s?|classe|stade|CTCAE|NYHA|ECOG|Gleason)\s)";
    /// <summary>"18 runners of 22", "18 coureurs sur 22": a count of things named in a plural noun of its own (not a unit, a time or a dose), then its denominator.</summary>
    const string CountedNoun = @"(?!(?i:weeks|months|days|years|hours|minutes|doses|cycles|times|points|sessions|visits|semaines|mois|jours|ans|années|heures|fois|séances|visites)\b)[A-Za-zÀ-ÿ][\wÀ-ÿ'-]*[sx]";
    /// <summary>A word that opens another group's statement: a percentage after it is not the count's before it.</summary>
    const string OtherGroupWord = @"(?:vs|versus|contre|compared|than|and|et|or|ou|but|mais|whereas|while|alors)\b";
    static readonly Regex CountOfThenPercent = new(NotACount + @"(?<k>" + WholeCount + @")\s*(?:(?:" + PeopleWords + "|" + CountedNoun + @")\s*" + PeopleQualifier + @"?(?:[a-zà-ÿ]{3,}(?:és|ées|ed)\s+)?)?(?:/|sur|of|out of|des|among|parmi)\s*(?:(?:the|les)\s+)?(?<N>" + WholeCount + @")\s*(?:(?!" + OtherGroupWord + @")[\wéè]+\s*){0,2}(?:(?!" + OtherGroupWord + @")(?:(?:\d+[\s-]?)?[A-Za-zÀ-ÿ][\wÀ-ÿ'-]*|(?<=\b(?i:stages?|stades?|grades?|class|classes?|types?)\s)(?:[0-5]|I{1,3}|IV|V)\b|" + ArmDoseWord + @")\s*){0,6}(?:[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]|[,;]\s*(?:soit|i\.\s?e\.|that is|or|c'est-à-dire)\s*,?\s*(?<pct>" + Num + @")\s*%)", Opt);
    // A number after "of", "sur", "/" that follows a count is its denominator ("18 runners of 22 (81.8%)", "19 patients
    // porteurs de CPT sur 68 évalués (27,9 %)": up to five words between, the level of a stage or grade among them:
    // "904 des 2 147 patients de stade 3 (44,9 %)"), never a count.
    /// <summary>
    /// What the people counted did, after their count, in a past participle or a past tense with at most two words
    /// after it: "12 sont décédés (7,2 %)", "71 ont été vus (74,0 %)", "97 attended colposcopy (83.2%)", "12,846 attended baseline screening (41.2%)".
    /// </summary>
    const string CountVerb = @"(?:(?:have been|had been|were|was|sont|ont été|ont|étaient|avaient été)\s+)?[a-zà-ÿ]{3,}(?:ed|és|ées|us|ues|is|ies)(?:\s+[a-zà-ÿ][\wà-ÿ'-]*){0,2}\s*";
    /// <summary>A qualifier of the people counted, in one or two words: "17 patients sous lithium", "14 children with tubes", "14 patients after EVLA", "28 trekkers taking acetazolamide", "7 patients given iron sucrose", "20 patients with a standard dressing", "41 participants in usual care".</summary>
    const string PeopleQualifier = @"(?:(?:with|without|on|under|receiving|taking|after|given|using|undergoing|(?:treated|managed)\s+(?:with|by)|(?:allocated|assigned|randomi[sz]ed)\s+to|who\s+(?:received|were\s+given|took|underwent)|sous|avec|sans|recevant|prenant|après|utilisant|trait[ée]e?s\s+(?:par|avec)|(?:ayant|qui\s+ont|qui\s+avaient)\s+reçu|(?:(?:randomisée?s|affectée?s|répartie?s)\s+)?(?:dans\s+le|au)\s+(?:groupe|bras)|du\s+bras)\s+(?:(?:silver|the|la|le|l')\s*|an?\s+)?[\wÀ-ÿ'–-]+\s*(?:(?!(?:and|et|or|ou|in|dans|at|à)\b)[\p{L}][\wÀ-ÿ'–-]*\s*)?|(?:in|en)\s+usual\s+care\s*)";
    /// <summary>
    /// What the people counted had or reported, in up to four words: "19 had an abnormal ECG (1.9%)", "38 reported ever
    /// injecting drugs (37.4%)", "148 patients sont décédés (8,0 %)", "1 102 concernaient des femmes (59,7 %)".
    /// </summary>
    static readonly Regex CountHadThenPercent = new(NotACount + @"(?<k>" + WholeCount + @")(?![.,]\d)\s+(?:" + PeopleWords + @"\s+)?(?:had|have|reported|showed|developed|required|needed|underwent|were|avaient|ont eu|présentaient|concernaient|sont|étaient|ont)\s+(?:[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]*\s+){0,4}?[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'-]*\s*\(\s*(?<pct>" + Num + @")\s*%\s*\)", Opt);
    static readonly Regex CountThenPercent = new(NotACount + @"(?<!\d\s*(?:[A-Za-zÀ-ÿ'-]+\s+){0,5}(?:/|sur|of|out of)\s*(?:(?:the|les)\s+)?)(?<!\d\s+des\s+)(?:[nN]\s*=\s*)?(?<k>" + WholeCount + @")(?![.,]\d)\s*(?:(?:were|étaient)\s+(?:des\s+)?(?=" + PeopleWords + @"))?(?:(?:(?:[A-Za-zÀ-ÿ][\wÀ-ÿ']*-[\wÀ-ÿ'-]+|(?!(?:of|in|at|on|to|and|or|the|et|ou|des|de|du|les|à|au|were|was|had|have|étaient|avaient|ont|sont)\b)[A-Za-zÀ-ÿ][\wÀ-ÿ']*)\s+){0,2}" + PeopleWords + @"\s*(?:(?:du|des)\s+(?:groupe|bras)\s+[\wÀ-ÿ'-]+(?:\s+(?!(?:et|ou|and|or)\b)[\wÀ-ÿ'-]+){0,2}\s*|(?:of|in) the\s+[\wÀ-ÿ'-]+(?:\s+[\wÀ-ÿ'-]+)?\s+(?:group|arm)\s*|" + PeopleQualifier + @")?(?:" + CountVerb + @")?|" + CountVerb + @"|(?:receiving|taking|recevant|prenant|given|sous)\s+(?:the\s+)?[\wÀ-ÿ'–-]+(?:\s+(?!(?:et|ou|and|or)\b)[\wÀ-ÿ'–-]+)?\s*|(?:in the\s+[\wÀ-ÿ'-]+(?:\s+[\wÀ-ÿ'-]+)?\s+(?:group|arm)|(?:dans le|du) (?:groupe|bras)\s+[\wÀ-ÿ'-]+(?:\s+(?!(?:et|ou|and|or)\b)[\wÀ-ÿ'-]+){0,2}|in usual care)\s*)?(?:[\(\[]|,\s+|(?<=[\(\[][nN]\s*=\s*[\d\u00A0\u202F ]+)\s*;\s*)\s*(?<pct>" + Num + @")\s*%\s*[\)\]]?", Opt);
    /// <summary>"51 (7·5%) of 738 patients", "12 (30 %) des 40 patients": a count and its percentage, then the denominator (The Lancet's style).</summary>
    static readonly Regex CountPercentOf = new(NotACount + @"(?<k>" + WholeCount + @")\s*[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]\s*(?:of|out of|sur|des)\s+(?:(?:the|les)\s+)?(?<N>" + WholeCount + @")(?![.,]?\d)(?!\s*(?:mg|g\b|kg|mL|ml|L\b|%|years|ans|mois|months|days|jours))", Opt);
    /// <summary>"118 and 109 patients were still treated (93.7% and 85.5%, respectively)", "chez 12 et 15 patients (30,0 % et 37,5 % respectivement)": two counts of people, then their percentages in the same order (never "at 12 and 24 weeks", "between 2 and 5").</summary>
    static readonly Regex RespectiveCounts = new(@"(?<![\w.,])(?<!\b(?i:between|entre|from|de|aged|âgés de)\s)(?<k1>" + WholeCount + @")\s+(?:and|et)\s+(?<k2>" + WholeCount + @")\s+(?:[\wéè-]+\s+)?" + PeopleWords + @"\b[^.;()%\d]{0,80}?\(\s*(?<p1>" + Num + @")\s*%\s*(?:and|et)\s+(?<p2>" + Num + @")\s*%\s*,?\s*(?:respectively|respectivement)\s*\)", Opt);
    /// <summary>A count of people written in words, then its percentage: "Seven patients (3.2%)", "Quarante-sept patientes (44,6 %)", "Huit enfants du groupe Lidcombe (12,7 %)".</summary>
    static readonly Regex CountInWordsThenPercent = new(@"(?<![\w.,-])(?<k>" + CountWords.Pattern + @")\s+(?:[\wÀ-ÿ'-]+\s+)?" + PeopleWords + @"\s*(?:(?:du|des)\s+(?:groupe|bras)\s+[\wÀ-ÿ'-]+(?:\s+(?!(?:et|ou|and|or)\b)[\wÀ-ÿ'-]+){0,2}\s*|(?:of|in) the\s+[\wÀ-ÿ'-]+(?:\s+[\wÀ-ÿ'-]+)?\s+(?:group|arm)\s*|" + PeopleQualifier + @")?[\(\[]\s*(?<pct>" + Num + @")\s*%\s*[\)\]]", OptI);
    /// <summary>A comparison a percentage closes ("below 92%", "inférieure ou égale à 92 %", "≥ 50 %", "au moins 80 %"): a threshold or a bound, not a share.</summary>
    static readonly Regex PercentBound = new(@"(?:[<>≤≥]=?|\b(?:below|above|under|over|less than|more than|greater than|lower than|higher than|fewer than|at least|at most|up to|exceeding|(?:inférieure?s?|supérieure?s?)(?:\s+ou\s+égale?s?)?\s+à|moins de|plus de|au moins|au plus|jusqu'à|dépassant))\s*$", OptI);
    /// <summary>What a drug is made up as: "tacrolimus 0.1% ointment", "0.05% clobetasol gel", "pommade à 0,1 %", "collyre de
    /// timolol à 0,5 %", "cream 1%": the percentage is the drug's concentration in it, not a share of people.</summary>
    const string Formulation = @"(?:ointments?|gels?|creams?|lotions?|solutions?|(?:eye\s+|ear\s+|nasal\s+)?drops|sprays?|foams?|patch(?:es)?|plasters?|dressings?|implants?|inserts?|wipes?|shampoos?|mouthwash(?:es)?|mouth\s?rinses?|rinses?|varnish|emulsions?|suspensions?|pastes?|powders?|tinctures?|pommades?|crèmes?|collyres?|gouttes|mousses?|shampo(?:o|ing)s?|bains?\s+de\s+bouche|vernis|émulsions?|pâtes?|poudres?|teintures?|timbres?|patchs|emplâtres?|pansements?|lingettes?)";
    static readonly Regex FormulationAfterPercent = new(@"^\s*%\s+(?:(?!(?:of|in|among|and|or|had|were|was|des|de|du|chez|et|ou|avaient|étaient)\b)[A-Za-zÀ-ÿ][\wÀ-ÿ-]*\s+){0,2}?" + Formulation + @"\b", OptI);
    /// <summary>Also a substance named after "de"/"d'" then "à" ("de DMSO à 50 %", "d'acide acétique à 5 %"): French gives a
    /// concentration so, and a share of people as "50 % des", "chez 50 %" or "(50 %)".</summary>
    static readonly Regex FormulationBeforePercent = new(@"\b" + Formulation + @"\s+(?:(?:de|d'|of)\s*[A-Za-zÀ-ÿ][\wÀ-ÿ-]*\s+)?(?:(?:dosée?s?\s+)?à\s+|at\s+)?$|\b(?:de|d['’])\s*(?!(?:la|le|les|l['’]|ces|leurs?|ses)\b)[\p{L}][\p{L}\d-]*(?:\s+[\p{L}][\p{L}\d-]*)?\s+à\s+$"
        // A substance named with its article ("l'acide salicylique à 50 %", "la chlorhexidine à 2 %", "le nitrate d'argent à 1 %"):
        // an acid or salt, or a drug's name by its ending.
        + @"|\b(?:l['’]|la\s+|le\s+)(?:(?:acide|chlorure|nitrate|sulfate|peroxyde|gluconate|digluconate|citrate|vaseline|huile|alcool|povidone)\b(?:[\s'’-]+[\p{L}][\p{L}-]*){0,2}|[\p{L}][\p{L}-]*(?:ine|ïne|ide|ate|ol|one))\s+à\s+$", OptI);
    static readonly Regex PercentOfPeople = new(@"(?<pct>" + Num + @")\s*%\s*(?:des|de|d'|of|of the|of all)\s*" + PeopleWords, Opt);

    static readonly Regex PercentOfNamedGroup = new(@"\G\s*%\s+(?:of\s+(?:the|those)|among(?:\s+the)?|des|du|de\s+la|de\s+l'|parmi\s+les)\s*(?!(?:" + StudyPeople + @"|total|all|tous|ensemble|cases|cas)\b)[\wéèàç'-]+", OptI);
    static readonly Regex SubsetJustNamed = new(@"\b(?:among|of|parmi|sur)\s+(?:(?:these|those|the|ces|les)\s+)?(?<n>" + WholeCount + @")\s+[\wéèàç'-]+(?:\s+[\wéèàç'-]+){0,2}\s*,\s*$", OptI);

    /// <summary>A count of people named by their noun alone, right before its bracketed percentage: "37 enfants (2,6 %)", "612 patients (8.1%)".</summary>
    static readonly Regex BarePeopleBeforeShare = new(@"\G\s+(?<noun>" + PeopleWords + @")\s*[\(\[]\s*" + Num + @"\s*%", Opt);
    /// <summary>A sentence opening on a set of people named by their noun alone: "Among the 7,548 patients, …", "Parmi les 1 284 enfants, …", "Of the 412 women, …".</summary>
    static readonly Regex SentenceOpensOnBarePeople = new(@"(?<=^\s*|[.!?]\s+|\n\s*)(?:Among|Of|In|Across|Parmi|Chez|Sur|Pour)\s+(?:all\s+)?(?:the|les|l'ensemble\s+des)\s+(?<n>" + WholeCount + @")\s+(?<noun>" + PeopleWords + @")\s*,", Opt);

    /// <summary>
    /// The people a sentence earlier in a count's paragraph opened on, named by the same noun alone ("Parmi les 1 284
    /// enfants, la complication … . … Une admission en réanimation a été nécessaire chez 37 enfants (2,6 %)"): a count of
    /// them is a share of that set at most, whatever subgroup a sentence between speaks of. Not for people named with a
    /// qualifier ("Of the 950 admitted patients,": a subgroup) or a demonstrative ("Chez ces 41 enfants,": a set named
    /// before, which may be a subgroup), nor for a count qualified itself ("12 patients with X").
    /// </summary>
    static (int N, string Source)? PeopleOpenedInParagraph(string flow, int countEnd, int start)
    {
        if (BarePeopleBeforeShare.Match(flow, countEnd) is not { Success: true } count) return null;
        int paragraph = flow.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var opened = SentenceOpensOnBarePeople.Matches(flow[paragraph..start])
            .Where(o => string.Equals(o.Groups["noun"].Value, count.Groups["noun"].Value, StringComparison.OrdinalIgnoreCase)).ToList();
        if (opened.Count == 0) return null;
        var largest = opened.MaxBy(o => ParseWhole(o.Groups["n"].Value))!;
        return (ParseWhole(largest.Groups["n"].Value), largest.Value.TrimEnd(',', ' '));
    }
}
