using System.Text.RegularExpressions;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>
/// Turns a <c>POST /queries</c> body into the statement the job runs: <c>$name</c> placeholders replaced by
/// <c>queryParameters</c>, and the SQL made a CTAS (<c>ctasParameters</c>) or an INSERT INTO (<c>insertIntoParameters</c>)
/// when asked. Anything the API would refuse comes back as the text of a 400 answer.
/// </summary>
internal static partial class QuerySubmission
{
    public sealed record Accepted(QueryResourceRequest Request, string Sql, bool IsCtas, bool IsInsertInto);

    public static (Accepted? Accepted, string? Error) Read(QueryRequestBody? body, string sandboxName)
    {
        if (body is null)
        {
            return (null, "The body must be a JSON object with dbName and sql.");
        }

        if (body.DbName is not { Length: > 0 } dbName || !dbName.StartsWith(sandboxName + ":", StringComparison.Ordinal) || dbName.Length == sandboxName.Length + 1)
        {
            return (null, $"dbName must name this sandbox and a database, e.g. {sandboxName}:all.");
        }

        if (body.TemplateId is not null)
        {
            return (null, "templateId: the sandbox keeps no query templates yet; send the SQL itself.");
        }

        if (body.Sql is not { } sql || string.IsNullOrWhiteSpace(sql))
        {
            return (null, "sql is required (or templateId).");
        }

        if (body.CtasParameters is not null && body.InsertIntoParameters is not null)
        {
            return (null, "Give ctasParameters or insertIntoParameters, not both.");
        }

        sql = Substitute(sql, body.QueryParameters).Trim().TrimEnd(';');
        if (body.CtasParameters is { } ctas)
        {
            if (ctas.DatasetName is not { Length: > 0 } dataset)
            {
                return (null, "ctasParameters.datasetName is required.");
            }

            var with = ctas.TargetSchemaTitle is { Length: > 0 } title ? $" WITH (schema='{title.Replace("'", "''", StringComparison.Ordinal)}')" : "";
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
            new QueryResourceRequest(dbName, body.Sql, body.Name, body.Description),
            sql,
            IsCtas: CreateTableAs().IsMatch(statement),
            IsInsertInto: statement.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)), null);
    }

    // Longest names first, so that $day never replaces the start of $days.
    private static string Substitute(string sql, Dictionary<string, string>? parameters)
        => parameters is null
            ? sql
            : parameters.OrderByDescending(p => p.Key.Length).Aggregate(sql, (text, p) => text.Replace("$" + p.Key.TrimStart('$'), p.Value, StringComparison.Ordinal));

    [GeneratedRegex(@"^(\s*--[^\n]*\n|\s*/\*.*?\*/)*\s*", RegexOptions.Singleline)]
    private static partial Regex LeadingComments();

    [GeneratedRegex(@"^CREATE\s+TABLE\b.*?\bAS\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex CreateTableAs();
}
