using System.Collections.Concurrent;
using QueryServiceOrm.Sandbox.Rest.Queries;

namespace QueryServiceOrm.Sandbox.Rest.Templates;

/// <summary>The sandbox's query templates, in memory for the sandbox's lifetime, all of one user (the organisation's).</summary>
internal sealed class QueryTemplates(string userId)
{
    private readonly ConcurrentDictionary<string, QueryTemplate> _templates = new(StringComparer.Ordinal);
    private readonly RestClock _clock = new();

    public IEnumerable<QueryTemplate> All => _templates.Values;

    public QueryTemplate? Find(string id) => _templates.GetValueOrDefault(id);

    public QueryTemplate Create(string name, string sql, IReadOnlyDictionary<string, string>? queryParameters)
    {
        var created = _clock.Next();
        var template = new QueryTemplate(
            Guid.NewGuid().ToString(), name, sql, SqlPlaceholders.Values(queryParameters, null), userId, created, created, null);
        _templates[template.Id] = template;
        return template;
    }

    /// <summary>Overwrites a template's name, SQL and default values, as <c>PUT</c> does; null when there is no such template.</summary>
    public QueryTemplate? Replace(string id, string name, string sql, IReadOnlyDictionary<string, string>? queryParameters)
    {
        while (_templates.TryGetValue(id, out var current))
        {
            var replaced = current with
            {
                Name = name,
                Sql = sql,
                QueryParameters = SqlPlaceholders.Values(queryParameters, null),
                Updated = _clock.Next(),
                LastUpdatedBy = userId,
            };
            if (_templates.TryUpdate(id, replaced, current))
            {
                return replaced;
            }
        }

        return null;
    }

    public bool Delete(string id) => _templates.TryRemove(id, out _);
}
