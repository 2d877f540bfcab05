using NpgsqlTypes;
using RweStats.Data;
using RweStats.Data.Sql;
using RweStats.Estimation;
using RweStats.Model;

namespace RweStats.Tests.Database;

/// <summary>
/// A PostgreSQL text column of digits (the CDISC pilot's pooled site group SITEGR1) is a class variable, in the rows
/// read and in the pushed-down pattern sums: the fit equals nlme's with SITEGR1 a factor (<see cref="ColumnTypeTests"/>).
/// </summary>
[Collection("postgres")]
public sealed class PostgresColumnTypeTests(PostgresServer server)
{
    static MixedModelSpec Spec => new() { Formula = "AVAL ~ TRTP*AVISIT + SITEGR1", Subject = "USUBJID", Time = "AVISIT", Covariance = "un" };

    [Fact]
    public void ATextColumnOfDigitsIsAClassInTheRowsAndPushedDown()
    {
        var table = TableReader.Read(new TableSource(RepoPaths.Fixture("xpt", "adqscibc.xpt")) { Where = "ANL01FL == \"Y\" and DTYPE == \"\" and EFFFL == \"Y\"" });
        var texts = new[] { "USUBJID", "AVISIT", "TRTP", "SITEGR1" };
        server.Execute("DROP TABLE IF EXISTS public.adqscibc; CREATE TABLE public.adqscibc (\"USUBJID\" text, \"AVISIT\" text, \"TRTP\" text, \"SITEGR1\" text, \"AVAL\" double precision)");
        using (var c = server.Connect())
        using (var importer = c.BeginBinaryImport("COPY public.adqscibc FROM STDIN (FORMAT BINARY)"))
        {
            for (int i = 0; i < table.RowCount; i++)
            {
                importer.StartRow();
                foreach (var n in texts) importer.Write(table.Column(n, n)[i]!, NpgsqlDbType.Text);
                importer.Write(table.ParseNumber("AVAL", i), NpgsqlDbType.Double);
            }
            importer.Complete();
        }
        double reference = RFixture.Load("adqscibc_sitegr1.csv")["un_sitegr1_factor", "neg2_res_log_likelihood_sas"];
        var source = PostgresSource.Open(server.Address("public.adqscibc"), null, server.Credentials);
        var (rows, spec) = source.ReadRows(Spec);
        Assert.Equal(DeclaredType.Text, rows.Declared(rows.ColumnIndex("SITEGR1")));
        double inMemory = MixedModelFitter.Fit(rows, spec).FitStatistics.Neg2LogLikelihood;
        double pushed = MixedModelFitter.Fit(source.PatternSums(Spec), Spec).FitStatistics.Neg2LogLikelihood;
        Assert.True(Math.Abs(inMemory - reference) < 1e-3, $"rows: {inMemory:F4}, nlme {reference:F4}");
        Assert.True(Math.Abs(pushed - reference) < 1e-3, $"pushed down: {pushed:F4}, nlme {reference:F4}");
    }
}
