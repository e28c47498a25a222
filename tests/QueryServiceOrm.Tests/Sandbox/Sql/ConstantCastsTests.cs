namespace QueryServiceOrm.Tests.Sandbox.Sql;

/// <summary>
/// Constants the front settles itself (plain decimals cast to double or float, well-formed DATE and TIMESTAMP literals) give
/// what the run-time functions give for the same text, and what those functions alone can read still goes to them.
/// </summary>
[NonParallelizable]
public sealed class ConstantCastsTests
{
    [TestCase("SELECT CAST('12.5' AS double), CAST('-0.1' AS double), CAST('176.78' AS float)", "12.5", "-0.1", "176.78")]
    [TestCase(
        "SELECT CAST(' 12.5 ' AS double), CAST('1e3' AS double), CAST('12.5d' AS double), CAST('x' AS double)", "12.5", "1000", "12.5",
        null)]
    [TestCase("SELECT CAST('1' || '2.5' AS double), CAST('99999999999999999999999999999999999999' AS double)", "12.5", "1e+38")]
    [TestCase(
        "SELECT TIMESTAMP '2024-05-06 07:08:09.123456', TIMESTAMP '2024-05-06', DATE '2024-02-29'", "2024-05-06 07:08:09.123456",
        "2024-05-06 00:00:00", "2024-02-29")]
    [TestCase(
        "SELECT TIMESTAMP '2024-05-06T07:08:09Z', TIMESTAMP '2024-05-06 07:08:09+02:00', DATE '2024-5-6'", "2024-05-06 07:08:09",
        "2024-05-06 05:08:09", "2024-05-06")]
    public async Task A_constant_reads_as_Spark_reads_it(string sql, params string?[] expected)
        => Assert.That(await RowAsync(sql), Is.EqualTo(expected));

    [TestCase("SELECT TIMESTAMP '2024-02-30 00:00:00'")]
    [TestCase("SELECT DATE '2023-02-29'")]
    public void A_typed_literal_that_is_no_date_is_still_refused(string sql)
        => Assert.That(
            async () => await RowAsync(sql),
            Throws.TypeOf<PostgresException>().With.Property(nameof(PostgresException.SqlState)).EqualTo("42601"));

    private static Task<string?[]> RowAsync(string sql) => FrontRow.ReadAsync(sql, "constant-casts");
}
