using System.Globalization;
using System.Text.RegularExpressions;

namespace RweStats.PaperCheck;

// Whether a mean or median is of an integer-valued measure (scores, scales, counts, classes, paper-stated point ranges), and a measure inherited from the statistic before it.
internal static partial class StatisticExtractor
{
    /// <summary>Words naming an integer-valued measure: scores, scales, counts ("number of", "nombre", "compte", "admissions
    /// numbered a median of", "étaient au nombre de"), counted events (episodes, exacerbations, relapses, seizures), and a class, grade or stage that a median or mean is of.</summary>
    /// <summary>A mean printed with a unit that counts whole things: "8.62 ± 2.91 medications", "48.38 letters (SD 12.40)",
    /// "8.62 ± 2.91 medications a day" (a regimen's count); events counted over a period, "3,31 crises (ET 1,49)", but not
    /// as a rate ("14,52 crises par semaine": a count over weeks averaged per week).</summary>
    // Discrete things a patient has a whole number of: the unit printed after the value names a count ("21 sessions",
    // "9,42 séances (ET 2,61)", "1,8 consultation", "2.8 follow-up CT scans", "2,2 passages aux urgences", "units of
    // red cells", "2.3 times"), not a duration or a dose, nor "times" as a ratio ("2.3 times higher"). Things dispensed
    // or done a whole number of times too: "2.3 bottles of artificial tears", "2,79 (ET 1,12) tentatives de retrait",
    // "9.65 (SD 2.07) glucose measurements", "4.7 heel-prick glucose tests", "2,36 (ET 1,13) escarres"; the singular a
    // French count below 2 takes ("1,7 passage aux urgences", "1,8 dose de secours").
    // What never qualifies a thing counted: a preposition or article, a unit of measure, a time.
    const string QualifierStopWords = "of|de|des|du|per|par|a|an|the|le|la|les|in|dans|with|avec|without|sans|for|pour|and|et|or|ou|to|à|au|aux|on|sur|at|between|entre|after|après|before|avant|from|since|depuis|during|pendant|over|among|parmi|chez|than|que";
    const string MeasureUnitWords = "mg|µg|g|kg|ml|l|iu|ui|mmol|µmol|cm|mm|m|km|µm|nm|mmhg|kpa|ng|pg|µl|dl|kcal|cal|bpm|hz|db|gy|cgy|mbq|msv|meq|log|logs";
    const string TimeUnitWords = "hours?|heures?|minutes?|min|days?|jours?|weeks?|semaines?|months?|mois|years?|ans|années?";
    // Up to two words may qualify the thing counted ("4.63 (SD 2.14) rescue opioid tablets", "3.25 programming visits",
    // "2.29 antiemetic doses"), none a unit, a time or a preposition ("4.2 hours between visits" counts no visits).
    // A duration stated in whole units after its value ("17.46 (SD 9.32) whole days", "12,3 jours entiers") counts them.
    const string CountQualifier = @"(?:(?!(?:" + QualifierStopWords + "|" + MeasureUnitWords + "|" + TimeUnitWords + @"|units?|unités?|times|fois|nights?|nuits?)\b)[\p{L}][\p{L}-]+\s+){0,2}";
    // A mean out of a whole number of things named in a plural ("31.47 (SD 4.12) of the 36 planned lessons", "5,2 (ET 1,3)
    // des 8 séances prévues") is a count of them; so are the passes of a device, lessons, meetings, sexual partners,
    // hypoglycaemias and examinations, contacts, doses taken (prises), inhalations, falls, relapses and dressing changes,
    // nodules, lines of therapy, interviews (entretiens), antiepileptic drugs and affected joints, alerts and alarms,
    // aerosols, radiographs and blood gases, dental restorations and extractions, treatments and infections, siblings,
    // (HLA) mismatches and joints; a mean out of a set named without its number too ("4.38 (SD 0.40) of their scheduled
    // sessions", "1,57 (ET 0,76) de leurs séances prévues"); a count per participant or
    // per patient is still a count of each one's (a count per week or per day is a rate). Never people: "of the 36
    // patients" is whom the mean is of.
    /// <summary>
    /// Discrete things named in a plural, whatever they are ("4.5 dermatomes", "1.3 (IQR 0–2) hospital admissions", "3,7
    /// modèles en médiane", "2 vomissements", a row "Organ domains involved, median [IQR]"): a plural noun names things
    /// counted one by one unless it names a unit, a time, a physical or money quantity, a statistic, people, cells or
    /// molecules measured in a sample, or is a word of another kind that ends in s (was, this, versus, dans, plus).
    /// A word class, not a list of the things counted: the plural is an English or French one (-s, not -ss, -us, -is;
    /// -aux, -eux, -oux; "teeth", "criteria"), never an abbreviation in capitals ("LEMS", "OHS": a score's or a scale's name).
    /// </summary>
    const string NotCountedPlural =
        // words of other kinds ending in s, and verbs in the third person
        @"was|has|does|is|as|its|this|thus|his|hers|ours|yours|theirs|those|these|whose|others|across|always|perhaps|besides|whereas|towards|afterwards|sometimes|nevertheless|unless|plus|minus|versus|vs|yes|"
        + @"remains|increases|decreases|differs|means|seems|appears|suggests|indicates|corresponds|represents|compares|falls|rises|goes|reaches|exceeds|varies|shows|reflects|lies|stands|implies|becomes|gives|makes|takes|occurs|equals|totals|amounts|relates|depends|persists|exists|includes|contains|provides|allows|requires|continues|tends|"
        + @"dans|sous|après|moins|mais|puis|pas|très|lors|dès|alors|tous|toutes|des|les|ces|ses|mes|nos|vos|leurs|ils|elles|nous|vous|sans|avons|sont|jamais|toujours|parfois|ailleurs|hors|vers|ceux|celles|autres|deux|mieux|eux|vieux|fois|times|"
        // units, times and physical quantities (a compound ending in one too: "pack-years", "kilometres", "workdays")
        + @"[\p{L}-]*(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|secondes|heures|jours|nuits|semaines|mois|ans|années|décennies|litres|liters|metres|meters|mètres|moles|volts|watts|newtons|joules|calories|bels|hertz|diopters|dioptres|dioptries|degrees|degrés|ounces|pounds|inches|miles|yards|units|unités|percents|beats|battements|breaths|folds|logs|pascals|kilos|kilogs)|"
        // a mass, not the records a test prints ("echocardiograms", "mammograms", "électrocardiogrammes")
        + @"(?:kilo|milli|micro|nano|pico|centi|deci)?(?:grams|grammes)|"
        + @"levels|values|ratios|rates|concentrations|titres|titers|volumes|weights|heights|lengths|sizes|diameters|pressures|temperatures|intakes|loads|losses|gains|changes|differences|averages|medians|proportions|percentages|fractions|amounts|quantities|areas|distances|durations|intervals|delays|latencies|speeds|velocities|thresholds|estimates|outcomes|results|findings|costs|expenses|prices|charges|fees|savings|euros|dollars|incomes|indices|indexes|grades|stages|scores|SDs|SEs|quartiles|percentiles|centiles|deviations|equivalents|microns|reductions|improvements|elevations|declines|excursions|readings|carbohydrates|fats|ages|frequencies|angles|thicknesses|densities|intensities|amplitudes|lines|pairs|bases|millions|billions|thousands|hundreds|dozens|"
        + @"niveaux|valeurs|rapports|taux|titres|poids|tailles|longueurs|diamètres|pressions|températures|apports|charges|pertes|variations|différences|moyennes|médianes|pourcentages|quantités|surfaces|durées|délais|seuils|vitesses|résultats|coûts|dépenses|prix|revenus|stades|écarts-types|écart-types|équivalents|glucides|protides|fréquences|angles|épaisseurs|densités|intensités|amplitudes|lignes|paires|milliers|milliards|centaines|dizaines|"
        // people, cells and molecules measured in a sample
        + PeopleWords + @"|cases|eyes|cells|cellules|lymphocytes|neutrophils|neutrophiles|platelets|plaquettes|leukocytes|leucocytes|eosinophils|éosinophiles|monocytes|basophils|basophiles|erythrocytes|érythrocytes|reticulocytes|réticulocytes|granulocytes|globules|blasts|blastes|copies|colonies|bacteria|particles|particules|spermatozoïdes|"
        + @"triglycerides|triglycérides|lipids|lipides|transaminases|enzymes|antibodies|anticorps|hormones|electrolytes|électrolytes|ketones|cétones|proteins|protéines|nutrients|nutriments|vitamins|vitamines|minerals|minéraux|metabolites|métabolites|lipoproteins|lipoprotéines|immunoglobulins|immunoglobulines|cytokines|markers|marqueurs|biomarkers|biomarqueurs|diabetes|series|species|mets|ius|cfus";
    /// <summary>Up to two words before the plural ("hospital admissions", "rescue opioid tablets"), none a preposition, a
    /// conjunction, a verb or a unit: "5.3 (SD 1.2) while controls" names no things counted.</summary>
    const string PluralQualifier = @"(?:(?!(?:" + QualifierStopWords + "|" + MeasureUnitWords + "|" + TimeUnitWords + @"|d|qui|who|which|that|when|while|whereas|but|mais|so|also|only|both|alors|then|puis|versus|vs|was|were|is|are|be|been|had|has|have|did|do|does|était|étaient|est|sont|avait|avaient|ont|soit|respectively|respectivement|sous|under|into|within|through|via|by|selon|vers|contre|against|compared|comparé|several|plusieurs|many|some|few|any|each|every|all|no|not|ne|more|less|fewer|most|plus|moins|tous|toutes|chaque|quelques|their|its|his|her|our|leur|leurs|son|sa|ses|un|une|one)\b)[\p{L}][\p{L}-]+\s+){0,2}";
    const string CountedPlural = @"(?!(?:" + NotCountedPlural + @")(?![\p{L}-]))(?-i:(?![\p{Lu}\d-]{2,}s?(?![\p{L}-])))(?:\p{L}[\p{L}-]*\p{L}(?<![sui])s|\p{L}[\p{L}-]*(?:aux|eux|oux)|teeth|criteria)(?![\p{L}-])";
    /// <summary>
    /// A thing counted in the singular a French value below 2 takes ("1,3 hospitalisation en médiane (Q1-Q3 : 0-2)",
    /// "1,7 consultation (ET 0,9)"), known as the value's unit by what follows it: "en médiane", "en moyenne" or the
    /// statistic's own bracket; not a unit, a time, a quantity, people or a word of another kind.
    /// </summary>
    const string CountedSingularFr = @"(?!(?:[\p{L}-]*(?:seconde|minute|heure|jour|nuit|semaine|mois|an|année|décennie|gramme|kilo|litre|mètre|degré|unité|battement|calorie)|point|fois|niveau|valeur|taux|score|rapport|ratio|log|logmar|mmol|µmol|nmol|mmhg|kcal|euro|dollar|pour|chez|dans|sous|avec|sans|après|avant|entre|contre|versus|vers|selon|pendant|depuis|parmi|durant|lors|dont|mais|puis|donc|alors|ainsi|aussi|soit|plus|moins|très|environ|respectivement|patient|patiente|personne|enfant|sujet|femme|homme|cas|proportion|pourcentage|moyenne|médiane|différence|variation|durée|délai|poids|taille|dose|fraction|partie|part|quart|tiers|moitié)[sx]?(?![\p{L}-]))(?-i:\p{Ll}[\p{Ll}-]{3,}(?<![sx])(?:\s+(?!(?:quotidien|quotidienne|journalier|journalière|hebdomadaire|mensuel|mensuelle|annuel|annuelle|horaire|nocturne|diurne)(?![\p{L}-]))\p{Ll}[\p{Ll}-]{3,}(?<![sx]))?)" + CountedComplementFr + @"(?=\s+en\s+(?:médiane|moyenne)\b|\s*\((?:ET|DS|Q1|EIQ|extrêmes|écart|min))";
    /// <summary>
    /// What the French singular thing counted is of or where it took place, between it and its "en médiane" or bracket
    /// ("1,7 changement de collyre en médiane", "1,3 passage aux urgences (ET 0,6)", "1,4 épisode d'hypoglycémie en
    /// moyenne"): one noun, no number (a dose or a duration, "1,2 prise de 5 mg", is no complement), no time ("1,5
    /// consultation par mois" is a rate, and "par" is none of these prepositions) and no quantity measured.
    /// </summary>
    const string CountedComplementFr = @"(?:(?:\s+(?:de|du|des|aux|à\s+la|de\s+la)\s+|\s+(?:d'|de\s+l'|à\s+l'))(?!(?:" + TimeUnitWords + @"|nuits?|" + MeasuredQuantityFr + @")(?![\p{L}-]))(?-i:\p{Ll}[\p{Ll}-]{2,}))?";
    /// <summary>A quantity measured, never what a thing counted is of: "0,8 prise de poids en moyenne" is a weight gain, "1,2 perte de sang" a volume.</summary>
    const string MeasuredQuantityFr = @"(?:poids|taille|masse|volume|sang|temps|durée|dose|pression|tension|température|fréquence|débit|longueur|surface|score|point|valeur|niveau|taux|concentration|vitesse|distance|hauteur|diamètre|épaisseur|intensité|glycémie|cholestérol)s?";
    /// <summary>
    /// Changes of a thing a patient is given or fitted, counted one by one: "2.58 (SD 1.12) changes of diabetes treatment",
    /// "3.1 treatment switches", "1.4 catheter changes", "2.2 changes of eye drops". Not changes in a measure ("changes in
    /// weight": the reason "changes" is no counted plural), nor in what a treatment gives ("changes in treatment
    /// satisfaction"). The French plural "changements de traitement" is a counted plural already.
    /// </summary>
    const string ThingsReplaced = @"(?:treatments?|therap(?:y|ies)|medications?|medicines?|drugs?|regimens?|dressings?|catheters?|cannulas?|cannulae|tubes?|lines?|devices?|lenses|antibiotics?|eye\s?drops|drops|inhalers?|pumps?|infusion\s+sets?|bags?|pouches|appliances?|prosthes[ie]s|needles?|batteries)";
    const string ChangesOfThingsReplaced = @"(?:changes|switches|modifications)\s+(?:of|in)\s+(?:(?:the|their|his|her)\s+)?(?:(?!(?:" + QualifierStopWords + @")\b)[\p{L}-]+\s+){0,2}?" + ThingsReplaced + @"(?!\s+(?:satisfaction|adherence|burden|response|effects?|outcomes?|scores?|costs?|durations?|intensity|doses?|exposure|levels?)\b)|(?:(?!(?:" + QualifierStopWords + @")\b)[\p{L}-]+\s+)?" + ThingsReplaced + @"\s+(?:changes|switches)";
    /// <summary>
    /// What a count may be given per and stay each one's whole count: a person ("4.3 home calls per patient"), a place or
    /// a group of people that is the unit of observation ("4.7 distribution teams per village", "2,3 visites par foyer",
    /// "3.1 beds per ward") or a part of the body ("2.3 injections per eye", "1,8 lésions par membre"). Never a time, a
    /// number ("per 100 patients") or a person-time ("per patient-year"): a count over those is a rate; nor an event or a
    /// visit ("exercises per session"), whose count per patient is an average over the events.
    /// </summary>
    const string CountedPerUnit = @"(?:participant|patient|patiente|person|personne|subject|sujet|child|enfant|woman|femme|man|homme|household|ménage|foyer|family|famille|village|town|city|ville|commune|district|region|région|community|communauté|cluster|grappe|ward|hospital|hôpital|centre|center|site|practice|cabinet|clinic|clinique|school|école|class|classe|nursing\s+home|établissement|service|department|eye|œil|oeil|tooth|dent|limb|membre|foot|pied|hand|main|lung|poumon|kidney|rein|breast|sein|joint|articulation)";
    /// <summary>Not a count when given over a period ("cigarettes per day", "visits a month", "wound-care visits per
    /// month", "drinks daily", "boluses each day") or per a unit ("/L"): a rate. A count per participant is still each one's count.</summary>
    const string NotARate = @"(?!\s*(?:per|par|a|an|each|every|chaque)\b(?!-)(?!\s+" + CountedPerUnit + @"(?![\w-]))|\s*/|\s+(?:daily|weekly|monthly|yearly|annually|nightly|quotidien\w*|hebdomadaire\w*|mensuel\w*|annuel\w*))";
    static readonly Regex CountUnit = new(@"^\s*(?:(?:of|out\s+of)\s+the|des|sur\s+les)\s+\d+\s+(?!(?:[\w'-]+\s+)?" + PeopleWords + @"\b)(?:[a-zà-ÿ][\wà-ÿ'-]*\s+)?[a-zà-ÿ][\wà-ÿ'-]*[sx]\b|^\s*(?:(?:of|out\s+of)\s+(?:the|their|his|her|its)|de\s+(?:leurs|ses|ces))\s+" + PluralQualifier + CountedPlural + @"|^\s*" + CountQualifier + @"(?:letters|lettres|medications|medicines|drugs|médicaments|tablets|comprimés|pills)\b|^\s*" + CountQualifier + @"(?:sessions?|séances?|consultations?|visits?|visites?|man(?:œ|oe)uvres?|cycles?|cures?|courses|injections?|doses?|bolus|boluses|recordings|enregistrements|Holters?|stays|séjours|admissions|readmissions|réhospitalisations|hospitali[sz]ations|nights?|nuits?|scans?|scanners|passages?|attempts|tentatives?|measurements|tests|boxes|boîtes|bottles|flacons|sachets|adjustments|ajustements|breaks|pauses|nails|ongles|pressure\s+ulcers|escarres|lesions|lésions|teeth|dents|procedures|procédures|interventions|biopsies|échographies|ultrasounds|sites|prescriptions|ordonnances|appointments|calls|appels|contacts|prises|inhalations|puffs|bouffées|falls|chutes|exacerbations|relapses|rechutes|dressing\s+changes|" + ChangesOfThingsReplaced + @"|changements\s+de\s+pansements?|réfections\s+de\s+pansements?|transfusions|passes|lessons|leçons|meetings|réunions|(?:sexual\s+)?partners|partenaires(?:\s+sexuels)?|hypoglyc(?:a)?emi(?:as|es)|hypoglycémies|examinations|examens(?:\s+complémentaires)?|units\s+of\s+(?:packed\s+)?red(?:\s+blood)?\s+cells|culots(?:\s+globulaires)?|nodules|siblings|mismatches|joints|alerts|alertes|alarms|alarmes|aerosols|aérosols|nebuli[sz]ations|nébulisations|radiographs|radiographies|x-rays|blood\s+gas(?:es|\s+analyses)|gaz\s+du\s+sang|restorations|restaurations|fillings|extractions|(?:systemic\s+)?treatments|traitements(?:\s+systémiques)?|(?:skin\s+)?infections|infections(?:\s+cutanées)?|(?:prior\s+|previous\s+)?lines\s+of\s+(?:therapy|treatment)|lignes\s+de\s+traitement|entretiens|antiepileptics|antiepileptic\s+drugs|antiépileptiques|articulations(?:\s+atteintes)?|affected\s+joints|(?:times|fois)(?!\s+(?:higher|greater|more|less|lower|larger|smaller|as|the|that|plus|moins|supérieure?s?|inférieure?s?)\b))(?![\w-])(?!\s*(?:per|par|a|an)\b(?!-)(?!\s+" + CountedPerUnit + @"(?![\w-]))|\s*/|\s+(?:daily|weekly|monthly|yearly|annually|nightly|quotidien\w*|hebdomadaire\w*|mensuel\w*|annuel\w*|journali\w*))|^\s*" + PluralQualifier + CountedPlural + NotARate + @"|^\s*" + CountedSingularFr + @"|^\s*(?:" + DaysMissed + @")\b|^\s*" + DaysInAPeriod + @"|^\s*(?:whole|completed?|full)\s+(?:days|nights|weeks|months|years)\b|^\s*(?:jours|nuits|semaines|mois|années|ans)\s+(?:entiers|entières|révolus|révolues|complets|complètes|pleins|pleines)\b|^\s*(?:seizures|crises|episodes|épisodes|attacks)\b(?!\s*(?:per|par|a|an)\b(?!-)|\s*/|\s+(?:annual|annuel|monthly|mensuel|weekly|hebdomadaire|daily|quotidien))", OptI);
    static readonly Regex IntegerWords = new(@"\b(scores?|points?|scales?|échelles?|counts?|nombre|number of|no\.\s*of|nb\s+(?:de\b|d')|nbre\s+(?:de\b|d')|courses of|compte|décompte|items?|questionnaire|episodes|épisodes|exacerbations|relapses|poussées|seizures|awakenings|réveils|flares|falls|chutes|(?:painful|swollen|tender) joints|articulations (?:douloureuses|gonflées)|ETDRS letters|letters read|lettres ETDRS|numbered\s+(?:a|an)\s+(?:mean|median|average)|(?:étaient|était)\s+au\s+nombre\s+de|whole\s+(?:numbers?|values?)|integers?|(?:nombres?|valeurs?|notes?)\s+enti(?:er|ers|ère|ères|ere|eres)|" + DaysMissed + @")\b|,\s*(?:entiers?|entières?|whole|integers?)\s*\)|\(\s*(?:n|nb|no\.)\s*\)|" + IntegerInstrument + "|" + OrdinalMeasure, OptI);
    /// <summary>
    /// Days missed or lost, counted one by one: "school days missed", "missed fewer school days", "day-care days missed",
    /// "sick days", "days off work", "days of absence", "jours d'absence", "journées d'école manquées", "jours d'arrêt de
    /// travail". A day is missed or not: their number is whole (not a stay or a time to an event, which may be timed).
    /// </summary>
    const string DaysMissed = @"(?:school|work|sick|day-care|daycare|nursery|childcare|class)\s+days|days?\s+(?:missed|lost|absent|off(?:\s+(?:work|school))?)|days\s+of\s+(?:absence|sick\s+leave|school|work|day-care|class)(?:\s+(?:missed|lost))?|missed\s+(?:\w+\s+){0,2}days|journées?\s+(?:d'école|de\s+travail|de\s+crèche|de\s+classe|d'absence)|jours?\s+(?:d'absence|d'arrêt(?:\s+de\s+travail)?|d'école|de\s+classe|de\s+crèche|de\s+travail\s+(?:perdus|manqués)|manqués|perdus)";
    /// <summary>
    /// Days or nights counted within a stated period, what they were of between: "4.3 (SD 1.9) days of analgesics in the
    /// last week", "2.1 nights with itch in the past 2 weeks", "3,2 jours avec douleur au cours des 4 dernières semaines",
    /// "1,4 nuits d'éveil au cours de la dernière semaine". A day of the week is counted or not: their number is whole.
    /// </summary>
    const string DaysInAPeriod = @"(?:days|nights|jours|nuits)\b(?=[^.;:()\d]{0,40}?\b(?:(?:in|over|during|within|of)\s+the\s+(?:last|past|previous|preceding)\s+(?:\d{1,3}\s+|two\s+|three\s+|four\s+)?(?:days|weeks?|months?|fortnight)\b|(?:au\s+cours\s+des|pendant\s+les|sur\s+les|lors\s+des|dans\s+les)\s+(?:\d{1,3}\s+)?(?:derniers|dernières|précédents|précédentes)\s+(?:jours|semaines|mois)\b|(?:au\s+cours\s+de|pendant|sur)\s+(?:la\s+dernière\s+semaine|la\s+semaine\s+précédente|le\s+dernier\s+mois|le\s+mois\s+précédent)\b))";
    /// <summary>
    /// Instruments whose total is a sum of whole item scores, named without the word "score": psychiatric rating scales
    /// (PANSS, MADRS, HAM-D, HAM-A, YMRS, BPRS, PHQ-9, GAD-7, HADS, BDI, EPDS, CGI), cognitive tests (MMSE, MoCA), stroke
    /// scales (NIHSS, modified Rankin), the SLEDAI; counts of teeth (DMFT, DMFS, dmft, CAO), the Boston Bowel Preparation
    /// Scale (BBPS, 0–9) and the Short Physical Performance Battery (SPPB, 0–12), sums of whole item scores. Not the EDSS (half steps), nor composite indices with decimals (DAS28, HAQ);
    /// nor an instrument named as a threshold or a band ("MMSE ≥ 24", "mRS 0–2"): that names a subgroup, not the measure.
    /// </summary>
    const string IntegerInstrument = @"\b(?:PANSS|MADRS|HAM-?D(?:-?17)?|HDRS|HAM-?A|HARS|YMRS|BPRS|PHQ-?9|GAD-?7|HADS(?:-[AD])?|BDI(?:-II)?|EPDS|CGI-[SI]|MMSE|MoCA|NIHSS|mRS|modified Rankin|Rankin|SLEDAI(?:-2K)?|DLQI|POEM|SOFA|APACHE(?:\s?II)?|SAPS(?:\s?II)?|IGS\s?II|Glasgow|GCS|Apgar|Bishop|Charlson|IPSS|AUDIT(?:-C)?|Fagerstr[öo]m|FTND|Epworth|ESS|ISI|HIT-6|MIDAS|GDS(?:-15|-30)?|STAI(?:-[SYT]\d?)?|BAI|PCL-5|PSQI|IIEF(?:-5)?|QoR-15|FLACC|Barthel|Braden|LLS|ADHD-RS(?:-IV|-5)?|Y-BOCS|CIWA(?:-Ar)?|4AT|AMTS|MNA-SF|DMF[TS]|dmf[ts]|CAOD?|BBPS|Boston Bowel Preparation Scale|SPPB|Short Physical Performance Battery)\b(?!\s*(?:[<>≤≥]|\d+\s*(?:[-–]|to)\s*\d))";
    /// <summary>A class, grade or stage as the measure a median or mean is of ("the NYHA class had a median of 2", "médiane de la classe NYHA"), not as a subgroup ("in stage III patients, the mean age").</summary>
    const string OrdinalMeasure = @"\b(?:median|médiane|mean|moyenne)\s+(?:(?:de la|du|of the|the)\s+)?(?:[\w-]+\s+)?(?:class|classe|grade|stage|stade)\b|\b(?:class|classe|grade|stage|stade)\s+(?:[\w-]+\s+)?(?:had|has|avait|a|was|était)\s+(?:(?:a|an|une)\s+)?(?:median|médiane|mean|moyenne)\b";
    static readonly Regex ContinuousUnit = new(@"^\s*(?:mg|g/|g\b|kg|mL|ml|L\b|mmol|µmol|UI|IU|U/|years|ans|année|cm|mm|ng|pg|µg|%|°|h\b|hours?\b|heures?\b|min\b|minutes?\b|seconds?\b|secondes?\b|jours|days|weeks|semaines|months|mois)", Opt);
    static readonly Regex Acronym = new(@"\b[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*\b", Opt);
    static readonly HashSet<string> NotMeasures = new() { "IC", "CI", "SD", "ET", "DS", "SE", "ES", "SEM", "IQR", "EIQ", "Q1", "Q3", "Q1-Q3", "M0", "M6", "M12", "J0", "OR", "HR", "RR", "UI", "IU", "LES", "AINS", "NS", "ANOVA", "N" };
    static readonly Regex Conjunction = new(@"\band\b|\bet\b|\bto\b|\bà\b|;|,|\bvs\.?|\bversus\b|\bcontre\b|\bwhereas\b|\bwhile\b|\balors que\b|\btandis que\b|\bthen\b|\bpuis\b", OptI);
    /// <summary>What may stand between a conjunction and a statistic that measures what the one before it measured: articles, prepositions, the statistic's name (APA's "M =" too: "from M = 9.91 (SD = 2.38) to M = 6.12"), a visit ("; à trois mois, une médiane de 9,5"), or "that of", "celle des …".</summary>
    static readonly Regex SameMeasureTail = new(@"^\s*(?:(?:that|those) of\b.*|(?:celle|celui|celles|ceux)\b.*|(?:(?:of|de|d'|du|des|the|a|an|une?|la|le|les|at|à|after|après|in|dans|chez|to|was|were|is|était|étaient|est|median|médiane|mean|moyenne|averaged|average|end|fin|follow-up|suivi|baseline|inclusion|visit|visite|months?|mois|weeks?|semaines?|days?|jours?|years?|ans?|[MJWSD]\d{1,3}|\d+|one|un|" + string.Join("|", CountWords.Values.Keys) + @")(?![\w-])\s*[,:]?\s*|(?-i:M)\s*=\s*)*)$", OptI);

