using System.Runtime.CompilerServices;

namespace QueryServiceOrm.Rest;

// The /queries endpoints: non-interactive (batch) queries.
public sealed partial class QueryServiceRestClient
{
    /// <summary>
    /// Submits a query (<c>POST /queries</c>), in <see cref="QueryServiceRestOptions.Database"/> unless the request names a
    /// database. The submission is retried only where the API provably did not take it (429, 503, no connection).
    /// </summary>
    /// <param name="request">The query.</param>
    /// <param name="cancellationToken">Cancels the call (not the query, once submitted).</param>
    /// <returns>The query as accepted, <c>SUBMITTED</c>.</returns>
    /// <exception cref="QueryServiceRestException">The API refused it.</exception>
    public Task<QueryServiceQuery> SubmitQueryAsync(QueryServiceQueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Sql is null && request.TemplateId is null)
        {
            throw new ArgumentException("A query needs its SQL or a template id.", nameof(request));
        }

        var body = request.DbName is null ? request with { DbName = Options.Database } : request;
        return SendAsync(
            HttpMethod.Post,
            "queries",
            Json(body, QueryServiceRestJsonContext.Default.QueryServiceQueryRequest),
            QueryServiceRestJsonContext.Default.QueryServiceQuery,
            cancellationToken);
    }

    /// <summary>Submits a query and returns a handle to follow, wait for and cancel it.</summary>
    /// <param name="request">The query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<QueryServiceJob> SubmitJobAsync(QueryServiceQueryRequest request, CancellationToken cancellationToken = default)
        => new(this, await SubmitQueryAsync(request, cancellationToken).ConfigureAwait(false));

    /// <summary>A handle on a query submitted earlier (by this process or another), read now.</summary>
    /// <param name="id">The query's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<QueryServiceJob> GetJobAsync(string id, CancellationToken cancellationToken = default)
        => new(this, await GetQueryAsync(id, cancellationToken).ConfigureAwait(false));

    /// <summary>Reads a query (<c>GET /queries/{id}</c>).</summary>
    /// <param name="id">The query's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<QueryServiceQuery> GetQueryAsync(string id, CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Get,
            "queries/" + Uri.EscapeDataString(Id(id)),
            null,
            QueryServiceRestJsonContext.Default.QueryServiceQuery,
            cancellationToken);

    /// <summary>
    /// Asks the service to cancel a query (<c>PATCH /queries/{id}</c> with <c>{"op": "cancel"}</c>); it stops soon after.
    /// </summary>
    /// <param name="id">The query's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="QueryServiceRestException">The API refused (a query that has ended cannot be cancelled).</exception>
    public Task CancelQueryAsync(string id, CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Patch,
            "queries/" + Uri.EscapeDataString(Id(id)),
            Json(new PatchOperation("cancel"), QueryServiceRestJsonContext.Default.PatchOperation),
            QueryServiceRestJsonContext.Default.ErrorBody,
            cancellationToken);

    /// <summary>Lists one page of queries (<c>GET /queries</c>).</summary>
    /// <param name="options">Order, page size, start and filters; the API's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<QueryServiceQueryPage> ListQueriesAsync(
        QueryServiceQueryListOptions? options = null, CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Get,
            "queries" + (options ?? new()).ToQueryString(),
            null,
            QueryServiceRestJsonContext.Default.QueryServiceQueryPage,
            cancellationToken);

    /// <summary>Lists queries page after page, following each page's <c>next</c> link.</summary>
    /// <param name="options">Order, page size, start and filters; the API's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async IAsyncEnumerable<QueryServiceQuery> ListAllQueriesAsync(
        QueryServiceQueryListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new();
        while (true)
        {
            var page = await ListQueriesAsync(options, cancellationToken).ConfigureAwait(false);
            foreach (var query in page.Queries)
            {
                yield return query;
            }

            if (page.NextStart is not { } next || page.Queries.Count == 0)
            {
                yield break;
            }

            options = options with { Start = next, OrderBy = page.Page?.Orderby ?? options.OrderBy };
        }
    }

    private static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return id;
    }
}
