using QueryServiceOrm.Diagnostics;

namespace QueryServiceOrm.Tests.Diagnostics;

public sealed class QueryServiceSqlConformanceTests
{
    [TestCase("SELECT x::int FROM t", "'::'")]
    [TestCase("INSERT INTO t VALUES (1) RETURNING id", "RETURNING")]
    [TestCase("UPDATE t SET a = 1", "UPDATE")]
    [TestCase("DELETE FROM t", "DELETE")]
    [TestCase("MERGE INTO t USING s ON true WHEN MATCHED THEN DO NOTHING", "MERGE")]
    [TestCase("TRUNCATE t", "TRUNCATE")]
    [TestCase("BEGIN", "BEGIN")]
    [TestCase("COMMIT", "COMMIT")]
    [TestCase("SAVEPOINT s", "SAVEPOINT")]
    [TestCase("SELECT * FROM pg_catalog.pg_class", "pg_catalog")]
    [TestCase("SELECT * FROM t LIMIT 0", "LIMIT 0")]
    [TestCase("SELECT * FROM t WHERE a = ANY (ARRAY[1,2])", "ANY")]
    [TestCase("SELECT '#template'", "'#'")]
    [TestCase("SELECT a # b FROM t", "'#'")]
    [TestCase("INSERT INTO t VALUES (1)", "INSERT ... VALUES")]
    [TestCase("INSERT INTO t (a, \"b c\") VALUES (1, 2), (3, 4)", "INSERT ... VALUES")]
    [TestCase("insert into db.t(a)values(1)", "INSERT ... VALUES")]
    public void A_statement_outside_the_documented_grammar_is_flagged(string sql, string rule)
        => Assert.That(QueryServiceSqlConformance.Violations(sql), Has.Some.Contains(rule));

    [TestCase("SELECT CAST(x AS int) FROM t WHERE a IN (1, 2) ORDER BY a NULLS FIRST LIMIT 10")]
    [TestCase("SELECT 'UPDATE; DELETE; ::' AS text FROM t")]
    [TestCase("SELECT \"update\" FROM t -- BEGIN a comment\nWHERE b = 'it\\'s'")]
    [TestCase("SELECT a /* COMMIT */ FROM t LIMIT 100000")]
    [TestCase("SELECT a FROM t LIMIT 05")]
    [TestCase("INSERT INTO t (a, b) SELECT * FROM (VALUES (1, 'x'), (2, 'y')) AS v(c0, c1)")]
    [TestCase("INSERT INTO t SELECT * FROM VALUES (1), (2) AS v(a)")]
    public void Documented_statements_pass(string sql) => Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty);

    [Test]
    public void Limit_zero_passes_when_every_row_was_asked_for()
        => Assert.That(QueryServiceSqlConformance.Violations("SELECT a FROM t\nLIMIT 0", allRowsRequested: true), Is.Empty);
}
