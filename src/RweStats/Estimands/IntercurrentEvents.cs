using RweStats.Data;

namespace RweStats.Estimands;

/// <summary>Intercurrent events from a table (rbmi's <c>data_ice</c>): one row per subject, its first visit affected, and an optional strategy column.</summary>
public static class IntercurrentEvents
{
    /// <summary>The column of the strategy (MAR, JR, CR, CIR, LMCF), matched without regard to case; rows without one take the default strategy.</summary>
    public const string StrategyColumn = "strategy";

    /// <summary>Reads the events from a table with the subject and (first affected) visit columns named.</summary>
    public static IReadOnlyList<IntercurrentEvent> Read(DataTable table, string subject, string visit)
    {
        int subjectColumn = table.RequireColumn(subject, "the subject (as in the data)");
        int visitColumn = table.RequireColumn(visit, "the first visit affected (named as the data's visit column)");
        int strategyColumn = -1;
        for (int c = 0; c < table.ColumnNames.Count; c++)
            if (string.Equals(table.ColumnNames[c], StrategyColumn, StringComparison.OrdinalIgnoreCase)) strategyColumn = c;
        var events = new List<IntercurrentEvent>(table.RowCount);
        for (int r = 0; r < table.RowCount; r++)
        {
            var s = table.Cell(subjectColumn, r) ?? throw RweStatsInputException.AtCell(table, r, subject, "the subject is missing");
            var v = table.Cell(visitColumn, r) ?? throw RweStatsInputException.AtCell(table, r, visit, "the first visit affected is missing");
            ImputationStrategy? strategy = null;
            if (strategyColumn >= 0 && table.Cell(strategyColumn, r) is { Length: > 0 } code)
                strategy = ImputationStrategies.ByCode.TryGetValue(code.Trim(), out var st) ? st
                    : throw RweStatsInputException.AtCell(table, r, table.ColumnNames[strategyColumn], $"strategy '{code}' is not one of {string.Join(", ", ImputationStrategies.ByCode.Keys)}");
            events.Add(new IntercurrentEvent(s, v, strategy));
        }
        return events;
    }
}
