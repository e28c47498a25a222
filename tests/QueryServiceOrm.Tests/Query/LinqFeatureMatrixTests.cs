namespace QueryServiceOrm.Tests.Query;

/// <summary>
/// Every LINQ feature runs on the stand-in and must return what psql returns for the hand-written SQL; the
/// service dialect's SQL for the same query is kept as a baseline and must pass the conformance check.
/// Set QSORM_ACCEPT_BASELINES=1 to write baselines for new cases (then review them in the diff).
/// </summary>
public sealed class LinqFeatureMatrixTests
{
    private static IEnumerable<LinqCase<ShopContext>> Cases => LinqFeatureMatrix.Cases();

    [Test]
    public void The_matrix_covers_at_least_eighty_queries() => Assert.That(Cases.Count(), Is.GreaterThanOrEqualTo(80));

    [TestCaseSource(nameof(Cases))]
    public async Task Results_on_the_stand_in_equal_psql(LinqCase<ShopContext> linq)
        => await LinqCaseAssertions.ResultsEqualPsqlAsync(linq, await ShopData.SeedAsync());

    [TestCaseSource(nameof(Cases))]
    public Task Service_sql_matches_its_baseline_and_the_documented_grammar(LinqCase<ShopContext> linq)
        => LinqCaseAssertions.ServiceSqlMatchesBaselineAsync(linq, "Baselines");
}
