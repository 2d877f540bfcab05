namespace RweStats.Model;

/// <summary>REML (SAS METHOD=REML, the default) or ML.</summary>
public enum EstimationMethod { Reml, Ml }

/// <summary>Denominator degrees of freedom for t and F tests (SAS MODEL / DDFM=).</summary>
public enum DfMethod { Residual, Containment, BetweenWithin, Satterthwaite }

/// <summary>
/// Everything that defines a mixed-model fit, as the user states it: the "fit" command line maps onto it
/// one option to one field. Immutable; the data are passed separately.
/// </summary>
public sealed record MixedModelSpec
{
    public required string Formula { get; init; }
    public required string Subject { get; init; }
    /// <summary>The repeated (visit) variable: always a class variable; its levels index the residual matrix.</summary>
    public required string Time { get; init; }
    /// <summary>Visit levels in time order; null: order of first appearance in the data.</summary>
    public IReadOnlyList<string>? TimeOrder { get; init; }
    /// <summary>The visit the others are compared with; null: the first level of the time order.</summary>
    public string? Baseline { get; init; }
    public string Covariance { get; init; } = "un";
    /// <summary>Numeric column with actual times (e.g. months) for the spatial structures.</summary>
    public string? TimeValue { get; init; }
    /// <summary>SAS GROUP=: a separate set of covariance parameters per level of this column.</summary>
    public string? Group { get; init; }
    public bool RandomIntercept { get; init; }
    public EstimationMethod Method { get; init; } = EstimationMethod.Reml;
    public DfMethod Df { get; init; } = DfMethod.Satterthwaite;
    /// <summary>Numeric columns to treat as class variables (SAS CLASS statement).</summary>
    public IReadOnlyList<string> ClassVariables { get; init; } = Array.Empty<string>();
    /// <summary>Reference level per class variable (treatment coding); estimable results do not depend on it.</summary>
    public IReadOnlyDictionary<string, string> References { get; init; } = new Dictionary<string, string>();
    /// <summary>Effects to compute LS means for, e.g. "AVISIT*ARMCD" (or "AVISIT:ARMCD").</summary>
    public IReadOnlyList<string> LsMeans { get; init; } = Array.Empty<string>();
    public double Alpha { get; init; } = 0.05;
    /// <summary>SAS MAXITER default.</summary>
    public int MaxIterations { get; init; } = 50;
    /// <summary>Report tests even when the fit did not converge (they are withheld otherwise).</summary>
    public bool ReportNonConverged { get; init; }

    public void Validate()
    {
        if (!(Alpha > 0 && Alpha < 1))
            throw new RweStatsInputException($"--alpha {Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside (0, 1); use e.g. 0.05");
        if (MaxIterations < 1)
            throw new RweStatsInputException("--max-iterations must be at least 1");
    }
}
