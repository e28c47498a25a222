namespace QueryServiceOrm.Tests.Build;

/// <summary>
/// The Spark grammar gate (build/grammar-gate): every SQL baseline the tests keep parses with Apache Spark's grammar in
/// strict mode, and the gate is shown to refuse what Spark refuses.
/// </summary>
[NonParallelizable]
public sealed class SparkGrammarGateTests
{
    [Test]
    public async Task Every_baseline_statement_parses_with_Sparks_grammar()
    {
        var statements = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.sql", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllText(f).Split(";\n").Where(s => !string.IsNullOrWhiteSpace(s))
                .Select((s, i) => (Source: $"{Path.GetRelativePath(RepositoryPaths.Root, f)}#{i}", Sql: s.Trim().TrimEnd(';'))))
            .ToList();
        var verdicts = await SparkGrammarGate.CheckAsync(statements);
        await TestContext.Out.WriteLineAsync(
            $"{verdicts.Count} baseline statements checked, "
            + $"{verdicts.Count(v => v.Stripped.Count > 0)} with a Query Service extension taken out first.");
        Assert.Multiple(() =>
        {
            Assert.That(verdicts, Has.Count.EqualTo(statements.Count).And.Count.GreaterThan(200));
            Assert.That(verdicts.Where(v => v.Errors.Count > 0).Select(v => $"{v.Source}: {v.Errors[0]}\n  {v.Sql}"), Is.Empty);
        });
    }

    [TestCase("SELECT o0.\"Key\" FROM t AS o0", "SELECT o0.`Key` FROM t AS o0")]
    [TestCase("SELECT o.id AS \"Id\" FROM orders AS o", "SELECT o.id AS Id FROM orders AS o")]
    [TestCase(
        "INSERT INTO t (\"Id\", name) SELECT * FROM (VALUES (1, 'a')) AS v(c0, c1)",
        "INSERT INTO t (Id, name) SELECT * FROM (VALUES (1, 'a')) AS v(c0, c1)")]
    [TestCase("SELECT to_json(x.\"productListItems\") FROM e AS x", "SELECT to_json(x.productListItems) FROM e AS x")]
    [TestCase("SELECT x.amount::double precision FROM t AS x", "SELECT CAST(x.amount AS double) FROM t AS x")]
    [TestCase("SELECT a FROM t WHERE b = ANY (ARRAY[1, 2])", "SELECT a FROM t WHERE b IN (1, 2)")]
    public async Task A_planted_double_quoted_identifier_or_PostgreSQL_form_fails_where_the_service_form_passes(
        string planted, string serviceForm)
    {
        var verdicts = await SparkGrammarGate.CheckAsync([("planted", planted), ("service form", serviceForm)]);
        Assert.Multiple(() =>
        {
            Assert.That(verdicts[0].Errors, Is.Not.Empty, planted);
            Assert.That(verdicts[1].Errors, Is.Empty, serviceForm);
        });
    }

    // Each extension of the allow-list, as Adobe documents it, passes; the same statement broken elsewhere still fails, so an
    // extension is taken out exactly and not the rest with it.
    [TestCase("SELECT * FROM events SNAPSHOT AS OF 123 AS e WHERE e._id = 'a'", "SNAPSHOT clause")]
    [TestCase("SELECT * FROM events SNAPSHOT BETWEEN HEAD AND 456 AS e", "SNAPSHOT clause")]
    [TestCase(
        "CREATE TABLE daily WITH (schema='Daily report', rowvalidation='false', label='PROFILE') AS SELECT _id FROM events",
        "CTAS options WITH (schema=..., rowvalidation=..., label=...)")]
    [TestCase(
        "CREATE TABLE IF NOT EXISTS people (email text PRIMARY IDENTITY NAMESPACE 'Email', name text) WITH (LABEL='PROFILE')",
        "PRIMARY IDENTITY NAMESPACE")]
    [TestCase("ALTER TABLE people ADD CONSTRAINT PRIMARY KEY (email) NAMESPACE 'Email'", "ADD CONSTRAINT PRIMARY KEY (c) NAMESPACE")]
    [TestCase(
        "CREATE TABLE IF NOT EXISTS e (_id text, web ROW(details ROW(name text, views ROW(value float))), items ARRAY<ROW(SKU text)>)",
        "ROW(...) column types")]
    public async Task A_Query_Service_extension_is_taken_out_exactly(string sql, string extension)
    {
        var verdicts = await SparkGrammarGate.CheckAsync(
        [
            ("extension", sql),
            ("broken", sql.Replace("TABLE", "TABEL", StringComparison.Ordinal).Replace("SELECT", "SELEKT", StringComparison.Ordinal)),
        ]);
        Assert.Multiple(() =>
        {
            Assert.That(verdicts[0].Errors, Is.Empty, verdicts[0].Checked);
            Assert.That(verdicts[0].Stripped, Has.Member(extension));
            Assert.That(verdicts[1].Errors, Is.Not.Empty, verdicts[1].Checked);
        });
    }
}
