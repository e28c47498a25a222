using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Tests.Support;

namespace QueryServiceOrm.Tests.Query;

/// <summary>
/// Every LINQ feature runs on the stand-in and must return what psql returns for the hand-written SQL; the
/// service dialect's SQL for the same query is kept as a baseline and must pass the conformance check.
/// Set QSORM_ACCEPT_BASELINES=1 to write baselines for new cases (then review them in the diff).
/// </summary>
public sealed class LinqFeatureMatrixTests
{
    private static IEnumerable<LinqCase> Cases => LinqFeatureMatrix.Cases();

    [Test]
    public void The_matrix_covers_at_least_eighty_queries() => Assert.That(Cases.Count(), Is.GreaterThanOrEqualTo(80));

    [TestCaseSource(nameof(Cases))]
    public async Task Results_on_the_stand_in_equal_psql(LinqCase linq)
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials()).CreateDbContext();

        var actual = (await linq.Run(db)).Select(RowFormat.Row).ToList();
        var expected = await sandbox.PsqlAsync(linq.Sql);

        Assert.That(Canonical(actual, linq.Ordered), Is.EqualTo(Canonical(expected, linq.Ordered)));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Service_sql_matches_its_baseline_and_the_documented_grammar(LinqCase linq)
    {
        var sql = await ContextFactories.ServiceSqlAsync(linq.Run);
        Assert.Multiple(() =>
        {
            Assert.That(sql, Is.Not.Empty);
            Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            Baseline.AssertMatches(Path.Combine("Query", "Baselines", linq.Name + ".sql"), sql);
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
