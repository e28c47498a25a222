using QueryServiceOrm.Cli;
using QueryServiceOrm.Cli.Doctor;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Tests.Live;

/// <summary>
/// The open questions of the dialect settled against the real service: qsorm doctor's probes must find what the configured
/// switches (<c>QueryService__Dialect__*</c>, the documented forms when unset) say, or the test names what to change.
/// </summary>
[TestFixture]
[Category(LiveSandbox.Category)]
public sealed class LiveDialectTests
{
    [OneTimeSetUp]
    public void RequireLiveSandbox() => LiveSandbox.RequireEnabled();

    [Test]
    public async Task The_configured_switches_are_what_the_service_accepts()
    {
        var credentials = QueryServiceCredentials.FromEnvironment();
        await using var db = CliContext.Create(credentials);
        var connection = await db.OpenConnectionAsync(CancellationToken.None);
        var probes = new StringWriter();
        var probed = await new DialectProbes(new ProbeSession(connection, TimeSpan.FromSeconds(60)), probes, TextWriter.Null)
            .RunAsync(CancellationToken.None);
        await TestContext.Out.WriteLineAsync(probes.ToString());

        // Doctor never moves a user to bind parameters on its own, so that switch is the user's to set.
        Assert.That(probed with { ParameterMode = credentials.Dialect.ParameterMode }, Is.EqualTo(credentials.Dialect),
            "the service answered as above: run 'qsorm doctor --write' or set the QueryService__Dialect__* variables to match");
    }
}
