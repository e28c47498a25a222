using System.Text.RegularExpressions;
using QueryServiceOrm.Sandbox.Rest.Templates;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>
/// Turns a <c>POST /queries</c> body into the statement the job runs: its SQL or its template's (<c>templateId</c>), the
/// <c>$name</c> placeholders filled from <c>queryParameters</c> (<see cref="SqlPlaceholders"/>), and the SQL made a CTAS
/// (<c>ctasParameters</c>) or an INSERT INTO (<c>insertIntoParameters</c>) when asked. Anything the API would refuse comes
/// back as the text of a 400 answer.
/// </summary>
internal static partial class QuerySubmission
{
    public sealed record Accepted(QueryResourceRequest Request, string Sql, bool IsCtas, bool IsInsertInto);

    public static (Accepted? Accepted, string? Error) Read(QueryRequestBody? body, string sandboxName, QueryTemplates templates)
    {
        if (body is null)
        {
            return (null, "The body must be a JSON object with dbName and sql.");
        }

        if (body.DbName is not { Length: > 0 } dbName
            || !dbName.StartsWith(sandboxName + ":", StringComparison.Ordinal)
            || dbName.Length == sandboxName.Length + 1)
        {
            return (null, $"dbName must name this sandbox and a database, e.g. {sandboxName}:all.");
        }

        var (submitted, sql, error) = Statement(body, templates);
        if (sql is null)
        {
            return (null, error);
        }

        if (body.CtasParameters is not null && body.InsertIntoParameters is not null)
        {
            return (null, "Give ctasParameters or insertIntoParameters, not both.");
        }

        sql = sql.Trim().TrimEnd(';');
        if (body.CtasParameters is { } ctas)
        {
            if (ctas.DatasetName is not { Length: > 0 } dataset)
            {
                return (null, "ctasParameters.datasetName is required.");
            }

            var with = ctas.TargetSchemaTitle is { Length: > 0 } title
                ? $" WITH (schema='{title.Replace("'", "''", StringComparison.Ordinal)}')"
                : "";
            sql = $"CREATE TABLE {dataset}{with} AS {sql}";
        }
        else if (body.InsertIntoParameters is { } insert)
        {
            if (insert.DatasetName is not { Length: > 0 } dataset)
            {
                return (null, "insertIntoParameters.datasetName is required.");
            }

            sql = $"INSERT INTO {dataset} {sql}";
        }

        var statement = LeadingComments().Replace(sql, "");
        return (new Accepted(
            new QueryResourceRequest(dbName, submitted, body.Name, body.Description),
            sql,
            IsCtas: CreateTableAs().IsMatch(statement),
            IsInsertInto: statement.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)), null);
    }

    // The SQL as submitted (the body's or its template's) and as it runs: placeholders are filled when the query gives
    // queryParameters or runs a template, so that plain SQL holding a '$word' literal runs as it is.
    private static (string Submitted, string? Sql, string? Error) Statement(QueryRequestBody body, QueryTemplates templates)
    {
        if (body.TemplateId is not { } templateId)
        {
            if (string.IsNullOrWhiteSpace(body.Sql))
            {
                return ("", null, "sql is required (or templateId).");
            }

            var (sql, error) = body.QueryParameters is null
                ? (body.Sql, null)
                : SqlPlaceholders.Fill(body.Sql, SqlPlaceholders.Values(null, body.QueryParameters));
            return (body.Sql, sql, error);
        }

        if (body.Sql is not null)
        {
            return ("", null, "Give sql or templateId, not both.");
        }

        if (templates.Find(templateId) is not { } template)
        {
            return ("", null, $"templateId {templateId} names no template in this sandbox: GET /query-templates lists them.");
        }

        var (filled, missing) = SqlPlaceholders.Fill(template.Sql, SqlPlaceholders.Values(template.QueryParameters, body.QueryParameters));
        return (template.Sql, filled, missing);
    }

    [GeneratedRegex(@"^(\s*--[^\n]*\n|\s*/\*.*?\*/)*\s*", RegexOptions.Singleline)]
    private static partial Regex LeadingComments();

    [GeneratedRegex(@"^CREATE\s+TABLE\b.*?\bAS\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CreateTableAs();
}