    /// <summary>
    /// A mean or median that names no measure of its own but follows one of the same kind in its sentence, joined to it
    /// by "and", ";", "versus", "celle des" with nothing between but a visit or the statistic's name, measures the same
    /// thing: it is integer-valued (or a proportion) when that one is. "The count of monthly migraine days averaged 8.50
    /// (SD 2.39) with the drug (n = 44) and 8.63 (SD 2.51) with placebo (n = 42)"; "… and the body weight 80.1 (SD 9)"
    /// names a measure of its own and inherits nothing.
    /// </summary>
    static List<ReportedStatistic> InheritMeasure(string flow, List<ReportedStatistic> found, HashSet<ReportedStatistic> inTables, int[] sentences, CheckOptions options)
    {
        var ordered = found.OrderBy(s => s.Context.Start).ToList();
        static ReportedStatistic WithContext(ReportedStatistic s, StatisticContext c, bool binary) => s switch
        {
            MeanWithSpread mean => mean with { Context = c, Binary = mean.Binary || binary },
            MedianWithQuartiles median => median with { Context = c },
            _ => s,
        };
        for (int i = 0; i < ordered.Count; i++)
            if (!inTables.Contains(ordered[i]) && ordered[i] is MeanWithSpread { Binary: false } or MedianWithQuartiles && !ordered[i].Context.IntegerValued
                && (ScaleNamedAsSubject(flow, sentences, ordered[i]) || UnitsTransfused(flow, sentences, ordered[i]) || ThingsCountedBeforeStatistic(flow, sentences, ordered[i])))
                ordered[i] = WithContext(ordered[i], ordered[i].Context with { IntegerValued = true }, false);
        for (int i = 1; i < ordered.Count; i++)
        {
            var current = ordered[i];
            if (inTables.Contains(current) || current is not (MeanWithSpread or MedianWithQuartiles)) continue;
            int sentence = SentenceIndex(sentences, current.Context.Start);
            bool SameSentence(ReportedStatistic s) => !inTables.Contains(s) && SentenceIndex(sentences, s.Context.Start) == sentence && s.Context.End <= current.Context.Start;
            if (current.Context.IntegerValued)
            {
                // Named integer-valued only by words before an earlier mean or median of its sentence ("… for the swollen
                // joint count (n = 25) and 71.23 (SD 9.40) for body weight"): those words are that one's, and this one
                // measures the same only if it is joined to it.
                var earlier = ordered.Take(i).LastOrDefault(s => s is MeanWithSpread or MedianWithQuartiles && SameSentence(s));
                if (earlier is null || earlier.Context.End < current.Context.Start - 60) continue;
                // Its own words: from the last conjunction before it (the earlier one's words may follow that one: "6.40 (SD 2.10) for the joint count and …").
                int ownFrom = earlier.Context.End + (Conjunction.Matches(flow[earlier.Context.End..current.Context.Start]).LastOrDefault() is { } cj ? cj.Index + cj.Length : 0);
                var own = flow[ownFrom..Math.Min(SentenceEnd(sentences, flow, current.Context.Start), current.Context.End + 40)];
                // Things counted named after its own value ("and a median of 0.7 delayed doses (IQR 0–2)") are its own words too.
                if (NamesInteger(own, options) || options.IntegerMeasures.Any(d => own.Contains(d, StringComparison.OrdinalIgnoreCase))
                    || CountUnit.IsMatch(AfterFirstNumber(current.Context.Quote)) || CountUnit.IsMatch(flow[current.Context.End..Math.Min(flow.Length, current.Context.End + 40)])) continue;
                if (!earlier.Context.IntegerValued || !(Joined(flow, earlier, current) || RepeatedVerbAndUnit(flow, earlier, current)))
                    ordered[i] = WithContext(current, current.Context with { IntegerValued = false }, false);
                continue;
            }
            if (current is MeanWithSpread { Binary: true }) continue;
            var previous = ordered.Take(i).LastOrDefault(s => s.Kind == current.Kind && SameSentence(s));
            if (previous is null) continue;
            // A second group given the same verb and unit inherits what the first's words make it, days of an event
            // counted included ("took 4.30 (SD 1.95) days of analgesics …, and the 15 others took 3.43 (SD 1.41) days").
            bool repeated = !Joined(flow, previous, current) && RepeatedVerbAndUnit(flow, previous, current);
            bool integer = previous.Context.IntegerValued || (repeated && previous is MeanWithSpread first && CountedOverOnePeriod(flow, first).Context.IntegerValued);
            if (!(integer || previous is MeanWithSpread { Binary: true }) || !(repeated || Joined(flow, previous, current))) continue;
            var context = current.Context with { IntegerValued = integer, Measure = current.Context.Measure ?? previous.Context.Measure };
            ordered[i] = WithContext(current, context, previous is MeanWithSpread { Binary: true });
        }
        return ordered;
    }

