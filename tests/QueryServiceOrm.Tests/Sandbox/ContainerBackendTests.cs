using QueryServiceOrm.Tests.Query;

namespace QueryServiceOrm.Tests.Sandbox;

/// <summary>
/// The sandbox with its backend in a container: every case of the LINQ matrix, flat (the shop) and nested (XDM objects,
/// arrays and maps), returns through the front what psql returns for the hand-written SQL, as on the local backend; the
/// backend logs each statement with its client's name and takes TLS only. The write tests run on it as fixtures of their own
/// (<c>AppendTests(Container)</c>, <c>QueryWriteTests(Container)</c>).
/// </summary>
[Category("Container")]
public sealed class ContainerBackendTests
{
    private static IEnumerable<LinqCase<ShopContext>> FlatCases => LinqFeatureMatrix.Cases();

    private static IEnumerable<LinqCase<QueryServiceOrm.Sandbox.Xdm.XdmSampleContext>> NestedCases => XdmQueryTests.AllCases();

    [TestCaseSource(nameof(FlatCases))]
    public async Task Flat_results_on_the_container_backend_equal_psql(LinqCase<ShopContext> linq)
        => await LinqCaseAssertions.ResultsEqualPsqlAsync(linq, await ShopData.SeedAsync(SandboxBackendKind.Container));

    [TestCaseSource(nameof(NestedCases))]
    public async Task Nested_results_on_the_container_backend_equal_psql(LinqCase<QueryServiceOrm.Sandbox.Xdm.XdmSampleContext> linq)
        => await LinqCaseAssertions.ResultsEqualPsqlAsync(linq, await XdmData.SeedAsync(SandboxBackendKind.Container));

    [Test]
    public async Task The_container_backend_logs_each_statement_of_the_front_with_its_client_name()
    {
        var sandbox = await SharedSandbox.GetAsync(SandboxBackendKind.Container);
        var application = "container-log-" + Guid.NewGuid().ToString("N")[..8];
        await sandbox.PsqlFrontAsync("SELECT 42 AS answer");
        await using (var connection = new NpgsqlConnection(sandbox.ConnectionString(application)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 'logged' AS marker", connection);
            await command.ExecuteScalarAsync();
        }

        // The container's log collector writes the file a moment after the statement ran.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!FrontLog.BackendStatements(sandbox, application).Any(s => s.Contains("'logged'", StringComparison.Ordinal))
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Multiple(() =>
        {
            Assert.That(sandbox.Backend, Is.EqualTo(SandboxBackendKind.Container));
            Assert.That(sandbox.IsRunning, Is.True);
            Assert.That(FrontLog.BackendStatements(sandbox, application), Has.Some.Contains("'logged'"), sandbox.ServerLogPath);
        });
    }
}
