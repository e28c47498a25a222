using QueryServiceOrm.Credentials;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Tests.Query;

namespace QueryServiceOrm.Tests.Live;

/// <summary>
/// The nested LINQ features in the service dialect against a real sandbox. They need a dataset named
/// <c>xdm_events</c> with the standard ExperienceEvent fields the sample uses (web, commerce, productListItems,
/// environment and a <c>_luma</c> tenant object) and a profile dataset <c>xdm_profiles</c> (person, personalEmail,
/// identityMap, <c>_luma</c>), e.g. made with a CTAS from real datasets; every statement sent is checked against the
/// documented grammar.
/// </summary>
[TestFixture]
[Category(LiveSandbox.Category)]
public sealed class LiveXdmTests
{
    private QueryServiceCredentials _credentials = null!;

    [OneTimeSetUp]
    public async Task RequireTheDatasetAsync()
    {
        LiveSandbox.RequireEnabled();
        _credentials = QueryServiceCredentials.FromEnvironment();
        await using var db = new QueryServiceDbContextFactory<XdmSampleContext>(_credentials).CreateDbContext();
        var tables = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);
        var present = await Microsoft.EntityFrameworkCore.QueryServiceDatabaseFacadeExtensions.GetTableNamesAsync(db.Database);
        if (new[] { tables.Events, tables.Profiles }.Where(t => !present.Contains(t)).ToList() is [_, ..] missing)
        {
            Assert.Ignore(
                $"Live nested tests skipped: the sandbox has no dataset named {string.Join(" or ", missing)} "
                + "(see this fixture's summary).");
        }
    }

    [TestCaseSource(typeof(XdmQueryTests), nameof(XdmQueryTests.AllCases))]
    public async Task The_service_runs_the_nested_query(LinqCase<XdmSampleContext> linq)
    {
        var capture = new CommandCapture();
        await using var db = new QueryServiceDbContextFactory<XdmSampleContext>(
            _credentials, configureContext: o => o.AddInterceptors(capture)).CreateDbContext();

        var rows = (await linq.Run(db)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.Not.Null);
            foreach (var sql in capture.Commands)
            {
                Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            }
        });
    }
}
