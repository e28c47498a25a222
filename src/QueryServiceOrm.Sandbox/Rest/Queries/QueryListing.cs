using Microsoft.AspNetCore.Http;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>
/// <c>GET /queries</c>: the paging of <see cref="RestPaging"/>, <c>property</c> filters (<c>created</c>, <c>updated</c>,
/// <c>state</c>, <c>id</c> with <c>&gt; &lt; &gt;= &lt;= == != ~</c>, comma-separated) and <c>excludeSoftDeleted</c> (true by
/// default).
/// </summary>
internal static class QueryListing
{
    private static readonly string[] Operators = [">=", "<=", "==", "!=", ">", "<", "~"];

    /// <summary>The page, or the text of a 400 answer.</summary>
    public static (QueryPageBody? Page, string? Error) List(IEnumerable<QueryJob> jobs, IQueryCollection query, string apiBaseUrl)
    {
        var (paging, error) = RestPaging.Read(query);
        if (paging is null)
        {
            return (null, error);
        }

        var filters = new List<Func<QueryJob, bool>>();
        foreach (var filter in query["property"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Filter(filter) is not { } predicate)
            {
                return (null,
                    $"property filter '{filter}' is not supported: use created, updated, state or id with >, <, >=, <=, ==, != or ~.");
            }

            filters.Add(predicate);
        }

        var excludeSoftDeleted = !string.Equals(query["excludeSoftDeleted"], "false", StringComparison.OrdinalIgnoreCase);
        var matching = jobs.Where(j => !(excludeSoftDeleted && j.SoftDeleted) && filters.All(f => f(j)));
        var (items, page, links) = paging.Page(matching, $"{apiBaseUrl}/queries");
        return (new QueryPageBody(items.Select(j => j.ToResource(apiBaseUrl)).ToList(), page, links), null);
    }

    private static Func<QueryJob, bool>? Filter(string filter)
    {
        foreach (var op in Operators)
        {
            var at = filter.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var field = filter[..at].Trim();
            var value = filter[(at + op.Length)..].Trim();
            return field switch
            {
                "state" => j => Compare(string.CompareOrdinal(j.State, value), op, j.State, value),
                "id" => j => Compare(string.CompareOrdinal(j.Id, value), op, j.Id, value),
                "created" or "updated"
                    when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                    => j => Compare(
                        (field == "created" ? j.Created : j.Updated).CompareTo(time),
                        op,
                        QueryJob.Timestamp(field == "created" ? j.Created : j.Updated),
                        value),
                _ => null,
            };
        }

        return null;
    }

    private static bool Compare(int order, string op, string text, string value)
        => op switch
        {
            "==" => order == 0,
            "!=" => order != 0,
            ">" => order > 0,
            "<" => order < 0,
            ">=" => order >= 0,
            "<=" => order <= 0,
            _ => text.Contains(value, StringComparison.OrdinalIgnoreCase),
        };
}
