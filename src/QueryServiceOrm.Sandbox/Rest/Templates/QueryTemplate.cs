using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Templates;

/// <summary>A saved query template: its SQL, with <c>$name</c> placeholders, and their default values.</summary>
internal sealed record QueryTemplate(
    string Id,
    string Name,
    string Sql,
    IReadOnlyDictionary<string, string> QueryParameters,
    string UserId,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    string? LastUpdatedBy) : IRestListed
{
    public TemplateResource ToResource(string apiBaseUrl)
    {
        var self = $"{apiBaseUrl}/query-templates/{Id}";
        var links = new Dictionary<string, LinkBody>(StringComparer.Ordinal)
        {
            ["self"] = new(self, "GET"),
            ["delete"] = new(self, "DELETE"),
            ["update"] = new(self, "PUT", """{"sql": "new sql ", "name": "new name"}"""),
        };
        return new TemplateResource(Sql, Name, Id, QueryJob.Timestamp(Updated), LastUpdatedBy, UserId, QueryJob.Timestamp(Created), links);
    }
}
