using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// <c>qsorm sandbox env</c>: the variables a program reads, the dialect doctor settled, a connection string for dotnet ef, and
/// the OAuth variables alone, which serve batch jobs and the wire.
/// </summary>
[NonParallelizable]
public sealed class SandboxEnvTests
{
    [Test]
    public async Task The_connection_string_reads_back_as_the_sandbox_and_survives_a_shell()
    {
        await using var home = await SandboxHome.StartAsync(rows: 10);
        var printed = await home.RunAsync("sandbox", "env", "--connection-string");
        var viaShell = await Shell.RunAsync(
            "cs=\"$(qsorm sandbox env --connection-string)\"; printf '%s' \"$cs\"", home.Environment);
        var credentials = QueryServiceCredentials.FromConnectionString(printed.Output.Trim());
        Assert.Multiple(() =>
        {
            Assert.That(printed.Code, Is.Zero, printed.Errors);
            Assert.That(credentials.Password, Is.EqualTo(home.Sandbox.Password), "the token, quoted where it must be");
            Assert.That(
                (credentials.Host, credentials.Port, credentials.Username),
                Is.EqualTo((home.Sandbox.Host, home.Sandbox.Port, home.Sandbox.Username)));
            Assert.That(viaShell.Output, Is.EqualTo(printed.Output.Trim()));
        });
    }

    [Test]
    public async Task The_switches_doctor_wrote_into_the_sandbox_profile_are_exported()
    {
        await using var home = await SandboxHome.StartAsync(rows: 10);
        var before = await home.ExportsAsync();
        var doctor = await home.RunAsync("doctor", "--profile", "sandbox", "--write");
        var after = await home.ExportsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(doctor.Code, Is.Zero, doctor.Errors);
            Assert.That(before.Keys, Has.None.StartsWith("QueryService__Dialect"), "the documented forms need no variable");

            // On the emulator doctor finds a 4-byte float and a double column type accepted, so one switch differs.
            Assert.That(after, Does.ContainKey("QueryService__Dialect__DoubleColumnType").WithValue("Double"));
            Assert.That(
                after, Does.ContainKey("QueryService__Dialect__ExplodeForm").WithValue(nameof(QueryServiceExplodeForm.LateralSubquery)));
        });
    }

    [Test]
    public async Task The_oauth_variables_take_qsorm_jobs_to_the_hosts_rest_api_without_a_password()
    {
        await using var home = await SandboxHome.StartAsync(rows: 10);
        var exports = await home.RunAsync("sandbox", "env", "--oauth");
        var job = await Shell.RunAsync(
            "eval \"$(qsorm sandbox env --oauth)\"; qsorm jobs submit --wait --ctas env_jobs_copy 'SELECT * FROM xdm_flat'",
            home.Environment);
        var counted = await home.Sandbox.PsqlAsync("SELECT count(*) FROM env_jobs_copy");
        Assert.Multiple(() =>
        {
            Assert.That(exports.Output, Does.Contain("export QueryService__ClientId=").And.Not.Contain("QueryService__Password"));
            Assert.That(job.Code, Is.Zero, job.Errors);
            Assert.That(job.Output.Trim(), Does.EndWith("SUCCESS: 10 rows written."));
            Assert.That(counted[0][0], Is.EqualTo("10"));
        });
    }

    [Test]
    public async Task The_oauth_variables_alone_take_qsorm_tables_over_the_wire_to_the_host_the_api_names()
    {
        await using var home = await SandboxHome.StartAsync(rows: 10);
        var exports = (await home.RunAsync("sandbox", "env", "--oauth")).Output;
        var tables = await Shell.RunAsync("eval \"$(qsorm sandbox env --oauth)\"; qsorm tables", home.Environment);
        Assert.Multiple(() =>
        {
            Assert.That(exports, Does.Contain("export QueryService__SandboxName='prod'"));
            Assert.That(exports, Does.Not.Contain("QueryService__Host").And.Not.Contain("QueryService__Database"));
            Assert.That(exports, Does.Not.Contain("QueryService__Username"));
            Assert.That(tables.Code, Is.Zero, tables.Errors);
            Assert.That(tables.Output.Split('\n', StringSplitOptions.TrimEntries), Does.Contain("xdm_flat"));
        });
    }
}
