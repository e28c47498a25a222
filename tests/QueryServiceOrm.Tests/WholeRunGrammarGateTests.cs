namespace QueryServiceOrm.Tests;

/// <summary>
/// The Spark grammar gate over every statement the shared emulator passed to its backend during the run: the library's SQL
/// as the service would receive it, and the raw Spark SQL of the emulator's own tests. NUnit runs fixtures in the order of
/// their names, and this one's sorts after every namespace of the suite, so it sees the run; it also checks that it saw it.
/// Left out: statements the front refused; the PostgreSQL catalog reads of psql, SQLAlchemy and the scaffolder, which the
/// front answers from PostgreSQL's catalog; and Spark's own documented examples (application <c>spark-examples</c>), valid
/// Spark by definition, some of which dt-sql-parser refuses (<c>SELECT size(map('a', 1))</c>: its grammar takes MAP for the
/// type keyword).
/// </summary>
[NonParallelizable]
public sealed partial class WholeRunGrammarGateTests
{
    [Test]
    public async Task Every_statement_the_emulator_ran_parses_with_Sparks_grammar()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var statements = sandbox.ReadJournal()
            .Where(e => e.Outcome == "backend" && e.Application != "spark-examples" && !PostgresCatalog().IsMatch(e.Sql))
            .Select(e => (Source: $"{e.Application} #{e.Session}", Sql: e.Sql.Trim().TrimEnd(';'))).Distinct().ToList();
        var verdicts = await SparkGrammarGate.CheckAsync(statements);
        await TestContext.Out.WriteLineAsync(
            $"{verdicts.Count} distinct statements the emulator ran, from "
            + $"{statements.Select(s => s.Source.Split(' ')[0]).Distinct().Count()} applications, checked.");
        Assert.Multiple(() =>
        {
            Assert.That(verdicts, Has.Count.GreaterThan(500), "the gate ran after the suite, not before it (a whole run gives over 1,100)");
            Assert.That(
                verdicts.Where(v => v.Errors.Count > 0).Select(v => $"{v.Source}: {v.Errors[0]}\n  {v.Sql[..Math.Min(v.Sql.Length, 400)]}"),
                Is.Empty);
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        @"\bpg_[a-z_]+\b|\binformation_schema\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PostgresCatalog();
}
