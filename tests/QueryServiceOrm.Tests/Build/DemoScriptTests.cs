using System.Diagnostics;

namespace QueryServiceOrm.Tests.Build;

/// <summary>
/// The README's quick start, <c>./build/demo.sh</c>, end to end as a process: prerequisites checked, qsorm built, the demo
/// run, and the tables, the generated classes' names and query results printed; nothing left running.
/// </summary>
[NonParallelizable]
public sealed class DemoScriptTests
{
    [Test]
    public async Task Demo_sh_builds_qsorm_and_prints_the_tables_the_classes_and_query_results()
    {
        var home = Path.Combine(Path.GetTempPath(), "qsorm-demosh-home-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "build", "demo.sh"), "--rows", "30"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = RepositoryPaths.Root,
                Environment =
                {
                    ["QSORM_CONFIG_HOME"] = home,

                    // A new user's PATH after the quick start: no qsorm command, whatever this machine has installed.
                    ["PATH"] = string.Join(
                        ':',
                        (System.Environment.GetEnvironmentVariable("PATH") ?? "")
                            .Split(':')
                            .Where(d => d.Length > 0 && !File.Exists(Path.Combine(d, "qsorm")))),
                },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await Processes.WaitOrKillAsync(process, TimeSpan.FromMinutes(10));
            var status = await Qsorm.RunAsync(new Dictionary<string, string> { ["QSORM_CONFIG_HOME"] = home }, null, "sandbox", "status");
            Assert.Multiple(async () =>
            {
                Assert.That(process.ExitCode, Is.Zero, await errors);
                Assert.That(await output, Does.Contain("| xdm_events ").And.Contain("| xdm_profiles "), "the tables");
                Assert.That(
                    await output,
                    Does.Contain("| XdmDatasets ").And.Contain("| XdmEvents ").And.Contain("| ProductListItem "),
                    "the generated classes");
                Assert.That(
                    await output, Does.Contain("| Home ").And.Contain("| Firefox ").And.Contain("| commerce.purchases "), "query results");
                Assert.That(status.Output, Does.StartWith("Not running"));

                // Without qsorm on PATH the script says how to install it.
                Assert.That(
                    await errors,
                    Does.Contain("Building qsorm...").And.Contain("dotnet tool install --global QueryServiceOrm.Cli --add-source"));
                Assert.That(await output, Does.Not.Contain("Building qsorm"), "progress goes to standard error");
            });
        }
        finally
        {
            // Whatever happened, the sandbox this home started goes before its state does.
            await Qsorm.RunAsync(new Dictionary<string, string> { ["QSORM_CONFIG_HOME"] = home }, null, "sandbox", "stop");
            if (Directory.Exists(home))
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }
}
