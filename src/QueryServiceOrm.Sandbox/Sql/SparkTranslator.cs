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
                result.Add(await catalogQueries.RunAsync(CatalogText(statement), cancellationToken).ConfigureAwait(false));
            }
            else
            {
                result.AddRange(translator.Translate(SparkParser.Parse(statement)));
            }
        }

        await catalog.EnsureStructTypesAsync(context.RequiredStructs, cancellationToken).ConfigureAwait(false);
        return result;
    }

    // A catalog query as the backend's PostgreSQL answers what the service would. The service's final LIMIT 0 asks for every
    // row (it lifts the cap), where PostgreSQL's would return none. pg_class.relhasoids, which psql asks of a server whose
    // version is below 12 (the service reports 0.1.0), is gone since PostgreSQL 12, when tables stopped having OIDs: it is false.
    private static string CatalogText(ScriptStatement statement)
    {
        var tokens = statement.Tokens.Where(t => t.Kind != TokenKind.End).ToList();
        var end = tokens is [.., var limit, { Kind: TokenKind.Number, Text: "0" }] && limit.Is("LIMIT")
            ? limit.Position
            : statement.Text.Length;
        var text = new StringBuilder();
        var copied = 0;
        for (var i = 0; i < tokens.Count && tokens[i].Position < end; i++)
        {
            if (tokens[i].Is("relhasoids"))
            {
                var start = i >= 2 && tokens[i - 1].IsSymbol(".") ? tokens[i - 2].Position : tokens[i].Position;
                text.Append(statement.Text, copied, start - copied).Append("false");
                copied = tokens[i].Position + tokens[i].Text.Length;
            }
        }

        return text.Append(statement.Text, copied, end - copied).ToString().TrimEnd();
    }

    // pg_catalog.x, information_schema.x, pg_class, pg_get_keywords(), ...: PostgreSQL's catalog, not a dataset.
    private static bool ReadsPostgresCatalog(ScriptStatement statement)
        => statement.Tokens.Any(
            t => t.Kind == TokenKind.Word
                && (CatalogName().IsMatch(t.Text) || t.Text.Equals("information_schema", StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex("^pg_[a-z_]+$", RegexOptions.IgnoreCase)]
    private static partial Regex CatalogName();
}
