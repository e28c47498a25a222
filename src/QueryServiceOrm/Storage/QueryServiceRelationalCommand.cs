using QueryServiceOrm.Diagnostics;

namespace QueryServiceOrm.Storage;

/// <summary>
/// EF's relational command with what the library needs to know of it: <see cref="Intent"/>, set by the query SQL generator
/// from the query tree and carried from a query's template to the command EF rents to run it. Before a command is sent,
/// the context's <see cref="CommandJournal"/> learns whether it writes; a query's reader reads its first row while the
/// execution strategy still watches, and counts rows against the cap.
/// </summary>
internal sealed class QueryServiceRelationalCommand(
    RelationalCommandBuilderDependencies dependencies,
    string commandText,
    string logCommandText,
    IReadOnlyList<IRelationalParameter> parameters)
    : RelationalCommand(dependencies, commandText, logCommandText, parameters)
{
    /// <summary>What a generated query does; null for every other command (SaveChanges, raw SQL, migrations), which may write.</summary>
    public QueryCommandIntent? Intent { get; set; }

    public override void PopulateFrom(IRelationalCommandTemplate commandTemplate)
    {
        base.PopulateFrom(commandTemplate);
        Intent = (commandTemplate as QueryServiceRelationalCommand)?.Intent;
    }

    public override int ExecuteNonQuery(RelationalCommandParameterObject parameterObject)
    {
        Journal(parameterObject);
        return base.ExecuteNonQuery(parameterObject);
    }

    public override Task<int> ExecuteNonQueryAsync(
        RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken = default)
    {
        Journal(parameterObject);
        return base.ExecuteNonQueryAsync(parameterObject, cancellationToken);
    }

    public override object? ExecuteScalar(RelationalCommandParameterObject parameterObject)
    {
        Journal(parameterObject);
        return base.ExecuteScalar(parameterObject);
    }

    public override Task<object?> ExecuteScalarAsync(
        RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken = default)
    {
        Journal(parameterObject);
        return base.ExecuteScalarAsync(parameterObject, cancellationToken);
    }

    public override RelationalDataReader ExecuteReader(RelationalCommandParameterObject parameterObject)
    {
        Journal(parameterObject);
        var reader = base.ExecuteReader(parameterObject);
        if (Watch(reader, parameterObject) is not { } watched)
        {
            return reader;
        }

        try
        {
            watched.ReadAhead();
            return reader;
        }
        catch (Exception e)
        {
            reader.Dispose();
            throw QueryServiceErrors.Translate(e);
        }
    }

    public override async Task<RelationalDataReader> ExecuteReaderAsync(
        RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken = default)
    {
        Journal(parameterObject);
        var reader = await base.ExecuteReaderAsync(parameterObject, cancellationToken).ConfigureAwait(false);
        if (Watch(reader, parameterObject) is not { } watched)
        {
            return reader;
        }

        try
        {
            await watched.ReadAheadAsync(cancellationToken).ConfigureAwait(false);
            return reader;
        }
        catch (Exception e)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw QueryServiceErrors.Translate(e);
        }
    }

    protected override RelationalDataReader CreateRelationalDataReader() => new QueryServiceRelationalDataReader();

    // Entered before the command is sent, failed ones included: a write, once sent, must not be retried.
    private void Journal(RelationalCommandParameterObject parameterObject)
        => parameterObject.Context?.GetService<CommandJournal>().Record(writes: Intent?.Writes ?? true);

    // Only generated queries are watched: what SaveChanges, raw SQL and migrations read is theirs to interpret.
    private QueryServiceDataReader? Watch(RelationalDataReader reader, RelationalCommandParameterObject parameterObject)
    {
        if (Intent is not { } intent || reader is not QueryServiceRelationalDataReader ours || parameterObject.Context is not { } context)
        {
            return null;
        }

        if (intent.RowCap is { } cap)
        {
            // The logger is looked up only when the cap is reached, which is rare, not on every capped query.
            ours.Reader.CountTo(cap, rows => context.GetService<IDiagnosticsLogger<DbLoggerCategory.Query>>().RowCapReached(rows));
        }

        return ours.Reader;
    }
}
