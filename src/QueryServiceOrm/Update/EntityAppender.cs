using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Metadata;
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
        if (!context.Database.IsQueryService())
        {
            throw new InvalidOperationException("AppendAsync needs a context configured with UseQueryService(...).");
        }

        _dialect = context.GetService<SqlDialect>();
        _sqlGenerationHelper = context.GetService<ISqlGenerationHelper>();
        _limits = context.GetService<QueryServiceAppendOptions>();
        var entityType = context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not an entity type of {context.GetType().Name}: add it to the model (and, if the context uses a compiled model, run dotnet ef dbcontext optimize again).");
        if (entityType.GetComplexProperties().Any() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            throw new NotSupportedException($"{entityType.DisplayName()} has owned or complex members, which AppendAsync does not write: map nested data as XDM objects (IsXdmObject).");
        }

        // One row in one table per entity, read from the entity itself: what SaveChanges handles beyond that (hierarchies,
        // entity splitting, shadow values such as discriminators) AppendAsync refuses rather than writing part of it.
        if (entityType.BaseType is not null || entityType.GetDerivedTypes().Any() || entityType.GetMappingFragments().Any()
            || entityType.GetProperties().Any(p => p.IsShadowProperty()))
        {
            throw new NotSupportedException(
                $"AppendAsync writes entity types mapped to one table, without inheritance, entity splitting or shadow properties; {entityType.DisplayName()} "
                + "is not one: add its entities with SaveChanges instead.");
        }

        var (table, schema, columns) = StoreColumns.Of(entityType, "there is nothing to append to");
        _table = table;
        _schema = schema;
        _properties = columns.Select(c => c.Property).ToList();
        _columns = columns.Select(c => new AppendColumn(c.Column, (RelationalTypeMapping)c.Property.GetTypeMapping())).ToList();
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

    private AppendStatementBuilder NewStatement() => new(_dialect, _sqlGenerationHelper, _limits, _table, _schema, _columns);

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
        catch (Exception exception)
        {
            throw AppendOutcome.Rethrowable(exception, Failure(statement, exception, AppendOutcome.IsUnknown(exception), "failed"));
        }

        if (!statement.Confirms(written))
        {
            throw Failure(statement, new QueryServiceException($"The server reported {written} rows written."), outcomeUnknown: true, "reported a different row count");
        }

        _appended += statement.Rows;
    }

    private QueryServiceBulkAppendException Failure(AppendStatementBuilder statement, Exception exception, bool outcomeUnknown, string what)
        => new(
            $"Append statement {_statements} into '{_table}' {what} after {_appended} rows were appended. "
            + (outcomeUnknown
                ? $"Its {statement.Rows} rows may or may not have been written: count the table before resuming after the first {_appended} entities."
                : $"Its {statement.Rows} rows and the rest were not written: skip the first {_appended} entities to resume.")
            + " " + exception.Message,
            exception,
            _appended,
            outcomeUnknown);
}
