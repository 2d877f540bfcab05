using RweStats.Figures;

namespace RweStats.Workflow;

/// <summary>
/// Builds the figures an analysis spec asks for from the study's results (values, fits), never from files:
/// "series" (the paper's Figure 1: a panel per outcome with boxes, points, trajectories, LS means and the
/// mixed-model p-values of each visit against baseline), "spaghetti" (trajectories coloured by a subject
/// category) and "residuals" (normal QQ and residuals vs fitted of the first listed outcome's scaled residuals).
/// Outcomes from synthetic data say so in their panel titles. With columns.time_value, visits sit at their times
/// (the median time of the visit's rows) unless the figure asks for "visit_spacing": "even".
/// </summary>
public static class StudyFigures
{
    /// <summary>The figures the spec asks for, built from the study's results.</summary>
    public static IReadOnlyList<(FigureSpec Spec, IFigure Figure)> Build(StudyResult study)
    {
        var result = new List<(FigureSpec, IFigure)>();
        foreach (var spec in study.Spec.Outputs.Figures)
        {
            var analyses = spec.Outcomes.Select(n => study.Outcomes.Single(o => o.Outcome.Name == n)).Where(o => o.Fit is not null).ToList();
            if (analyses.Count == 0) continue;
            var style = (spec.Preset == "single-column" ? FigureStyle.SingleColumn : FigureStyle.DoubleColumn) with
            {
                QuantileType = study.Spec.Descriptives.QuantileType,
                PValueFormat = spec.PValues switch { "exact" => PValueFormat.Exact, "stars" => PValueFormat.Stars, _ => PValueFormat.Bounded },
            };
            if (spec.Greyscale) style = style.Greyscale();
            var times = study.Spec.Columns.TimeValue is { } timeColumn && spec.VisitSpacing != "even" ? VisitTimes(study, analyses[0], timeColumn, spec.Name) : null;
            style = style with
            {
                SubjectNoun = spec.SubjectNoun,
                ShowTrajectories = spec.IndividualLines != "hide",
                LightTrajectories = spec.IndividualLines == "light",
                VisitAxisTitle = spec.VisitTitle ?? (times is null ? "Visit" : $"Visit ({study.Spec.Columns.TimeValue})"),
            };
            var panels = analyses.Select(a => (spec.Group is { } g ? GroupedPanel(study, a, g) : Panel(study, a)) with { VisitPositions = times }).ToList();
            IFigure? figure = spec.Type switch
            {
                "series" => new SeriesFigure { Panels = panels, Style = style, Rows = spec.Rows, Columns = spec.Columns, Title = spec.Title ?? study.Spec.Title ?? "Outcomes over visits" },
                "spaghetti" => new SpaghettiFigure
                {
                    Panels = panels, Style = style, Rows = spec.Rows, Columns = spec.Columns, Title = spec.Title ?? "Individual trajectories",
                    SubjectCategory = Categories(study, analyses[0], spec.ColourBy),
                    CategoryOrder = spec.ColourBy is { } c ? new[] { c.YesLabel, c.NoLabel } : null,
                    UncategorisedLabel = spec.ColourBy is { } u ? $"no value at {study.Spec.Baseline} or {u.ChangeVisit}" : "Not classified",
                },
                // Residual diagnostics of the first listed outcome: by default Cholesky-scaled residuals (SAS VCIRY: independent
                // with variance 1 when the covariance model is right) against the marginal predictions, and their normal QQ plot.
                _ when analyses[0].Fit!.Residuals is { Count: > 0 } residuals => new ResidualDiagnosticsFigure
                {
                    Fitted = residuals.Select(r => r.PredictedMarginal).ToList(),
                    Residuals = residuals.Select(r => spec.Residuals switch { "pearson" => r.PearsonMarginal, "raw" => r.ResidualMarginal, _ => r.Scaled }).ToList(),
                    Kind = spec.Residuals switch { "pearson" => ResidualKind.Pearson, "raw" => ResidualKind.Raw, _ => ResidualKind.CholeskyScaled },
                    Outcome = analyses[0].Outcome.Label + (analyses[0].Outcome.Data.Synthetic ? " (SYNTHETIC)" : ""),
                    FittedLabel = analyses[0].Outcome.Unit is { Length: > 0 } unit ? $"Fitted value ({unit})" : "Fitted value",
                    Style = style,
                    Title = spec.Title ?? $"Residual diagnostics: {analyses[0].Outcome.Label}",
                },
                _ => null,
            };
            if (figure is not null) result.Add((spec, figure));
        }
        // Each estimand's tipping-point grid, as "tipping_NAME", in a single column.
        foreach (var e in study.Estimands)
        {
            if (e.TippingPoint is not { } tipping || e.Analysis is not { } analysis) continue;
            var outcome = study.Outcomes.Single(o => o.Outcome.Name == e.Settings.Outcome).Outcome;
            var name = $"tipping_{e.Settings.Name}";
            var spec = new FigureSpec(name, "tipping-point", new[] { outcome.Name }, null, null, "single-column", null, false, "bounded", null);
            result.Add((spec, new TippingPointFigure
            {
                Analysis = tipping, Outcome = outcome.Label + (outcome.Data.Synthetic ? " (SYNTHETIC)" : ""),
                Difference = $"{analysis.Data.Arms[1]} − {analysis.Data.Arms[0]}", Style = FigureStyle.SingleColumn,
            }));
        }
        return result;
    }

