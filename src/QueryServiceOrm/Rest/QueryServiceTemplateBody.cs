namespace QueryServiceOrm.Rest;

/// <summary>The body that creates or overwrites a template: both fields always, as <c>PUT</c> requires.</summary>
internal sealed record QueryServiceTemplateBody(string Name, string Sql, IReadOnlyDictionary<string, string>? QueryParameters);
