using System.Globalization;

namespace QueryServiceOrm.Rest;

/// <summary>What a list call of the API (queries, templates, schedules, runs) returns: its order, page and filters.</summary>
public abstract record QueryServiceListOptions
{
    /// <summary><c>created</c> or <c>updated</c>, with <c>-</c> for descending (the API's default is <c>-created</c>).</summary>
    public string? OrderBy { get; init; }

    /// <summary>The page size (the API's default is 20).</summary>
    public int? Limit { get; init; }

    /// <summary>Where the page starts: an offset, or a page's <see cref="QueryServicePage.NextStart"/>.</summary>
    public string? Start { get; init; }

    /// <summary>Filters such as <c>state==SUCCESS</c>, combined with commas; each list documents the ones it takes.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    internal string ToQueryString() => QueryServiceQueryString.Of([.. Parameters()]);

    private protected virtual IEnumerable<(string Name, string? Value)> Parameters()
    {
        yield return ("orderby", OrderBy);
        yield return ("limit", Limit?.ToString(CultureInfo.InvariantCulture));
        yield return ("start", Start);
        yield return ("property", Properties.Count > 0 ? string.Join(',', Properties) : null);
    }
}
