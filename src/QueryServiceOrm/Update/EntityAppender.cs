using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Update;

/// <summary>
/// Appends a stream of entities without tracking them, one statement at a time: memory holds one statement, whatever
/// the length of the stream.
/// </summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
internal sealed class EntityAppender<TEntity>
    where TEntity : class
{
    private readonly DbContext _context;
    private readonly SqlDialect _dialect;
    private readonly ISqlGenerationHelper _sqlGenerationHelper;
    private readonly QueryServiceParameterMode _parameterMode;
    private readonly QueryServiceAppendOptions _limits;
    private readonly string _table;
    private readonly string? _schema;
    private readonly IReadOnlyList<IProperty> _properties;
    private readonly IReadOnlyList<AppendColumn> _columns;
    private long _appended;
    private int _statements;

    public EntityAppender(DbContext context)
    {
        _context = context;
        _dialect = context.GetService<SqlDialect>();
        _sqlGenerationHelper = context.GetService<ISqlGenerationHelper>();
        _parameterMode = context.GetService<QueryServiceQueryOptions>().ParameterMode;
        _limits = context.GetService<QueryServiceAppendOptions>();
        var entityType = context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity type of {context.GetType().Name}: add it to the model.");
        if (entityType.GetComplexProperties().Any() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            throw new NotSupportedException($"{entityType.DisplayName()} has owned or complex members, which AppendAsync does not write: map nested data as XDM objects (IsXdmObject).");
        }

        _table = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table, so there is nothing to append to.");
        _schema = entityType.GetSchema();
        var table = StoreObjectIdentifier.Table(_table, _schema);
        _properties = entityType.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        _columns = _properties.Select(p => new AppendColumn(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetTypeMapping())).ToList();
    }

    public async Task<long> AppendAsync(IAsyncEnumerable<TEntity> entities, CancellationToken cancellationToken)
    {
        var statement = NewStatement();
        await foreach (var entity in entities.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            statement = await AddAsync(statement, entity, cancellationToken).ConfigureAwait(false);
        }

        await FlushAsync(statement, cancellationToken).ConfigureAwait(false);
        return _appended;
    }

    private async Task<AppendStatementBuilder> AddAsync(AppendStatementBuilder statement, TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var values = _properties.Select(p => p.GetGetter().GetClrValue(entity)).ToList();
        if (statement.TryAdd(values))
        {
            return statement;
        }

        await FlushAsync(statement, cancellationToken).ConfigureAwait(false);
        statement = NewStatement();
        statement.TryAdd(values);
        return statement;
    }

    private AppendStatementBuilder NewStatement() => new(_dialect, _sqlGenerationHelper, _parameterMode, _limits, _table, _schema, _columns);

    private async Task FlushAsync(AppendStatementBuilder statement, CancellationToken cancellationToken)
    {
        if (statement.Rows == 0)
        {
            return;
        }

        _statements++;
        int written;
        try
        {
            var command = statement.ToCommand(_context.GetService<IRelationalCommandBuilderFactory>(), _sqlGenerationHelper, out var parameterValues);
            written = await WriteStatementRunner.ExecuteAsync(_context, command, parameterValues, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new QueryServiceBulkAppendException(
                $"Append statement {_statements} failed after {_appended} rows were appended; its {statement.Rows} rows and the rest were not. "
                + $"Skip the first {_appended} entities to resume. {exception.Message}",
                exception,
                _appended);
        }

        if (written >= 0 && written != statement.Rows)
        {
            throw new QueryServiceException($"An append of {statement.Rows} rows into '{_table}' reported {written} rows written.");
        }

        _appended += statement.Rows;
    }
}
