using System.Diagnostics;
using System.Text.Json;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// Apache Spark's grammar as an independent judge of the SQL the library writes: build/grammar-gate runs dt-sql-parser's
/// SparkSQL parser (generated from Spark 3.5's SqlBaseParser) in strict mode, every <c>"x"</c> read as a string literal as
/// Spark does, with Query Service's documented extensions (one allow-list in gate.mjs) taken out first.
/// </summary>
internal static class SparkGrammarGate
{
    /// <summary>What the gate said of one statement.</summary>
    public sealed record Verdict(string Source, string Sql, string Checked, IReadOnlyList<string> Stripped, IReadOnlyList<string> Errors);

    public static async Task<IReadOnlyList<Verdict>> CheckAsync(IEnumerable<(string Source, string Sql)> statements)
    {
        var gate = Path.Combine(RepositoryPaths.Root, "build", "grammar-gate");
        var input = Path.Combine(Path.GetTempPath(), $"qsorm-gate-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(statements.Select(s => new { source = s.Source, sql = s.Sql })));
        try
        {
            var start = new ProcessStartInfo("node", ["--import", "./register.mjs", "gate.mjs", input])
            {
                WorkingDirectory = gate,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            await Processes.WaitOrKillAsync(node, TimeSpan.FromMinutes(5));
            Assert.That(node.ExitCode, Is.Zero, $"the gate failed to run (build/install-prerequisites.sh installs it): {await errors}");
            return JsonSerializer.Deserialize<List<Verdict>>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        finally
        {
            File.Delete(input);
        }
    }
}
