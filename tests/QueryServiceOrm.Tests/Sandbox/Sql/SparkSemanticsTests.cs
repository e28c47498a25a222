namespace QueryServiceOrm.Tests.Sandbox.Sql;

/// <summary>
/// One case for each row of the README's table "Spark semantics where PostgreSQL differs": the service's SQL through the
/// front, by Npgsql, against the result Spark's documentation gives (in the text the front sends: t/f for booleans).
/// Each case would give PostgreSQL's answer, not Spark's, if the front passed the expression through unchanged.
/// </summary>
[NonParallelizable]
public sealed class SparkSemanticsTests
{
    public static IEnumerable<TestCaseData> Rows()
    {
        static TestCaseData Row(string readmeRow, string sql, params string?[] expected)
            => new TestCaseData(sql, expected).SetArgDisplayNames(readmeRow);

        // PostgreSQL: 1-based, so 20 and 30.
        yield return Row(
            "zero_based_index_null_out_of_range", "SELECT array(10, 20, 30)[0], array(10, 20, 30)[3], element_at(array(10, 20, 30), 1)",
            "10", null, "10");
        // PostgreSQL: cardinality(NULL) is NULL.
        yield return Row("size_of_null_is_minus_one", "SELECT size(CAST(NULL AS array<int>)), size(array())", "-1", "0");
        // PostgreSQL: 3 / 2 is 1.
        yield return Row("slash_is_fractional_div_is_integral", "SELECT 3 / 2, 3 DIV 2, -7 DIV 2", "1.5", "1", "-3");
        // PostgreSQL: concat() skips NULLs.
        yield return Row("concat_with_null_is_null", "SELECT concat('a', NULL, 'b'), concat('a', 'b')", null, "ab");
        // PostgreSQL with a linguistic collation: 'B' < 'a' is false.
        yield return Row(
            "strings_are_case_sensitive_in_binary_order", "SELECT 'a' = 'A', 'abc' LIKE 'A%', 'B' < 'a', 'abc' ILIKE 'A%'", "f", "f", "t",
            "t");
        // In any other session zone the epoch second and the hour move.
        yield return Row(
            "timestamps_in_utc",
            "SELECT unix_timestamp(TIMESTAMP '1970-01-02 00:00:00'), hour(TIMESTAMP '2024-05-06 07:08:09'), CAST(TIMESTAMP "
            + "'2024-05-06 07:08:09' AS string)",
            "86400", "7", "2024-05-06 07:08:09");
        // PostgreSQL: '10' > 9 is an error (text vs integer), and as strings '10' < '9'.
        yield return Row(
            "implicit_casts_in_comparisons", "SELECT '1' = 1, '10' > 9, 1 = 1.0, CAST('2024-01-01' AS date) = '2024-01-01'", "t", "t", "t",
            "t");
        // Spark's own example for exists gives NULL for array(1, null, 3); PostgreSQL's bool_or would give false.
        yield return Row("lambdas_over_null_arrays_and_null_elements",
            "SELECT exists(CAST(NULL AS array<int>), x -> x > 1), exists(array(1, null, 3), x -> x % 2 == 0), size(filter(array(1, NULL, "
            + "3), x -> x IS NULL)), to_json(transform(array(1, NULL), x -> x + 1)), filter(CAST(NULL AS array<int>), x -> true) IS NULL",
            null, null, "1", "[2,null]", "t");
        // PostgreSQL: a row whose fields are all NULL IS NULL.
        yield return Row("a_struct_with_null_fields_is_not_null",
            "SELECT named_struct('a', CAST(NULL AS int)) IS NULL, isnotnull(named_struct('a', CAST(NULL AS int))), "
            + "nvl2(named_struct('a', CAST(NULL AS int)), 'value', 'null')",
            "f", "t", "value");
        // array<string> would not cast to a struct array.
        yield return Row(
            "an_empty_array_holds_void_elements",
            "SELECT size(CAST(array() AS array<struct<a:int>>)), to_json(coalesce(array(), array(1)))", "0", "[]");
        // jsonb sorts keys (shortest first).
        yield return Row(
            "to_json_keeps_a_structs_field_order",
            "SELECT to_json(named_struct('bb', 1, 'a', 2, 'c', 'x'))",
            "{\"bb\":1,\"a\":2,\"c\":\"x\"}");
    }

    [TestCaseSource(nameof(Rows))]
    public async Task The_front_gives_Sparks_result(string sql, string?[] expected)
        => Assert.That(await FrontRow.ReadAsync(sql, "spark-semantics"), Is.EqualTo(expected));
}