    /// <summary>
    /// A score or scale named as the subject of the clause that gives the statistic, further back than the words next to
    /// it, with nothing between but the scale's range and the verb: "le score de catastrophisme (version courte, de 0 à
    /// 12) était en moyenne de 6,42 (ET 1,38)", "the symptom subscale of the questionnaire for the 14 children who
    /// relapsed was 6.36 (SD 1.20)". Not its change or difference (a difference of scores is no score), not a score
    /// averaged over items or an index with decimals, not a value printed with a unit or over a period.
    /// </summary>
    static bool ScaleNamedAsSubject(string flow, int[] sentences, ReportedStatistic current)
    {
        int s0 = SentenceStart(sentences, current.Context.Start);
        var before = flow[s0..current.Context.Start];
        var clause = ScaleRangeBracket.Replace(before, m => new string(' ', m.Length));
        if (ScaleSubject.Match(clause) is not { Success: true } subject || NotIntegerScore.IsMatch(before[subject.Index..]) || ModelBased.IsMatch(before)
            || ChangeOfAScore.IsMatch(subject.Value) || NotTheScoreItself.IsMatch(subject.Value)) return false;
        var after = flow[current.Context.End..Math.Min(flow.Length, current.Context.End + 20)];
        var unit = QuoteUnit(current.Context.Quote);
        return !ContinuousUnit.IsMatch(after) && !ContinuousUnit.IsMatch(unit) && !PerPeriod.IsMatch(after) && !PerPeriod.IsMatch(unit);
    }
    /// <summary>
    /// Units of a blood product, named by the sentence's transfusion: "The 23 patients who received a red-cell
    /// transfusion were given 2.67 (SD 1.08) units", "ont reçu 2,4 (ET 1,1) unités de plaquettes": a unit of blood is a bag,
    /// given whole (never units per a time or a weight, nor insulin's).
    /// </summary>
    static bool UnitsTransfused(string flow, int[] sentences, ReportedStatistic current)
    {
        var after = QuoteUnit(current.Context.Quote) + flow[current.Context.End..Math.Min(flow.Length, current.Context.End + 30)];
        int s0 = SentenceStart(sentences, current.Context.Start);
        return BloodProductUnits.IsMatch(after) && Transfusion.IsMatch(flow[s0..SentenceEnd(sentences, flow, current.Context.Start)])
               && !ModelBased.IsMatch(flow[s0..current.Context.Start]);
    }
    /// <summary>
    /// Things counted named right before the statistic's name, after a colon or a comma: "Children in the silver foam
    /// group needed fewer dressing changes: mean 3.41 (SD 1.27)", "les patients avaient moins d'exacerbations sévères,
    /// médiane 1 (Q1-Q3 : 0-2)". The words before are tried from each of the last four, so that a qualifier ("fewer",
    /// "moins d'") is no part of the thing counted; never a rate ("admissions per year: mean 2.3") nor a model's estimate.
    /// </summary>
    static bool ThingsCountedBeforeStatistic(string flow, int[] sentences, ReportedStatistic current)
    {
        int s0 = SentenceStart(sentences, current.Context.Start);
        var before = flow[s0..current.Context.Start];
        if (ThingsThenStatisticName.Match(before) is not { Success: true } m || ModelBased.IsMatch(before)) return false;
        var things = m.Groups["things"].Value;
        foreach (Match w in Regex.Matches(things, @"(?<![\p{L}'’-])[\p{L}]"))
            if (CountUnit.IsMatch(things[w.Index..] + m.Groups["rest"].Value)) return true;
        return false;
    }
    static readonly Regex ThingsThenStatisticName = new(@"(?<things>(?:[\p{L}'’-]+\s+){0,3}[\p{L}'’-]+)(?<rest>\s*[:,]\s*)(?:mean|median|moyenne|médiane)\s*(?:of|de|=|:)?\s*$", OptI);
    static readonly Regex BloodProductUnits = new(@"^\s*(?:\([^()]*\)\s*)?(?:units?|unités?)\b(?!\s*(?:/|per\b|par\b|a\s+(?:day|week|month)|of\s+insulin|d'insuline))", OptI);
    static readonly Regex Transfusion = new(@"\b(?:transfus\w*|red[- ](?:blood[- ])?cells?|packed cells|platelets?|(?:fresh[- ]frozen\s+)?plasma|culots?|concentrés?\s+(?:globulaires|plaquettaires)|globules\s+rouges|plaquettes)\b", OptI);
    /// <summary>The subject "the … score|scale|échelle …" at a clause's start, then its verb, then the statistic.</summary>
    static readonly Regex ScaleSubject = new(@"(?:^|[;:,])\s*(?:the|its|their|le|la|les|l'|son|sa|leur)\s*(?:[\p{L}'’-]+\s+){0,3}?(?:scores?|scales?|subscales?|subscores?|échelles?|sous-scores?|questionnaires?)\b[^;:=±%\d]*?\b(?:was|were|averaged|had|stood|reached|était|étaient|avait|avaient|valait|atteignait)\b[^;:=±%\d]{0,40}$", OptI);
    /// <summary>A bracket giving a scale's range and nothing that a statistic prints: "(version courte, de 0 à 12)", "(0–10)".</summary>
    static readonly Regex ScaleRangeBracket = new(@"(?<![\d.,]\s*)\((?![^()]*\b(?:IQR|EIQ|Q1|Q3|SD|ET|DS|SE|CI|IC|range|extrêmes|min|max|n\s*=|p\s*[<=>]))[^()\d]*?\b\d+\s*(?:to|à|–|-)\s*\d+(?![.,]\d)[^()\d]*\)", OptI);
    /// <summary>Something measured of a score other than its value: "the questionnaire's completion time", "le taux de remplissage de l'échelle".</summary>
    static readonly Regex NotTheScoreItself = new(@"\b(?:times?|durations?|rates?|ratios?|proportions?|percentages?|lengths?|completion|response|delays?|latency|reliability|consistency|alpha|correlations?|agreement|costs?|délais?|durées?|temps|taux|pourcentages?|fiabilité|cohérence|corrélations?|coûts?|remplissage|passation)\b", OptI);
    static readonly Regex ChangeOfAScore = new(@"\b(?:changes?|variations?|gains?|improvements?|reductions?|decreases?|increases?|falls?|rises?|declines?|drops?|differences?|deltas?|évolutions?|améliorations?|baisses?|diminutions?|hausses?|augmentations?|différences?|écarts?|réductions?|progressions?)\b", OptI);

