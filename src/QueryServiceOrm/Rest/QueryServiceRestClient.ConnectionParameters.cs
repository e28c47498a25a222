namespace QueryServiceOrm.Rest;

// The /connection_parameters endpoint: where the interactive service is.
public sealed partial class QueryServiceRestClient
{
    /// <summary>
    /// Reads where the interactive service of <see cref="QueryServiceRestOptions.SandboxName"/> is
    /// (<c>GET /connection_parameters</c>): host, port, database and user for the wire.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="QueryServiceRestException">The API refused.</exception>
    public Task<QueryServiceConnectionParameters> GetConnectionParametersAsync(CancellationToken cancellationToken = default)
        => SendAsync(
            HttpMethod.Get,
            "connection_parameters",
            null,
            QueryServiceRestJsonContext.Default.QueryServiceConnectionParameters,
            cancellationToken);
}
