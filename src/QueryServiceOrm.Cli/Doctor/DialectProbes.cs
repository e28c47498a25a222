using Npgsql;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Cli.Doctor;

/// <summary>
/// The probes of <c>qsorm doctor</c>: one statement (or a few) for each question Adobe's documentation leaves open, each
/// printed as one line saying what holds, and together the <see cref="QueryServiceDialect"/> the server accepts. The
/// probes change nothing but a scratch table of their own (see <see cref="ScratchTable"/>), which is always dropped.
/// </summary>
internal sealed partial class DialectProbes(ProbeSession session, TextWriter output, TextWriter errors)
{
    private const string Width = "{0,-20} {1}";

    /// <summary>Runs every probe in turn and returns the switches they settle (the documented value where none does).</summary>
    public async Task<QueryServiceDialect> RunAsync(CancellationToken cancellationToken)
    {
        var dialect = await IdentifierQuoteAsync(QueryServiceDialect.Default, cancellationToken);
        dialect = await WithScratchTableAsync(dialect, cancellationToken);
        dialect = await BindParametersAsync(dialect, cancellationToken);
        await CommitAsync(cancellationToken);
        dialect = await OffsetAsync(dialect, cancellationToken);
        dialect = await ExplodeAsync(dialect, cancellationToken);
        await VersionAsync(cancellationToken);
        return dialect;
    }

    // Both forms are always tried: that "f" after a dot is a string to Spark (and only an identifier to PostgreSQL) is
    // worth seeing even where the backquote settles the switch.
    private async Task<QueryServiceDialect> IdentifierQuoteAsync(QueryServiceDialect dialect, CancellationToken cancellationToken)
    {
        const string From = " FROM (SELECT named_struct('f', 1) AS s) AS t";
        var backquote = await session.RunAsync("SELECT t.s.`f`" + From, cancellationToken);
        var doubleQuote = await session.RunAsync("SELECT t.s.\"f\"" + From, cancellationToken);
        var quote = backquote.ReturnsIntegers(1) ? QueryServiceIdentifierQuote.Backquote
            : doubleQuote.ReturnsIntegers(1) ? QueryServiceIdentifierQuote.DoubleQuote
            : (QueryServiceIdentifierQuote?)null;
        var verdict = quote is null
            ? "neither reads the field -> IdentifierQuote=Backquote (the documented form)"
            : $"-> IdentifierQuote={quote}";
        await LineAsync("identifier quoting", $"t.s.`f` {Describe(backquote)}; t.s.\"f\" {Describe(doubleQuote)} {verdict}");
        return dialect with { IdentifierQuote = quote ?? QueryServiceIdentifierQuote.Backquote };
    }

    // Reported only: Inline is the documented mode, and a user is not moved to an undocumented one behind their back.
    private async Task<QueryServiceDialect> BindParametersAsync(QueryServiceDialect dialect, CancellationToken cancellationToken)
    {
        const string Sent = "qsorm doctor's value";
        var answer = await session.RunAsync("SELECT @p", [new NpgsqlParameter("p", Sent)], cancellationToken);
        var works = answer.Accepted && answer.Values is [string back] && back == Sent;
        await LineAsync("bind parameters", works
            ? "a bound value comes back unchanged -> ParameterMode=Inline (documented; set Dialect:ParameterMode=Bind yourself to use them)"
            : $"SELECT @p {Describe(answer)} -> ParameterMode=Inline");
        return dialect with { ParameterMode = QueryServiceParameterMode.Inline };
    }

    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        var answer = await session.RunAsync("COMMIT", cancellationToken);
        await LineAsync(
            "COMMIT", $"{(answer.Accepted ? "accepted" : answer.Refusal)} (informational: the library never sends transactions)");
    }

    private async Task<QueryServiceDialect> OffsetAsync(QueryServiceDialect dialect, CancellationToken cancellationToken)
    {
        var answer = await session.RunAsync(
            "SELECT id FROM (VALUES (1), (2), (3)) AS v(id) ORDER BY id LIMIT 1 OFFSET 1", cancellationToken);
        var supported = answer.ReturnsIntegers(2);
        await LineAsync("OFFSET", $"LIMIT 1 OFFSET 1 {Describe(answer)} -> SupportsOffset={(supported ? "true" : "false")}");
        return dialect with { SupportsOffset = supported };
    }

    // The correlated lateral subquery needs Spark 3.4; LATERAL VIEW is every 3.x's form.
    private async Task<QueryServiceDialect> ExplodeAsync(QueryServiceDialect dialect, CancellationToken cancellationToken)
    {
        const string From = "SELECT x.value FROM (SELECT array(1, 2) AS a) AS t ";
        var subquery = await session.RunAsync(From + "JOIN LATERAL (SELECT explode(t.a) AS value) AS x ON TRUE", cancellationToken);
        if (subquery.ReturnsIntegers(1, 2))
        {
            await LineAsync("explode", $"JOIN LATERAL (SELECT explode(t.a)) {Describe(subquery)} -> ExplodeForm=LateralSubquery");
            return dialect with { ExplodeForm = QueryServiceExplodeForm.LateralSubquery };
        }

        var view = await session.RunAsync(From + "LATERAL VIEW explode(t.a) x AS value", cancellationToken);
        var form = view.ReturnsIntegers(1, 2) ? QueryServiceExplodeForm.LateralView : QueryServiceExplodeForm.LateralSubquery;
        await LineAsync(
            "explode",
            $"JOIN LATERAL (SELECT explode(t.a)) {Describe(subquery)}; LATERAL VIEW explode(t.a) {Describe(view)} -> ExplodeForm={form}"
            + (view.ReturnsIntegers(1, 2) ? "" : " (neither works; the documented form is kept)"));
        return dialect with { ExplodeForm = form };
    }

    private async Task VersionAsync(CancellationToken cancellationToken)
    {
        var answer = await session.RunAsync("SELECT version()", cancellationToken);
        await LineAsync("Spark version", answer.Values is [string version] ? version : $"not reported ({Describe(answer)})");
    }

    private static string Describe(ProbeAnswer answer) => answer.Refusal ?? "returns " + answer.Shown;

    private Task LineAsync(string probe, string finding)
        => output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, Width, probe + ":", finding));
}
