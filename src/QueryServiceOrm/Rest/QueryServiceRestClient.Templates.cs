namespace QueryServiceOrm.Rest;

// The /query-templates endpoints: saved SQL with $name placeholders. A query runs a template with SubmitJobAsync and
// QueryServiceQueryRequest.TemplateId, its QueryParameters overriding the template's defaults.
public sealed partial class QueryServiceRestClient
{
    private const string Templates = "query-templates";

    /// <summary>
    /// Saves a template (<c>POST /query-templates</c>), retried only where the API provably did not take it (429, 503, no
    /// connection), as a submission is.
    /// </summary>
    /// <param name="name">Its name.</param>
    /// <param name="sql">Its SQL, in the service's dialect; a <c>$name</c> placeholder takes the parameter <c>name</c>'s value.</param>
    /// <param name="queryParameters">Default values of the placeholders (keys without the <c>$</c>); a run may override them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The template, with its id.</returns>
    /// <exception cref="QueryServiceRestException">The API refused it.</exception>
    public Task<QueryServiceTemplate> CreateTemplateAsync(
        string name, string sql, IReadOnlyDictionary<string, string>? queryParameters = null, CancellationToken cancellationToken = default)
        => SendTemplateAsync(HttpMethod.Post, Templates, name, sql, queryParameters, cancellationToken);

    /// <summary>Reads a template (<c>GET /query-templates/{id}</c>).</summary>
    /// <param name="id">The template's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<QueryServiceTemplate> GetTemplateAsync(string id, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Get, TemplatePath(id), null, QueryServiceRestJsonContext.Default.QueryServiceTemplate, cancellationToken);

    /// <summary>Lists one page of templates (<c>GET /query-templates</c>); the next starts at the page's <c>NextStart</c>.</summary>
    /// <param name="options">Order, page size, start and filters; the API's defaults when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<QueryServiceTemplatePage> ListTemplatesAsync(
        QueryServiceTemplateListOptions? options = null, CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Get,
            Templates + (options ?? new()).ToQueryString(),
            null,
            QueryServiceRestJsonContext.Default.QueryServiceTemplatePage,
            cancellationToken);

    /// <summary>Overwrites a template's name, SQL and defaults, all three as the API requires (<c>PUT /query-templates/{id}</c>).</summary>
    /// <param name="id">The template's id.</param>
    /// <param name="name">Its new name.</param>
    /// <param name="sql">Its new SQL.</param>
    /// <param name="queryParameters">Its new default values; none when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The template as overwritten.</returns>
    public Task<QueryServiceTemplate> UpdateTemplateAsync(
        string id,
        string name,
        string sql,
        IReadOnlyDictionary<string, string>? queryParameters = null,
        CancellationToken cancellationToken = default)
        => SendTemplateAsync(HttpMethod.Put, TemplatePath(id), name, sql, queryParameters, cancellationToken);

    /// <summary>Deletes a template (<c>DELETE /query-templates/{id}</c>).</summary>
    /// <param name="id">The template's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="QueryServiceRestException">The API refused (404: no such template).</exception>
    public Task DeleteTemplateAsync(string id, CancellationToken cancellationToken = default)
        => SendAsync(HttpMethod.Delete, TemplatePath(id), null, QueryServiceRestJsonContext.Default.ErrorBody, cancellationToken);

    private Task<QueryServiceTemplate> SendTemplateAsync(
        HttpMethod method,
        string path,
        string name,
        string sql,
        IReadOnlyDictionary<string, string>? queryParameters,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        var body = new QueryServiceTemplateBody(name, sql, queryParameters);
        var content = Json(body, QueryServiceRestJsonContext.Default.QueryServiceTemplateBody);
        return SendAsync(method, path, content, QueryServiceRestJsonContext.Default.QueryServiceTemplate, cancellationToken);
    }

    private static string TemplatePath(string id) => Templates + "/" + Uri.EscapeDataString(Id(id));
}