    /// <summary>A second clause giving the same measure in a counted group by a pronoun: "…; in the 13 trekkers who needed
    /// rescue analgesia it was 6.88", "… ; chez les 13 enfants ayant arraché leur sonde, il était de 3,33", "…; after 24
    /// hours it had a median of 3", "… ; à 24 heures, il avait une médiane de 3": "it", "il",
    /// "elle" stand for the measure just named (a measure named anew, "for body weight, it was", is no counted group).</summary>
    static readonly Regex PronounOfSameMeasure = new(@"(?:;|,|\bwhereas\b|\bwhile\b|\balors que\b|\btandis que\b|\band\b|\bet\b)\s*(?:(?:in|among|for|chez|parmi|dans|pour)\s+(?:the|those|les|ces)\s+(?:\d+|" + CountWords.Pattern + @")\s+[^;:.,=±%()\d]{0,90}?,?\s*)?(?:(?:after|at|by|à|après)\s+[^;:.,=±%()]{1,25}?,?\s+)?(?:it|il|elle)\s+(?:was|is|stood at|averaged|était|est|a été|had\s+(?:a|an)\s+(?:median|mean)\s+of|avait\s+une\s+(?:médiane|moyenne)\s+de)\s*(?:de\s+|d'|at\s+)?$", OptI);

