using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Query;

/// <summary>
/// The two checks every LINQ case gets: on the stand-in its rows equal what psql returns for the hand-written SQL;
/// in the service dialect its SQL passes the conformance check and equals its baseline.
/// </summary>
internal static class LinqCaseAssertions
{
    public static async Task ResultsEqualPsqlAsync<TContext>(
        LinqCase<TContext> linq, QueryServiceSandbox sandbox, QueryServiceDialect? dialect = null)
        where TContext : DbContext
    {
        await using var db = new QueryServiceDbContextFactory<TContext>(
            sandbox.Credentials() with { Dialect = dialect ?? QueryServiceDialect.Default },
            configureContext: o =>
            {
                if (dialect is not null)
                {
                    o.UseInternalServiceProvider(DialectServiceProviders.For(dialect));
                }
            }).CreateDbContext();

        var actual = (await linq.Run(db)).Select(RowFormat.Row).ToList();
        var expected = await sandbox.PsqlAsync(linq.Sql);

        Assert.That(expected, linq.ExpectsNoRows ? Is.Empty : Is.Not.Empty, "psql's answer to the case's own SQL");
        Assert.That(Canonical(actual, linq.Ordered), Is.EqualTo(Canonical(expected, linq.Ordered)));
    }

    public static async Task ServiceSqlMatchesBaselineAsync<TContext>(LinqCase<TContext> linq, string baselineFolder)
        where TContext : DbContext
    {
        var sql = await ContextFactories.ServiceSqlAsync<TContext>(linq.Run);
        Assert.Multiple(() =>
        {
            Assert.That(sql, Is.Not.Empty);
            Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            Baseline.AssertMatches(Path.Combine("Query", baselineFolder, linq.Name + ".sql"), sql);
        });
    }

    private static List<string> Canonical(IEnumerable<IReadOnlyList<string?>> rows, bool ordered)
    {
        var lines = rows.Select(r => string.Join(" | ", r.Select(v => v ?? "∅"))).ToList();
        if (!ordered)
        {
            lines.Sort(StringComparer.Ordinal);
        }

        return lines;
    }
}
