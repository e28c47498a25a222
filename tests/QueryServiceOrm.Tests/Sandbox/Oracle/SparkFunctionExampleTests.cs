using System.Text.Json;
using System.Text.RegularExpressions;
using QueryServiceOrm.Sandbox.Sql.Translation;

namespace QueryServiceOrm.Tests.Sandbox.Oracle;

/// <summary>
/// Spark's own documented examples (the <c>examples</c> of each function's ExpressionDescription, extracted from the
/// apache/spark sources at v3.5.1 by build/extract-spark-examples.py) run through the front by Npgsql, a real client, and
/// compared with Spark's documented result. Examples the front does not match are listed with the reason in
/// spark-3.5.1-examples-not-emulated.tsv; the list is checked both ways, so an example that starts to pass must leave it.
/// </summary>
[NonParallelizable]
public sealed partial class SparkFunctionExampleTests
{
    private const int Minimum = 150;

    // Spark's results that are not a function of the input: random, time, environment, or a boxed table print.
    private static readonly HashSet<string> Nondeterministic = new(StringComparer.OrdinalIgnoreCase)
    {
        "rand", "random", "randn", "uuid", "shuffle", "current_date", "current_timestamp", "now", "current_timezone", "localtimestamp",
        "current_user", "user", "session_user", "current_database", "current_schema", "current_catalog", "reflect", "java_method",
        "version", "aes_encrypt", "spark_partition_id", "monotonically_increasing_id", "input_file_name", "range", "sql_keywords",
    };

    [Test]
    public async Task Sparks_documented_examples_of_the_functions_the_front_supports_give_Sparks_results()
    {
        var supported = SparkFunctions.Names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var examples = Examples().Where(e => !Nondeterministic.Contains(e.Function) && e.Conf is null
                                              && (supported.Contains(e.Function) || e.Aliases.Any(supported.Contains))).ToList();
        var notEmulated = NotEmulated();
        var sandbox = await SharedSandbox.GetAsync();
        var connection = await OpenAsync(sandbox.ConnectionString("spark-examples") + ";Pooling=false");

        var passed = 0;
        var wrong = new List<string>();
        var stale = new List<string>();
        foreach (var example in examples)
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                // A fatal error ends the session, as on the service; the next example gets a new one.
                await connection.DisposeAsync();
                connection = await OpenAsync(sandbox.ConnectionString("spark-examples") + ";Pooling=false");
            }

            var actual = await RunAsync(connection, example.Sql);
            var equal = Equal(example.Expected, actual);
            var listed = notEmulated.ContainsKey(example.Sql);
            if (equal && listed)
            {
                stale.Add(example.Sql);
            }
            else if (!equal && !listed)
            {
                wrong.Add(Escape(example.Sql) + "\t" + Difference(example.Expected, actual));
            }
            else if (equal)
            {
                passed++;
            }
        }

        await connection.DisposeAsync();
        foreach (var line in wrong)
        {
            // In the list's own format, so a deliberate change of the front can be reviewed and listed.
            TestContext.Out.WriteLine("not listed\t" + line);
        }

        TestContext.Out.WriteLine(
            $"{passed} of {examples.Count} examples of supported functions equal Spark's; {notEmulated.Count} listed as not emulated.");
        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Empty, "examples whose result differs from Spark's and are not listed with a reason");
            Assert.That(stale, Is.Empty, "listed as not emulated, yet equal to Spark's result: remove them from the list");
            Assert.That(passed, Is.GreaterThanOrEqualTo(Minimum));
        });
    }

    [Test]
    public void Every_listed_example_exists_and_says_why()
    {
        var sqls = Examples().Select(e => e.Sql).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            foreach (var (sql, reason) in NotEmulated())
            {
                Assert.That(sqls, Does.Contain(sql), "a listed example is one of Spark's");
                Assert.That(reason.Trim(), Has.Length.GreaterThan(10), $"a reason for {sql}");
            }
        });
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var set = new NpgsqlCommand("SET auto_to_json=true", connection);
        await set.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<List<string>> RunAsync(NpgsqlConnection connection, string sql)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql.TrimEnd().TrimEnd(';'), connection)
            {
                AllResultTypesAreUnknown = true,
                CommandTimeout = 30
            };
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(
                    string.Join(
                        '\t', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetString(i))));
            }

            return rows;
        }
        catch (NpgsqlException e)
        {
            return [$"ERROR {(e as PostgresException)?.SqlState} {(e as PostgresException)?.MessageText ?? e.Message}"];
        }
    }

    private static string Escape(string sql)
        => sql.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Difference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
        => actual is [var only] && only.StartsWith("ERROR ", StringComparison.Ordinal)
            ? $"the front refuses it: {Escape(only[6..])}"
            : $"the front returns {Escape(string.Join(" | ", actual))} where Spark returns {Escape(string.Join(" | ", expected))}";

    // Spark prints with Java's formatting (2.0, 1.0E10, true, {1:0}); the front sends PostgreSQL's text (2, 1e+10, t) and JSON.
    // Only the spelling is reconciled here, never the value.
    private static bool Equal(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
        => expected.Count == actual.Count && expected.Zip(actual).All(p =>
        {
            var e = p.First.Split('\t');
            var a = p.Second.Split('\t');
            return e.Length == a.Length && e.Zip(a).All(c => Value(c.First) == Value(c.Second) || Numeric(c.First, c.Second));
        });

    private static string Value(string text)
    {
        if (text is "t" or "f")
        {
            return text == "t" ? "true" : "false";
        }

        if (text.StartsWith('[') || text.StartsWith('{'))
        {
            // JSON's spacing and quoted numeric keys; Spark prints neither.
            return NumericKey().Replace(Spacing().Replace(text, "$1"), "$1$2:");
        }

        return text;
    }

    private static bool Numeric(string expected, string actual)
        => double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e)
           && double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
           && (e == a || Math.Abs(e - a) <= 1e-12 * Math.Max(Math.Abs(e), Math.Abs(a)));

    [GeneratedRegex("""([,:])\s+(?=(?:[^"]*"[^"]*")*[^"]*$)""")]
    private static partial Regex Spacing();

    [GeneratedRegex("""([{,])"(-?\d+(?:\.\d+)?)":""")]
    private static partial Regex NumericKey();

    private sealed record Example(string Function, string[] Aliases, string Sql, string[] Expected, JsonElement? Conf);

    private static string Oracle(string file)
        => Path.Combine(RepositoryPaths.Root, "tests", "QueryServiceOrm.Tests", "Sandbox", "Oracle", file);

    private static IEnumerable<Example> Examples()
        => File.ReadLines(Oracle("spark-3.5.1-function-examples.jsonl")).Skip(1).Select(line =>
        {
            var json = JsonDocument.Parse(line).RootElement;
            return new Example(
                json.GetProperty("function").GetString()!,
                [.. json.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!)],
                json.GetProperty("sql").GetString()!,
                [.. json.GetProperty("expected").EnumerateArray().Select(a => a.GetString()!)],
                json.TryGetProperty("conf", out var conf) ? conf : null);
        });

    // sql TAB reason, one per line; the sql's own new lines and tabs written as \n and \t.
    private static Dictionary<string, string> NotEmulated()
        => File.ReadLines(Oracle("spark-3.5.1-examples-not-emulated.tsv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t', 2))
            .ToDictionary(
                p => p[0].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal),
                p => p[1],
                StringComparer.Ordinal);
}