    /// <summary>A second group of people's value with its verb and measure left out: "… had 9.65 (SD 2.07) glucose
    /// measurements, the 29 admitted placebo infants 11.41 (SD 3.02)", "… ont reçu 2,38 (ET 0,92) doses de secours, et
    /// les 26 patients sous placebo 3,15 (ET 1,71)", or a group named by its relative clause alone ("and the 15 who relapsed
    /// after stopping 1.51 (SD 0.92)", "et les 15 qui ont rechuté 1,51 (ET 0,92)") or by "with" ("and the 14 with a
    /// glucose-6-phosphate dehydrogenase deficiency 2.07 (SD 0.28)", "et les 12 ayant une surinfection 3,47") or by its
    /// arm ("and the 16 in the IVIG-alone group 2.47 (SD 0.52)", "et les 16 du groupe placebo 2,47": the n the sentence
    /// gives it, as for the n that applies), in up to six
    /// words after them ("et les 25 patients mineurs lors de leur première ivresse 1,64 (DS 0,81)"), or by "those" and
    /// what they are in or given ("and those in the liberal group a median of 2.2 units", "et ceux du groupe libéral"); its
    /// words may hold a whole number ("the 16 women aged over 40 years 2.31 (SD 1.01)", "les 12 enfants de moins de 7 ans
    /// 1,58 (DS 0,21)") and a relative clause's verb ("the 14 with a mother who had dysmenorrhea 2.64 (SD 0.19)"). People named, so that the group's n is the statistic's (not "les 26
    /// sous placebo", whose n the sentence's other group would give); no verb and no preposition at its end: "and the
    /// 40 patients had a BMI of 27.3" names its own measure; but the group may end on the preposition that brought in the
    /// first group's value, the verb and measure left out before it (see <see cref="Joined"/>).</summary>
    static readonly Regex ElidedGroup = new(@"^\s*(?:,\s*(?:and|et)?|;|\band\b|\bet\b)\s*(?:(?:the|les|ces)\s+(?:\d+|" + CountWords.Pattern + @")\s+"
        + @"(?:(?:" + NotAVerb + @"[\p{L}'’-]+\s+){0,3}?" + PeopleWords + @"|(?:who|qui|with|avec|ayant)\s+[\p{L}'’-]+|(?:in\s+the|du|dans\s+le)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:group|arm|groupe|bras)\b)"
        + @"|(?:those|ceux|celles)\s+(?:in|on|with|given|receiving|who|dans|du|de|avec|sous|ayant|qui)\s+[\p{L}'’-]+)"
        + @"(?:\s+(?:" + RelativeClauseVerb + "|" + NotAVerb + @"(?:\p{L}[\p{L}\d'’-]*|\d{1,2}(?:re|er|e|ème|st|nd|rd|th)(?![\p{L}\d])|\d{1,3}(?![\d.,])))){0,8}\s*(?<!\b(?:of|de|d'|du|des|à|at|for|pour|with|avec)\s*)(?<!\d\s*)$", OptI);
    /// <summary>The verb of a relative clause that describes the group ("the 14 with a mother who had dysmenorrhea", "les 9
    /// enfants qui avaient un frère"): the group's own, not a verb giving the group a measure of its own.</summary>
    static readonly Regex HadAnObject = new(@"\b(?:who|whose|that|qui|dont)\s+(?:had|has|have|avaient|avait|ont|a)\s+(?:a|an|the|un|une|le|la|l'|d'|des|du)(?![\p{L}])", OptI);
    const string RelativeClauseVerb = @"(?:who|whose|that|qui|dont)\s+(?:had|has|have|were|was|avaient|avait|ont|a|étaient|était)\b";
    const string NotAVerb = @"(?!(?:" + Auxiliary + @"|showed|reported|received|took|used|a(?=\s+(?:[\p{L}-]+(?:é|ée|és|ées|u|ue|us|ues|i|is|it)|une?|des|du|de|d')\b)|présentaient|recevaient|prenaient)\b)";

