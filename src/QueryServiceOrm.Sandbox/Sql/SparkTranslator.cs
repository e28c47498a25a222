using System.Text.RegularExpressions;
using QueryServiceOrm.Sandbox.Catalog;
using QueryServiceOrm.Sandbox.Sql.Lexing;
using QueryServiceOrm.Sandbox.Sql.Parsing;
using QueryServiceOrm.Sandbox.Sql.Translation;
using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox.Sql;

/// <summary>
/// The front's translator: splits a client's text into statements, translates each from the service's Spark SQL to the
/// backend's PostgreSQL against the current catalog, and makes the composite types the statements' structs need. A
/// statement that reads PostgreSQL's own catalog (what psql's \d and SQLAlchemy's inspector send) runs as PostgreSQL, as a
/// read-only role that can see no data.
/// </summary>
internal sealed partial class SparkTranslator(BackendCatalog catalog, CatalogQueries catalogQueries) : IFrontTranslator
{
    public async ValueTask<IReadOnlyList<FrontStatement>> TranslateAsync(
        string sql, FrontSession session, IReadOnlyList<int> parameterTypes, CancellationToken cancellationToken)
    {
        var statements = SparkParser.Split(sql);
        if (statements.Count == 0)
        {
            return [];
        }

        var snapshot = await catalog.GetAsync(cancellationToken).ConfigureAwait(false);
        var context = new TranslationContext(snapshot, session, parameterTypes);
        var translator = new StatementTranslator(context);
        var result = new List<FrontStatement>();
        foreach (var statement in statements)
        {
            if (ReadsPostgresCatalog(statement))
            {
                result.Add(await catalogQueries.RunAsync(WithoutFinalLimitZero(statement), cancellationToken).ConfigureAwait(false));
            }
            else
            {
                result.AddRange(translator.Translate(SparkParser.Parse(statement)));
            }
        }

        await catalog.EnsureStructTypesAsync(context.RequiredStructs, cancellationToken).ConfigureAwait(false);
        return result;
    }

    // The service's final LIMIT 0 asks for every row (it lifts the cap); PostgreSQL's would return none.
    private static string WithoutFinalLimitZero(ScriptStatement statement)
        => statement.Tokens.Where(t => t.Kind != TokenKind.End).ToList() is [.., { Kind: TokenKind.Word } limit, { Kind: TokenKind.Number, Text: "0" }]
           && limit.Text.Equals("LIMIT", StringComparison.OrdinalIgnoreCase)
            ? statement.Text[..limit.Position].TrimEnd()
            : statement.Text;

    // pg_catalog.x, information_schema.x, pg_class, pg_get_keywords(), ...: PostgreSQL's catalog, not a dataset.
    private static bool ReadsPostgresCatalog(ScriptStatement statement)
        => statement.Tokens.Any(t => t.Kind == TokenKind.Word && (CatalogName().IsMatch(t.Text) || t.Text.Equals("information_schema", StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex("^pg_[a-z_]+$", RegexOptions.IgnoreCase)]
    private static partial Regex CatalogName();
}
