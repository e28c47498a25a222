using System.Text;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Tests.Storage;

/// <summary>
/// Inline values must never change the statement they are written into. On the stand-in every hostile value makes
/// a real round trip through the server; for the service the literal is decoded by Spark's rules and the rest of
/// the statement must be exactly what a harmless value gives.
/// </summary>
public sealed class LiteralTests
{
    public static readonly string[] HostileStrings =
    [
        "it's", "O''Brien", "back\\slash", "trailing\\", "\\'", "'; DROP TABLE customers; --", "$$", "$$ BEGIN raise_error('x'); END $$",
        "-- comment", "/* open comment", "*/", "#template", "##", "line\nbreak", "cr\r\nlf", "tab\tstop", "\u001a ctrl-z", "\"double\"",
        "`back`", "unicode ünïcödé 名前 🎉", "\u00a0nbsp", "%_ like wildcards", "@variable", "?", ":name", "\\u0027", "\\x27",
        "''''", "",
    ];

    public static IEnumerable<object> HostileValues()
    {
        foreach (var s in HostileStrings)
        {
            yield return s;
        }

        yield return '\'';
        yield return '\\';
        yield return int.MinValue;
        yield return long.MaxValue;
        yield return short.MinValue;
        yield return 79228162514264337593543950335m;
        yield return -0.000001m;
        yield return double.MaxValue;
        yield return double.Epsilon;
        yield return -0.0;
        yield return 1e-300;
        yield return float.MaxValue;
        yield return true;
        yield return false;
        yield return new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        yield return new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234560);
        yield return new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.FromHours(5));
        yield return new DateOnly(2000, 1, 1);
        yield return Guid.Parse("d3b07384-d9a0-4f3b-8a3c-2f1e0c5b6a7d");
    }

    [TestCaseSource(nameof(HostileValues))]
    public async Task A_value_makes_a_round_trip_through_the_stand_in(object value)
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials()).CreateDbContext();

        var echoed = await RoundTripAsync(db, (dynamic)value);
        var matches = await db.Customers.CountAsync(c => c.Name == value.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(Normalize(echoed), Is.EqualTo(Normalize(value)));
            Assert.That(matches, Is.Zero, "the filter compared the value, nothing else");
        });
    }

    [TestCaseSource(nameof(HostileStrings))]
    public async Task A_string_is_one_literal_in_the_service_sql(string value)
    {
        var harmless = await ServiceSqlForNameAsync("harmless");
        var hostile = await ServiceSqlForNameAsync(value);

        var start = harmless.IndexOf("'harmless'", StringComparison.Ordinal);
        var end = hostile.Length - (harmless.Length - start - "'harmless'".Length);
        var literal = hostile[start..end];

        Assert.Multiple(() =>
        {
            Assert.That(hostile[..start], Is.EqualTo(harmless[..start]), "the statement before the literal is unchanged");
            Assert.That(
                hostile[end..], Is.EqualTo(harmless[(start + "'harmless'".Length)..]), "the statement after the literal is unchanged");
            Assert.That(SparkStringLiteral.Decode(literal), Is.EqualTo(value), literal);
            Assert.That(QueryServiceSqlConformance.Violations(hostile), Is.Empty);
        });
    }

    [Test]
    public void Nul_is_written_as_an_escape()
    {
        var service = SqlDialect.Default.TryWriteLiteral("a\0b", null);
        Assert.Multiple(() =>
        {
            Assert.That(service, Is.EqualTo(@"'a\u0000b'"));
            Assert.That(SparkStringLiteral.Decode(service!), Is.EqualTo("a\0b"));
        });
    }

    [Test]
    public async Task Nul_in_a_value_is_sent_as_the_service_reads_it_and_the_emulator_refuses_it_honestly()
    {
        var sandbox = await ShopData.SeedAsync();
        var application = "nul-" + Guid.NewGuid().ToString("N")[..8];
        await using var db = new QueryServiceDbContextFactory<ShopContext>(
            sandbox.Credentials(), o => o.ApplicationName(application)).CreateDbContext();
        var nul = "a\0b";

        // The service's strings may hold U+0000; the backend's text cannot, so the front says so instead of losing it.
        Assert.That(async () => await db.Customers.Where(c => c.Name == nul).ToListAsync(),
            Throws.TypeOf<QueryServiceNotSupportedException>().With.Message.Contains("NUL character"));
        Assert.Multiple(() =>
        {
            Assert.That(FrontLog.Statements(sandbox, application), Has.Some.Contains(@"'a\u0000b'"), "the escape the service reads");
            Assert.That(FrontLog.BackendStatements(sandbox, application), Is.Empty, "nothing reached the backend");
        });
    }

    [Test]
    public async Task Literals_stay_literals_when_a_session_turns_standard_conforming_strings_off()
    {
        var sandbox = await ShopData.SeedAsync();
        await using var db = new QueryServiceDbContextFactory<ShopContext>(sandbox.Credentials()).CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET standard_conforming_strings = off");
        var hostile = "\\' OR 1=1 --";

        var matches = await db.Customers.CountAsync(c => c.Name == hostile);
        var echoed = await RoundTripAsync(db, hostile);

        Assert.Multiple(() =>
        {
            Assert.That(matches, Is.Zero);
            Assert.That(echoed, Is.EqualTo(hostile));
        });
    }

    [Test]
    public void Strings_follow_sparks_escaping()
        => Assert.That(SqlDialect.Default.TryWriteLiteral("it's \\ #", null), Is.EqualTo("'it\\u0027s \\u005C \\u0023'"));

    [TestCase("CAST('1.5' AS double)", "CAST('NaN' AS double)", "TIMESTAMP '2024-01-02 03:04:05.000000'")]
    public void Other_literals_follow_spark(string number, string nan, string timestamp)
    {
        var sql = SqlDialect.Default;
        Assert.Multiple(() =>
        {
            Assert.That(sql.TryWriteLiteral(1.5, null), Is.EqualTo(number));
            Assert.That(sql.TryWriteLiteral(double.NaN, null), Is.EqualTo(nan));
            Assert.That(sql.TryWriteLiteral(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), null), Is.EqualTo(timestamp));
            Assert.That(sql.TryWriteLiteral(true, null), Is.EqualTo("TRUE"));
            Assert.That(sql.TryWriteLiteral(null, null), Is.EqualTo("NULL"));
            Assert.That(sql.TryWriteLiteral(new DateOnly(2024, 1, 2), null), Is.EqualTo("DATE '2024-01-02'"));
            Assert.That(sql.TryWriteLiteral(new object(), null), Is.Null);
        });
    }

    private static Task<T> RoundTripAsync<T>(ShopContext db, T value)
        => db.Customers.Where(c => c.Id == 1).Select(c => value).SingleAsync();

    private static Task<string> ServiceSqlForNameAsync(string name)
        => ContextFactories.ServiceSqlAsync(db => db.Customers.Where(c => c.Name == name).Select(c => c.Id).ToListAsync());

    private static string? Normalize(object? value)
        => value switch
        {
            DateTimeOffset o => o.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            DateTime t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
}