    /// <summary>
    /// A second group given the same verb and the same unit as the first, its other words left out: "the 10 splint
    /// participants took 4.30 (SD 1.95) days of analgesics in the last week, and the 15 no-splint participants took 3.43
    /// (SD 1.41) days", "… ont pris 4,30 (ET 1,95) jours …, et les 15 autres ont pris 3,43 (ET 1,41) jours": the same
    /// measure. Only for a group named by its count after the conjunction, with no number or statistic between.
    /// </summary>
    static bool RepeatedVerbAndUnit(string flow, ReportedStatistic previous, ReportedStatistic current)
    {
        var verbBefore = Regex.Match(flow[Math.Max(0, previous.Context.Start - 30)..previous.Context.Start], @"(?<w>\p{L}{3,})\s*$");
        var verbAgain = Regex.Match(flow[Math.Max(0, current.Context.Start - 30)..current.Context.Start], @"(?<w>\p{L}{3,})\s*$");
        if (!verbBefore.Success || !verbAgain.Success || !string.Equals(verbBefore.Groups["w"].Value, verbAgain.Groups["w"].Value, StringComparison.OrdinalIgnoreCase)) return false;
        // The unit printed in the quote ("9.04 days (SD 5.62)"), else right after the statistic ("4.30 (SD 1.95) days").
        string After(ReportedStatistic s) => QuoteUnit(s.Context.Quote) is var q && Regex.IsMatch(q, @"^\s*\p{L}") ? q : flow[s.Context.End..Math.Min(flow.Length, s.Context.End + 30)];
        var unitAfter = Regex.Match(After(previous), @"^\s*(?<u>\p{L}{3,})");
        var unitAgain = Regex.Match(After(current), @"^\s*(?<u>\p{L}{3,})");
        if (!unitAfter.Success || !unitAgain.Success || !string.Equals(unitAfter.Groups["u"].Value, unitAgain.Groups["u"].Value, StringComparison.OrdinalIgnoreCase)) return false;
        var between = flow[previous.Context.End..current.Context.Start];
        var group = Regex.Match(between, @"(?:,\s*|\b)(?:and|et|whereas|while|alors\s+que|tandis\s+que)\s+(?:the|les)\s+(?:\d+|" + CountWords.Pattern + @")\s+(?<rest>[^;:.=±%()\[\]]{0,100})$", OptI);
        return group.Success && !Regex.IsMatch(group.Groups["rest"].Value, @"\d");
    }

    static readonly Regex GroupNBracket = new(@"\s*\(\s*[nN]\s*=\s*\d+\s*\)", Opt);
    static readonly Regex GroupAside = new(@"(?<=\p{Ll}\s*)\s*\(\s*\p{Ll}[\p{Ll}'’-]*(?:\s+\p{Ll}[\p{Ll}'’-]*)*\s*\)(?=\s*$)", Opt);
    /// <summary>A statistic joined to the one before it as a second value of the same measure (see <see cref="InheritMeasure"/>), with no unit or "for …" of its own after it.</summary>
    static bool Joined(string flow, ReportedStatistic previous, ReportedStatistic current)
    {
        // A second group ending on the preposition that brought in the first group's value: "… a mean score of 15.23 ±
        // 6.90 and the 10 men of 12.10 ± 4.24", "rated procedural pain at 3.52 (SD 1.41) points, the 19 with a calcified
        // rim at 4.29 (SD 1.63)", "cotaient leur fatigue à 3,44 (ET 1,56) …, et les 27 patientes avec atteinte
        // ganglionnaire à 3,54": the verb and the measure left out are the first group's.
        bool Elided(string tail)
        {
            if (ElidedGroup.IsMatch(tail)) return true;
            var preposition = Regex.Match(tail, @"(?<![\p{L}'’])(?<p>of|at|de|d'|à)\s*$", OptI);
            // "and the 40 patients who had a BMI of 27.3": a relative clause whose object the preposition follows names the
            // value's own measure (not "and the 27 who were working full time at 3.85": the verb rating both is left out).
            return preposition.Success && !HadAnObject.IsMatch(tail)
                   && Regex.IsMatch(flow[Math.Max(0, previous.Context.Start - 40)..previous.Context.Start], @"(?<![\p{L}'’])" + Regex.Escape(preposition.Groups["p"].Value) + @"\s*$", OptI)
                   && ElidedGroup.IsMatch(tail[..preposition.Index].TrimEnd() + " ");
        }
        // The second group's own n in brackets ("and those who missed a session (n = 26) a mean of 10.65") is part of its name.
        // So is an aside in words describing the group ("and the 10 with a diathesis (knuckle pads or bilateral disease)
        // 3.45 (SD 1.26)", "et les 9 ayant une atteinte oculaire (conjonctivite ou kératite) 2,14"): lower-case words
        // only, no number, no abbreviation that could name a measure of its own.
        var between = GroupAside.Replace(GroupNBracket.Replace(flow[previous.Context.End..current.Context.Start], ""), "");
        var conjunction = Conjunction.Matches(between).LastOrDefault();
        if (!PronounOfSameMeasure.IsMatch(between) && !(conjunction is not null && Elided(between[conjunction.Index..])) && (conjunction is null || !SameMeasureTail.IsMatch(between[(conjunction.Index + conjunction.Length)..]))) return false;
        var afterNumber = flow[current.Context.End..Math.Min(flow.Length, current.Context.End + 20)];
        if (ContinuousUnit.IsMatch(afterNumber) || ContinuousUnit.IsMatch(QuoteUnit(current.Context.Quote))) return false;
        // "… and 71.2 (SD 9.4) for body weight" names its own measure after it.
        return !Regex.IsMatch(afterNumber, @"^\s*(?:for|pour)\s", OptI);
    }

    /// <summary>Words saying a mean is a model's estimate or a weighted one (adjusted, least-squares, marginal, imputed): not a total of integers over n.</summary>
    /// <summary>Words that name a measure as scored in whole points (or by the paper's own statement of a score's range).</summary>
    static bool NamesInteger(string words, CheckOptions options) =>
        IntegerWords.IsMatch(words) || options.PaperScores?.IsMatch(words) == true;

