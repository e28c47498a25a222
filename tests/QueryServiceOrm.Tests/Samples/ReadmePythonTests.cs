using System.Text.RegularExpressions;

namespace QueryServiceOrm.Tests.Samples;

/// <summary>The README's Python block, run by Debian's python3 with SQLAlchemy and psycopg2 against the sandbox.</summary>
public sealed partial class ReadmePythonTests
{
    [Test]
    public async Task The_readmes_python_block_lists_the_tables_and_reads_a_dot_path_as_psql_does()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));
        var blocks = PythonBlock().Matches(readme).Select(m => m.Groups["code"].Value).ToList();
        Assert.That(blocks, Has.Count.EqualTo(1), "the README's Python block");

        var sandbox = await XdmData.SeedAsync();
        var script = Path.Combine(Path.GetTempPath(), $"qsorm-readme-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, blocks[0]);
        try
        {
            var result = await Shell.RunAsync($"/usr/bin/python3 '{script}'", sandbox.EnvironmentVariables());
            var reference = await sandbox.PsqlAsync(
                """SELECT _id, (web)."webPageDetails"."name" FROM xdm_events WHERE web IS NOT NULL ORDER BY _id LIMIT 3""");

            // The shared sandbox holds other tests' tables too: the sample's three must be among those listed.
            var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(result.Code, Is.Zero, result.Errors);
            Assert.Multiple(() =>
            {
                Assert.That(
                    lines[0], Does.StartWith("['").And.Contain("'xdm_events'").And.Contain("'xdm_flat'").And.Contain("'xdm_profiles'"));
                Assert.That(lines.Skip(1), Is.EqualTo(reference.Select(r => r[0] + "|" + r[1])).And.Not.Empty);
            });
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"^```python\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}
