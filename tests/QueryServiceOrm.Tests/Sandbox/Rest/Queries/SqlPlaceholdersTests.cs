using QueryServiceOrm.Sandbox.Rest.Queries;
using QueryServiceOrm.Sandbox.Sql.Lexing;

namespace QueryServiceOrm.Tests.Sandbox.Rest.Queries;

/// <summary>
/// The emulator fills <c>$name</c> placeholders with values as data: read back by the sandbox's own Spark lexer, a value is
/// one token whatever quotes, backslashes or SQL it holds, and a placeholder without a value is refused.
/// </summary>
public sealed class SqlPlaceholdersTests
{
    private const string Hostile = @"x' OR '1'='1' -- \";

    [Test]
    public void A_value_inside_a_string_stays_that_string()
    {
        var tokens = Tokens("SELECT id FROM t WHERE label = '$label'", ("label", Hostile));

        Assert.That(tokens[^1], Is.EqualTo((TokenKind.String, Hostile)), "the string is the last token: nothing after it became SQL");
    }

    [Test]
    public void A_value_outside_quotes_is_a_number_or_else_a_string()
    {
        var tokens = Tokens("SELECT id FROM t WHERE id <= $max AND label = $label", ("max", "42"), ("label", Hostile));

        Assert.That(tokens[^5..], Is.EqualTo(new[]
        {
            (TokenKind.Number, "42"), (TokenKind.Word, "AND"), (TokenKind.Word, "label"), (TokenKind.Symbol, "="),
            (TokenKind.String, Hostile),
        }));
    }

    [Test]
    public void A_negative_number_after_a_minus_does_not_start_a_comment()
    {
        var (sql, _) = SqlPlaceholders.Fill("SELECT 10 -$n AS d", Values(("n", "-5")));

        Assert.That(sql, Is.EqualTo("SELECT 10 -(-5) AS d"));
    }

    [Test]
    public void A_value_inside_a_quoted_identifier_doubles_its_quote()
    {
        var tokens = Tokens("SELECT `$column` FROM t", ("column", "a`b FROM secrets --"));

        Assert.That(tokens[1], Is.EqualTo((TokenKind.QuotedIdentifier, "a`b FROM secrets --")));
    }

    [Test]
    public void The_longest_name_is_the_placeholder_and_comments_are_left_alone()
    {
        var (sql, error) = SqlPlaceholders.Fill("SELECT $days, $day -- not $filled\n", Values(("day", "1"), ("days", "7")));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Null);
            Assert.That(sql, Is.EqualTo("SELECT 7, 1 -- not $filled\n"));
        });
    }

    [Test]
    public void Keys_may_be_written_with_their_dollar_and_a_query_overrides_a_template_default()
    {
        var values = SqlPlaceholders.Values(Values(("$max", "10"), ("label", "a")), Values(("max", "5")));

        Assert.That(values, Is.EquivalentTo(new Dictionary<string, string> { ["max"] = "5", ["label"] = "a" }));
    }

    [Test]
    public void A_placeholder_without_a_value_is_refused_with_what_to_add()
    {
        var (sql, error) = SqlPlaceholders.Fill("SELECT id FROM t WHERE id <= $max", Values(("min", "1")));

        Assert.Multiple(() =>
        {
            Assert.That(sql, Is.Null);
            Assert.That(error, Does.Contain("no value for $max").And.Contain("\"max\""));
        });
    }

    [Test]
    public void A_quote_cannot_go_into_a_raw_string()
    {
        var (sql, error) = SqlPlaceholders.Fill("SELECT r'$label'", Values(("label", Hostile)));

        Assert.Multiple(() =>
        {
            Assert.That(sql, Is.Null);
            Assert.That(error, Does.Contain("raw string"));
        });
    }

    private static List<(TokenKind Kind, string Value)> Tokens(string sql, params (string Name, string Value)[] values)
    {
        var (filled, error) = SqlPlaceholders.Fill(sql, Values(values));
        Assert.That(filled, Is.Not.Null, error);
        return SparkLexer.Tokenize(filled!).Where(t => t.Kind != TokenKind.End).Select(t => (t.Kind, t.Value)).ToList();
    }

    private static Dictionary<string, string> Values(params (string Name, string Value)[] values)
        => values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
