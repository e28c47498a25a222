using System.Diagnostics;

namespace QueryServiceOrm.Tests;

/// <summary>
/// An application outside the solution, referencing only the library, connects to the stand-in with
/// credentials from QueryService__* environment variables and lists the tables, opening no connection before
/// its first query.
/// </summary>
public sealed class ConsoleProgramTests
{
    private const string Application = "qsorm-console-check";

    [Test]
    public async Task A_stand_alone_program_lists_tables_and_connects_only_for_its_first_query()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await sandbox.ExecuteAdminAsync(
            "DROP TABLE IF EXISTS console_check_events; CREATE TABLE console_check_events (id text); " +
            $"ALTER TABLE console_check_events OWNER TO \"{sandbox.Username}\"");
        var project = Path.Combine(RepositoryPaths.Root, "tests", "QueryServiceOrm.ConsoleCheck");
        var output = Path.Combine(Path.GetTempPath(), "qsorm-console-check-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await RunAsync("dotnet", ["build", project, "-c", "Release", "-o", output, "--nologo", "-v", "q"]);

            var start = new ProcessStartInfo("dotnet", [Path.Combine(output, "QueryServiceOrm.ConsoleCheck.dll")])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (name, value) in sandbox.EnvironmentVariables())
            {
                start.Environment[name] = value;
            }

            using var program = Process.Start(start)!;
            var ready = await program.StandardOutput.ReadLineAsync();
            await Task.Delay(300);
            var connectionsBeforeQuery = FrontLog.Connections(sandbox, Application);

            await program.StandardInput.WriteLineAsync();
            var rest = await program.StandardOutput.ReadToEndAsync();
            var errors = await program.StandardError.ReadToEndAsync();
            await program.WaitForExitAsync();

            Assert.Multiple(() =>
            {
                Assert.That(ready, Does.StartWith("READY Host=127.0.0.1"), errors);
                Assert.That(
                    ready, Does.Not.Contain(sandbox.State.BackendPassword[..40]), "the program printed its settings without the password");
                Assert.That(connectionsBeforeQuery, Is.Zero, "building the factory and the context opened no connection");
                Assert.That(rest, Does.Contain("TABLE console_check_events"));
                Assert.That(program.ExitCode, Is.Zero, errors);
                Assert.That(FrontLog.Connections(sandbox, Application), Is.EqualTo(1));
            });
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', arguments)}:\n{await stdout}\n{await stderr}");
    }
}