    /// <summary>The panel of one outcome: raw values by subject and visit, the fit's LS means (back-transformed) and visit contrasts.</summary>
    public static SeriesPanel Panel(StudyResult study, OutcomeAnalysis a)
    {
        var visits = study.Spec.VisitOrder;
        var observations = a.ValuesBySubject.SelectMany(s => visits.Select(v => new PanelObservation(s.Key, null, v, s.Value.TryGetValue(v, out var x) ? x : double.NaN))).ToList();
        Func<double, double>? back = a.Outcome.Transform switch { "log" => Math.Exp, "log10" => x => Math.Pow(10, x), _ => null };
        var panel = SeriesPanel.FromObservations(a.Outcome.Label, a.Outcome.Unit ?? "", visits, observations) with
        {
            NormalRange = a.Outcome.NormalRange is { } r ? new NormalRange(r.Low, r.High) : null, LogScale = a.Outcome.LogScaleFigure,
        };
        return panel.WithFit(a.Fit!.Spec.Time, a.Fit.LsMeans, a.Fit.VisitContrasts, back) with { Note = a.Outcome.Data.Synthetic ? "SYNTHETIC" : null };
    }

    /// <summary>A panel split by a class column (e.g. arm): the fit must include the visit × group LS means (model "lsmeans").</summary>
    public static SeriesPanel GroupedPanel(StudyResult study, OutcomeAnalysis a, string group)
    {
        var cols = study.Spec.Columns;
        var observations = PanelObservation.FromTable(a.ModelTable!, cols.Subject, group, cols.Visit, a.Outcome.Column);
        Func<double, double>? back = a.Outcome.Transform switch { "log" => Math.Exp, "log10" => x => Math.Pow(10, x), _ => null };
        return SeriesPanel.FromObservations(a.Outcome.Label, a.Outcome.Unit ?? "", study.Spec.VisitOrder, observations)
            .WithGroupedFit(cols.Visit, group, a.Fit!.LsMeans, a.Fit.LsMeanDifferences, back) with { Note = a.Outcome.Data.Synthetic ? "SYNTHETIC" : null };
    }

    /// <summary>
    /// Each visit's time: the median of the time column over the visit's rows (one value per visit in a planned design;
    /// the median keeps a visit at its usual time when the actual days vary). A visit without a time, or times that
    /// do not increase with the visit order, is an error naming "visit_spacing": "even" as the way out.
    /// </summary>
    public static IReadOnlyList<double>? VisitTimes(StudyResult study, OutcomeAnalysis a, string timeColumn, string figure)
    {
        if (a.ModelTable is not { } table || !table.ColumnNames.Contains(timeColumn)) return null;
        var visitOf = table.Column(study.Spec.Columns.Visit, "the visit");
        var byVisit = new Dictionary<string, List<double>>();
        for (int r = 0; r < table.RowCount; r++)
        {
            if (visitOf[r] is not { } visit) continue;
            double t = table.ParseNumber(timeColumn, r);
            if (double.IsNaN(t)) continue;
            if (!byVisit.TryGetValue(visit, out var list)) byVisit[visit] = list = new List<double>();
            list.Add(t);
        }
        var times = new List<double>();
        foreach (var v in study.Spec.VisitOrder)
        {
            if (!byVisit.TryGetValue(v, out var list) || list.Count == 0)
                throw new RweStatsInputException($"figure '{figure}': visit '{v}' has no {timeColumn} (columns.time_value) to place it at; give its time or set \"visit_spacing\": \"even\"");
            times.Add(Descriptives.Quantiles.Sorted(list.Order().ToArray(), 0.5));
        }
        for (int i = 1; i < times.Count; i++)
            if (!(times[i] > times[i - 1]))
                throw new RweStatsInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"figure '{figure}': visit '{study.Spec.VisitOrder[i]}' is at {timeColumn} {times[i]}, not after '{study.Spec.VisitOrder[i - 1]}' at {times[i - 1]}; fix visits.order or set \"visit_spacing\": \"even\""));
        return times;
    }

    static IReadOnlyDictionary<string, string> Categories(StudyResult study, OutcomeAnalysis a, SubjectColouring? colour)
    {
        var categories = new Dictionary<string, string>();
        if (colour is null) return categories;
        foreach (var (subject, byVisit) in a.ValuesBySubject)
        {
            double b = byVisit.TryGetValue(study.Spec.Baseline, out var x0) ? x0 : double.NaN;
            double v = byVisit.TryGetValue(colour.ChangeVisit, out var x1) ? x1 : double.NaN;
            if (double.IsNaN(b) || double.IsNaN(v)) continue;
            categories[subject] = v - b <= colour.AtMost ? colour.YesLabel : colour.NoLabel;
        }
        return categories;
    }
}