    /// <summary>A range stated in whole points ("(0–24 points)", "ranges from 0 to 12 points", "va de 0 à 35 points", "items scored 0 to 3", "in whole points").</summary>
    static readonly Regex PointsRange = new(@"\(\s*(?:[A-Z][\w-]*\s*,\s*)?\d+\s*(?:to|à|–|-)\s*\d+\s*points?\s*\)|\b(?:from|de)\s+\d+\s*(?:to|à|–|-)\s*\d+\s+points?\b|\b(?:scored|coté|cotés|cotée|cotées)\s+(?:from\s+|de\s+)?\d+\s*(?:to|à|–|-)\s*\d+\b|\bin whole points\b|\ben points entiers\b", OptI);
    const string ScoreName = @"[A-ZÀ-Ý][\wÀ-ÿ]*(?:-[\wÀ-ÿ]+)*";
    /// <summary>The name of a score in its own words: "score IPSS", "test de Fagerström", "indice CAO"; "Mayo score", "IBDQ total score"; "Epworth Sleepiness Scale (ESS".</summary>
    static readonly Regex[] ScoreNaming =
    [
        new(@"\b(?:score|scale|test|échelle|indice|index|questionnaire)\s+(?:de\s+|d'|du\s+)?(?<w>" + ScoreName + ")", Opt),
        // A word before "score" is the score's name when it stands alone ("the Bishop score"), not the last word of a longer name ("Epworth Sleepiness Scale").
        new(@"(?<![\wÀ-ÿ-])(?<!(?!(?:The|Le|La|Les|Each|Its|Their|Son|Sa|Leur)\s)[A-ZÀ-Ý][\wÀ-ÿ-]*\s)(?<w>" + ScoreName + @")\s+(?:(?:total|totale|global|globale)\s+)?(?i:score|scale|subscale|sous-score)\b", Opt),
        new(@"(?:Scale|Score|Questionnaire|Inventory|Échelle)(?:-[IVX]+)?\s*\(\s*(?<w>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*[,;)]", Opt),
    ];
    static readonly Regex ScoreAbbreviation = new(@"(?<![\w-])(?:[A-Z][\wÀ-ÿ-]*\s+){1,5}Score\s*\(\s*(?<w>[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)\s*(?:\)|[,;]\s*\d+\s*(?:to|à|–|-)\s*\d+\s*[,;)])|\b[Ss]core\s+(?:[\wÀ-ÿ'-]+\s+){1,5}?\(\s*(?<w>[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)\s*(?:\)|[,;]\s*\d+\s*(?:to|à|–|-)\s*\d+\s*[,;)])", Opt);
    /// <summary>"Pain was rated on a 0–10 numeric rating scale", "Pain intensity was rated on …", "L'intensité de la douleur était cotée sur une échelle numérique": the measure rated on a scale (never a visual analogue one).</summary>
    static readonly Regex RatedOnScale = new(@"(?:(?:L'|l')intensité\s+|(?:La|la)\s+sévérité\s+)(?:de\s+la|du|des|de\s+l')\s*(?<w>\p{Ll}[\p{L}-]{3,})\s+(?:était|étaient|a été|ont été)\s+(?:cotée?s?|évaluée?s?|mesurée?s?)\s+sur\s+(?:une?|la|l')\s+(?!échelle\s+(?:visuelle|analogique))[^.;]{0,50}?\béchelle|(?<w>" + ScoreName + @")(?:\s+(?:intensity|severity))?\s+(?:was|were|is|are|était|étaient|est|sont|a été|ont été)\s+(?:rated|scored|graded|cotée?s?|évaluée?s?)\s+(?:on|sur)\s+(?:a|an|une?|the|la|l')\s+[^.;]{0,50}?\b(?:rating scale|scale|échelle)", Opt);
    /// <summary>
    /// An abbreviation given with its range in points, whatever words named it: inside the bracket that states the range
    /// ("the Glasgow alcoholic hepatitis score (GAHS, 5–12 points)", "l'échelle de Tampa (TSK, 17 à 68 points entiers)",
    /// "(ESAS; each symptom 0–10, whole numbers)"), right before it ("le GIQLI (0 à 144 points entiers)") or in a bracket
    /// of its own that the range follows ("une échelle numérique (EN) de 0 à 10, en points entiers"). The paper says the
    /// measure is scored in points; where it names it again by the abbreviation alone, it is integer-valued.
    /// </summary>
    const string Abbreviation = @"(?<w>[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)";
    const string WholeRange = @"\d+\s*(?:to|à|–|-)\s*\d+";
    static readonly Regex AbbreviationWithPointsRange = new(
        @"\(\s*" + Abbreviation + @"\s*[,;:]\s*(?:[\p{L}'-]+\s+){0,3}?(?:de\s+|from\s+)?" + WholeRange + @"\s*(?:-?points?(?:\s+entiers)?|,?\s*(?:in\s+)?whole(?:\s+|-)(?:points|numbers?)|,?\s*en\s+points\s+entiers)(?:[,;][^()]*)?\)"
        + @"|\(\s*" + Abbreviation + @"\s*[,;:]\s*(?:" + WholeRange + @"\s*[,;]\s*)?(?:(?:integer|whole[- ]number)\s+(?:scores?|totals?|counts?|values?)|(?:scores?|totaux|valeurs|notes)\s+enti(?:ers|ères))\s*\)"
        + @"|" + Abbreviation + @"\s*\(\s*(?:de\s+|from\s+)?" + WholeRange + @"\s*(?:points?(?:\s+entiers)?|whole\s+points|,\s*(?:in\s+)?whole\s+(?:points|numbers)|,\s*en\s+points\s+entiers)\s*\)"
        + @"|\(\s*" + Abbreviation + @"\s*\)\s*(?:de|from)\s+" + WholeRange + @"\s*,?\s*(?:en\s+points\s+entiers|in\s+whole\s+(?:points|numbers))"
        // The range before the bracket, the bracket saying the values are whole: "on a 0–10 numeric rating scale (NRS,
        // whole numbers)", "sur une échelle numérique de 0 à 10 (EN, en points entiers)".
        + @"|(?<=" + WholeRange + @"[^.;()]{0,60}?)\(\s*" + Abbreviation + @"\s*[,;:]\s*(?:(?:in\s+)?whole(?:\s+|-)(?:numbers?|points)|(?:en\s+)?(?:points|nombres)\s+entiers|integers?|entiers)\s*\)", Opt);
    static readonly Regex IntegerScoresStatement = new(@"(?:,\s*|\b(?:all|both|tous|toutes|les\s+deux)\s+)(?:(?:integer|whole[- ]number)\s+(?:scores|totals)|(?:scores|totaux)\s+entiers|en\s+points\s+entiers)\b", OptI);
    static readonly Regex AbbreviationWithRange = new(@"\(\s*" + Abbreviation + @"\s*[,;]\s*" + WholeRange + @"\s*\)", Opt);
    /// <summary>A score that counts: "the CAO index counts", "L'indice CAO compte".</summary>
    static readonly Regex CountingIndex = new(@"(?<w>[A-Z]{2,}[A-Za-z0-9-]*)\s+(?:(?:index|score)\s+)?(?:counts|compte|dénombre)\b", Opt);
    static readonly HashSet<string> NotScoreNames = new(StringComparer.OrdinalIgnoreCase) { "The", "A", "An", "Le", "La", "Les", "L", "Un", "Une", "Each", "Its", "This", "Their", "Total", "Son", "Sa", "Ses", "Leur", "Ce", "Cette", "Score", "Scale", "Échelle", "Test", "Mean", "Median", "Moyenne", "Médiane", "Higher", "Lower", "Our", "Notre" };

    /// <summary>
    /// The measures a paper states as scored in whole points, wherever it states it: a score, scale or test whose range
    /// it gives in points ("The total Mayo score ranges from 0 to 12 points", "the Epworth Sleepiness Scale (ESS, 0–24
    /// points)", "Le test de Fagerström va de 0 à 10 points"), a measure rated on a rating scale ("Pain was rated on a
    /// 0–10 numeric rating scale in whole points") and a score that counts ("L'indice CAO compte … les dents cariées").
    /// Named so there, the measure is integer-valued where the paper names it again without the word score ("a
    /// baseline ESS of 11.64"), unless it is an index with decimals (NotIntegerScore) or a unit follows its value.
    /// </summary>
    static Regex? PaperScorePattern(string flow) => PaperScoreNames(flow) is { Count: > 0 } names
        ? new Regex(@"(?<![\w-])(?:" + string.Join("|", names.Select(name => "(?i:" + Regex.Escape(name[..1]) + ")" + Regex.Escape(name[1..]))) + @")(?![\w])", Opt)
        : null;

    static IReadOnlyList<string> PaperScoreNames(string flow)
    {
        var names = new List<string>();
        void Add(string name)
        {
            if (name.Length >= 2 && !NotScoreNames.Contains(name) && !NotMeasures.Contains(name) && !NotIntegerScore.IsMatch(name) && !names.Contains(name)) names.Add(name);
        }
        int clauseFrom = 0;
        foreach (Match range in PointsRange.Matches(flow))
        {
            // The clause that states this range: back to the sentence's or clause's start, or to the range before it.
            int from = Math.Max(Math.Max(clauseFrom, range.Index - 160), flow.LastIndexOfAny(new[] { '.', ';', '\n' }, Math.Max(0, range.Index - 1)) + 1);
            clauseFrom = range.Index + range.Length;
            var clause = flow[from..clauseFrom];
            if (NotIntegerScore.IsMatch(clause) || ContinuousShare.IsMatch(clause)) continue;
            foreach (var naming in ScoreNaming)
                foreach (Match m in naming.Matches(clause)) Add(m.Groups["w"].Value);
        }
        foreach (Match m in RatedOnScale.Matches(flow))
            if (!NotIntegerScore.IsMatch(m.Value)) Add(m.Groups["w"].Value);
        foreach (Match m in CountingIndex.Matches(flow)) Add(m.Groups["w"].Value);
        foreach (Match m in AbbreviationWithPointsRange.Matches(flow)) Add(m.Groups["w"].Value);
        // A list of instruments given with their ranges that the sentence then says are integer scores: "the Widespread
        // Pain Index (WPI, 0–19) and the Symptom Severity Scale (SSS, 0–12), all integer scores", "(EE, 0-54), (DP, 0-30)
        // et (AP, 0-48), scores entiers".
        foreach (Match m in IntegerScoresStatement.Matches(flow))
        {
            int from = flow.LastIndexOfAny(new[] { '.', '\n' }, Math.Max(0, m.Index - 1)) + 1;
            foreach (Match a in AbbreviationWithRange.Matches(flow[from..m.Index])) Add(a.Groups["w"].Value);
        }
        // A measure the paper says is given in whole points or numbers, named as its clause's subject: "La satisfaction,
        // sur une EN de 0 à 10 en points entiers, était de 8,41", "Wound pain (0–10, whole points) fell from …": integer-valued
        // wherever the paper names it again ("chez les 13 patients raides, la satisfaction était de 6,08").
        foreach (Match m in WholePointsStatement.Matches(flow))
        {
            int from = flow.LastIndexOfAny(new[] { '.', ';', '\n' }, Math.Max(0, m.Index - 1)) + 1;
            if (m.Index - from > 160) continue;
            if (StatedSubject.Match(flow[from..m.Index]) is { Success: true } subject && subject.Groups["w"].Value.Length >= 4
                && !NotIntegerScore.IsMatch(flow[from..(m.Index + m.Length)]))
                Add(subject.Groups["w"].Value);
        }
        // A score or scale whose abbreviation the sentence defines and then gives as an N-point scale: "clinical activity
        // score [CAS] of 4 or more on a 7-point scale", "l'échelle de gravité clinique (EGC), en 5 points": an N-point
        // scale takes N whole values. The nearest abbreviation before the statement, no other measure joined between.
        foreach (Match m in NPointScale.Matches(flow))
        {
            int from = Math.Max(m.Index - 160, flow.LastIndexOfAny(new[] { '.', '\n' }, Math.Max(0, m.Index - 1)) + 1);
            if (DefinedAbbreviation.Matches(flow[from..m.Index]).LastOrDefault() is not { } a) continue;
            var between = flow[(from + a.Index + a.Length)..m.Index];
            if (!Regex.IsMatch(between, @"[;,()\[\]]|\b(?:and|et)\b", OptI) && !NotIntegerScore.IsMatch(flow[from..(m.Index + m.Length)])) Add(a.Groups["w"].Value);
        }
        // A score's abbreviation defined where the paper names it ("The Venous Clinical Severity Score (VCSS)", "le score
        // de sévérité veineuse clinique (VCSS)"): the score, integer-valued as a score is, wherever the abbreviation
        // stands alone (not a scale's: a rating scale may be averaged over items).
        foreach (Match m in ScoreAbbreviation.Matches(flow))
            if (!NotIntegerScore.IsMatch(flow[Math.Max(0, m.Index - 80)..(m.Index + m.Length)])) Add(m.Groups["w"].Value);
        return names;
    }

