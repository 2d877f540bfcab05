using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests.Database;

/// <summary>The PostgreSQL source: what the server is sent, credentials kept out of every message, errors in one line.</summary>
[Collection("postgres")]
public sealed class PostgresSourceTests(PostgresServer server)
{
    static MixedModelSpec Spec => new()
    {
        Formula = "FEV1 ~ ARMCD*AVISIT + FEV1_BL", Subject = "USUBJID", Time = "AVISIT", Covariance = "un",
        TimeOrder = new[] { "VIS1", "VIS2", "VIS3", "VIS4" },
    };

    [Fact]
    public void TheServerIsSentTheAggregateQueryNotARowDump()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var sent = new List<string>();
        var source = PostgresSource.Open(server.Address("public.fev"), null, server.Credentials);
        var sums = source.PatternSums(Spec, sent.Add);
        // Schema probe (LIMIT 0), levels and counts (GROUPING SETS), and ONE aggregate query; none returns the rows.
        Assert.Equal(3, sent.Count);
        Assert.Contains("GROUPING SETS", sent[1]);
        Assert.Contains("GROUP BY s", sent[2]);
        Assert.Contains("GROUP BY mask", sent[2]);
        Assert.All(sent, q => Assert.True(q.Contains("GROUP BY") || q.Contains("LIMIT 0") || q.Contains("COUNT("), q));
        // At most a few hundred sums travel back, whatever the number of rows.
        Assert.True(sums.Signatures.Count < 200);
        if (server.LogFile is { } log && File.Exists(log))
        {
            string text = ReadShared(log);
            Assert.Contains("GROUP BY mask", text);
        }
        var fit = MixedModelFitter.Fit(sums, Spec);
        Assert.True(fit.Convergence.Converged);
    }

    [Fact]
    public void AWrongPasswordGivesAOneLineErrorWithoutThePassword()
    {
        const string secret = "S3cret-do-not-print-4711";
        var env = new Dictionary<string, string?> { ["PGUSER"] = server.User, ["PGPASSWORD"] = secret };
        var source = PostgresSource.Open(server.Address("public.fev"), null, env);
        var e = Assert.Throws<RweStatsInputException>(() => source.PatternSums(Spec));
        Assert.DoesNotContain(secret, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("password authentication failed", e.Message);
        Assert.StartsWith(server.Address("public.fev"), e.Message);
    }

    [Fact]
    public void ThePasswordCanComeFromAPasswordFile()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, $"{server.Host}:{server.Port}:{server.Database}:{server.User}:{server.Password}\n");
            var env = new Dictionary<string, string?> { ["PGUSER"] = server.User, ["PGPASSFILE"] = file };
            var sums = PostgresSource.Open(server.Address("public.fev"), null, env).PatternSums(Spec);
            Assert.Equal(537, sums.Frame.ObservationsUsed);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void APasswordInTheAddressIsRefusedWithoutEchoingIt()
    {
        var e = Assert.Throws<RweStatsInputException>(() => PostgresSource.Open($"postgresql://me:hunter2-secret@{server.Host}:{server.Port}/db?table=t", null));
        Assert.DoesNotContain("hunter2-secret", e.Message);
        e = Assert.Throws<RweStatsInputException>(() => PostgresSource.Open($"postgresql://{server.Host}:{server.Port}/db?table=t&password=hunter2-secret", null));
        Assert.DoesNotContain("hunter2-secret", e.Message);
    }

    [Fact]
    public void MissingColumnsAndDuplicatedVisitsAreNamed()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var source = PostgresSource.Open(server.Address("public.fev"), null, server.Credentials);
        var e = Assert.Throws<RweStatsInputException>(() => source.PatternSums(Spec with { Formula = "FEV1 ~ AVISIT + NOPE" }));
        Assert.Contains("no column 'NOPE'", e.Message);
        var dup = PostgresSource.Open(server.Address(), "SELECT * FROM public.fev UNION ALL SELECT * FROM public.fev WHERE \"USUBJID\" = 'PT2'", server.Credentials);
        e = Assert.Throws<RweStatsInputException>(() => dup.PatternSums(Spec));
        Assert.Contains("subject 'PT2' has visit", e.Message);
        var bad = PostgresSource.Open(server.Address("public.no_such_table"), null, server.Credentials);
        e = Assert.Throws<RweStatsInputException>(() => bad.PatternSums(Spec));
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void WhatNeedsTheRowsIsRefusedByThePushDownAndRunsOnPulledRows()
    {
        server.LoadCsv(RepoPaths.Data("fev_data.csv"), "public.fev");
        var source = PostgresSource.Open(server.Address("public.fev"), null, server.Credentials);
        var spec = Spec with { Covariance = "cs", Blups = true };
        var e = Assert.Throws<RweStatsInputException>(() => MixedModelFitter.Fit(source.PatternSums(spec), spec));
        Assert.Contains("BLUPs", e.Message);
        Assert.Contains("--blups", e.MessageNaming(RweStats.Cli.ModelOptions.OptionName));
        var (rows, rowSpec) = source.ReadRows(spec);
        Assert.NotNull(MixedModelFitter.Fit(rows, rowSpec).Blups);
    }

    static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
