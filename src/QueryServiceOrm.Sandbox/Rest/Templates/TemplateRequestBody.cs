namespace QueryServiceOrm.Sandbox.Rest.Templates;

/// <summary>The body of <c>POST /query-templates</c> and <c>PUT /query-templates/{id}</c>.</summary>
/// <param name="Sql">The SQL, with <c>$name</c> placeholders.</param>
/// <param name="Name">The template's name.</param>
/// <param name="QueryParameters">The placeholders' default values; a query that runs the template may override them.</param>
internal sealed record TemplateRequestBody(string? Sql, string? Name, Dictionary<string, string>? QueryParameters);