    /// <summary>"on a 7-point scale", "a 5-point Likert scale", "une échelle en 5 points", "échelle à 7 points": a scale of N whole values.</summary>
    static readonly Regex NPointScale = new(@"\b\d{1,3}[- ]points?\s+(?:[\p{L}-]+\s+){0,2}?(?:scale|rating\s+scale)\b|\béchelle\s+(?:[\p{L}-]+\s+){0,2}?(?:en|à|de)\s+\d{1,3}\s+points\b(?!\s+(?:de\s+)?pourcentage)", OptI);
    /// <summary>A score's, scale's or index's abbreviation defined in brackets after its name: "clinical activity score [CAS]", "échelle de gravité clinique (EGC)".</summary>
    static readonly Regex DefinedAbbreviation = new(@"(?i:\b(?:score|scale|index|échelle|indice))(?:\s+(?:de|du|des|d')?\s*[\p{Ll}'-]+){0,4}?\s*[\(\[]\s*" + Abbreviation + @"\s*[\)\]]", Opt);
    /// <summary>
    /// A scale the paper says it scored in whole points, named by its abbreviation just before the statement: "cotées sur
    /// une EVA de 0 à 10 en points entiers", "pain on a VAS from 0 to 10 in whole points". The paper's own statement
    /// outweighs what the scale's kind suggests (a visual analogue scale is otherwise real-valued).
    /// </summary>
    static Regex? StatedWholePointsPattern(string flow)
    {
        var names = new List<string>();
        foreach (Match m in WholePointsStatement.Matches(flow))
        {
            int from = Math.Max(Math.Max(0, m.Index - 60), flow.LastIndexOfAny(new[] { '.', ';', '\n', '(', ',' }, Math.Max(0, m.Index - 1)) + 1);
            foreach (Match a in Acronym.Matches(flow[from..m.Index]))
                if (a.Value.Length >= 2 && !NotMeasures.Contains(a.Value) && !names.Contains(a.Value)) names.Add(a.Value);
            // The scale opening the bracket the statement closes, its range between: "(EVA de 0 à 10, en points entiers)",
            // "(VAS 0 to 10, in whole points)".
            int open = flow.LastIndexOf('(', Math.Max(0, m.Index - 1));
            if (open >= 0 && m.Index - open <= 60 && flow.IndexOf(')', open, m.Index - open) < 0
                && Regex.Match(flow[(open + 1)..m.Index], @"^\s*(?<w>[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)\b") is { Success: true } opening
                && !NotMeasures.Contains(opening.Groups["w"].Value) && !names.Contains(opening.Groups["w"].Value))
                names.Add(opening.Groups["w"].Value);
        }
        return names.Count == 0 ? null : new Regex(@"(?<![\w-])(?:" + string.Join("|", names.Select(Regex.Escape)) + @")(?![\w-])", Opt);
    }
    /// <summary>The subject opening a clause, before its comma or bracket: "La satisfaction,", "Wound pain (".</summary>
    static readonly Regex StatedSubject = new(@"^\s*(?:(?:The|La|Le|Les|L')\s*)?(?<w>\p{L}[\p{L}-]+(?:\s+\p{L}[\p{L}-]+){0,2}?)\s*[,(]", Opt);
    /// <summary>
    /// The paper's statement that a measure takes whole values: "in whole points", "whole numbers", "en points entiers",
    /// "notes entières", or the same closing the scale's bracket after its range: "(VAS 0–10, whole points)", "(EVA 0-10,
    /// points entiers)", "(0 à 10, entiers)". One statement for the rule that names the measure by its clause's subject and
    /// the one that names it by its abbreviation; the bracket's form is tried first, so that a match starts at its comma.
    /// </summary>
    static readonly Regex WholePointsStatement = new(@",\s*(?:whole\s+(?:points|numbers)|(?:points|nombres)\s+entiers|entiers?|entières?)\s*\)|\b(?:in\s+)?whole\s+(?:points|numbers)\b|\ben\s+(?:points|nombres)\s+entiers\b|\b(?:nombres?|notes?)\s+enti(?:er|ers|ère|ères|ere|eres)\b", OptI);

    // A verb in the passive names something done to the patients, not a model's estimate ("the dose was adjusted a
    // median of 2 times", "la dose a été ajustée 3 fois"), unless what it was adjusted for or on follows ("means were
    // adjusted for age", "ajustées sur l'âge").
    static readonly Regex ModelBased = new(@"\b(?:(?<!\b(?:was|were|is|are|be|been|being|été)\s+)(?:adjusted|ajustée?s?)|(?:adjusted|ajustée?s?)(?=\s+(?:for|on|by|with|using|to|according|pour|sur|selon|en\s+fonction)\b)|adjustment|adjusting|least[- ]squares|LS|estimated|model[- ]based|marginal|predicted|weighted|imputed|imputation|ajustement|estimée?s?|pondérée?s?|imputée?s?|moindres carrés)\b", OptI);
    /// <summary>
    /// Scores that are not whole numbers though named so: standardised or averaged over items (z- and T-scores, a mean
    /// item score), indices with decimals (DAS28, HAQ, EDSS, BASDAI, SF-36, EQ-5D, a visual analogue scale), differences
    /// between means, and blood cell counts (in 10⁹/L).
    /// </summary>
    static readonly Regex NotIntegerScore = new(@"\b(?:(?:per|par)\s+(?:(?:patient|person|personne)[- ])?(?:years?|ans?|années?|months?|mois|weeks?|semaines?|days?|jours?)|z[- ]?scores?|T[- ]?scores?|propensity|standardi[sz]ed|normali[sz]ed|per item|item means?|mean item|averaged (?:over|across)|moyenne des items|par item|utility|utilité|DAS28|DAS|SDAI|CDAI|HAQ(?:-DI)?|EDSS|BASDAI|BASFI|ASDAS|SF-?36|SF-?12|PCS|MCS|EQ-?5D|VAS|EVA|visual analog(?:ue)?|analogique|PASI|SCORAD|EASI|ADAS(?:-Cog)?|KCCQ|SGRQ|KOOS|HOOS|IKDC|(?:Quick)?DASH|Lequesne|PDQ-?39|ACQ|AQLQ|FSS|BPI|RAPID-?3|FIQR?|MSIS(?:-29)?|CDR(?:-SB)?|QLQ(?:-C30)?|PROMIS|transformed|rescaled|differences?|différences?|(?:cell|blood|neutrophil|lymphocyte|leu[ck]ocyte|platelet|CD4|CD8|eosinophil|reticulocyte|sperm|white[- ]cell|red[- ]cell)\s+counts?|numérations?)\b", OptI);
    /// <summary>
    /// A duration the sentence states as counted in whole units ("Counted in whole weeks, the median …", "age in completed
    /// years", "en semaines révolues", "en jours entiers"): a statistic printed in that unit is of integers.
    /// </summary>
    static readonly Regex WholeTimeUnits = new(@"\b(?:whole|completed?|full)\s+(?<u>days|weeks|months|years)\b|\b(?<u>jours|semaines|mois|années|ans)\s+(?:entiers|entières|révolus|révolues|complets|complètes|pleins|pleines)\b", OptI);

    static string QuoteUnit(string quote) => Regex.Match(quote, @"^" + Num + @"(?<rest>.*)$").Groups["rest"].Value;
}
