using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox.Catalog;

/// <summary>
/// Runs the PostgreSQL catalog queries clients send (psql's \d, SQLAlchemy's inspector) on a session of the backend's
/// catalog role, which is read-only and holds no privilege on any table, so such a query shows the catalog and nothing of
/// the data. Results are small; they are collected (at most <see cref="MaxRows"/>) and answered by the front.
/// </summary>
internal sealed class CatalogQueries(BackendEndpoint endpoint) : IAsyncDisposable
{
    public const int MaxRows = 100_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private BackendLink? _link;

    public async Task<LocalStatement> RunAsync(string sql, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _link ??= await BackendLink.ConnectAsync(
                endpoint, "qsorm-catalog", TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            try
            {
                return await QueryAsync(_link, sql, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or PgProtocolException)
            {
                await _link.DisposeAsync().ConfigureAwait(false);
                _link = null;
                throw new ServiceErrorException(ServiceRules.Analysis("The catalog query could not be answered: " + e.Message));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<LocalStatement> QueryAsync(BackendLink link, string sql, CancellationToken cancellationToken)
    {
        var query = new PgOutput().Begin(PgType.Query).CString(sql).End();
        await query.FlushAsync(link.Stream, cancellationToken).ConfigureAwait(false);
        List<PgColumn>? columns = null;
        var rows = new List<IReadOnlyList<string?>>();
        var tag = "SELECT";
        ServiceError? error = null;
        while (true)
        {
            var message = await link.Input.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            switch (message.Type)
            {
                case PgType.RowDescription:
                    columns = Columns(message.Body.Span);
                    break;
                case PgType.DataRow when rows.Count < MaxRows:
                    rows.Add(Row(message.Body.Span));
                    break;
                case PgType.DataRow:
                    error ??= ServiceRules.Analysis($"A catalog query may return at most {MaxRows:N0} rows");
                    break;
                case PgType.CommandComplete:
                    tag = new PgBodyReader(message.Body.Span).CString();
                    break;
                case PgType.ErrorResponse:
                    error = ServiceErrors.FromBackend(BackendErrors.Read(message.Body.Span));
                    break;
                case PgType.ReadyForQuery:
                    return error is null ? new LocalStatement(columns, rows, tag) : throw new ServiceErrorException(error);
            }
        }
    }

    private static List<PgColumn> Columns(ReadOnlySpan<byte> body)
    {
        var reader = new PgBodyReader(body);
        var count = reader.Int16();
        var columns = new List<PgColumn>(count);
        for (var i = 0; i < count; i++)
        {
            var name = reader.CString();
            reader.Int32();
            reader.Int16();
            var type = reader.Int32();
            reader.Int16();
            reader.Int32();
            reader.Int16();
            columns.Add(new PgColumn(name, type));
        }

        return columns;
    }

    private static List<string?> Row(ReadOnlySpan<byte> body)
    {
        var reader = new PgBodyReader(body);
        var count = reader.Int16();
        var values = new List<string?>(count);
        for (var i = 0; i < count; i++)
        {
            var length = reader.Int32();
            values.Add(length < 0 ? null : System.Text.Encoding.UTF8.GetString(reader.Bytes(length)));
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        if (_link is not null)
        {
            await _link.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
