using Microsoft.EntityFrameworkCore.Metadata;
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
    private readonly IEntityType _entityType;

    // Entities of the sequence known to be in the table, and rows this call wrote: they differ when a resume finds rows
    // of the uncertain statement already there.
    private long _appended;
    private long _written;
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
            ?? throw new InvalidOperationException(
                $"{typeof(TEntity).Name} is not an entity type of {context.GetType().Name}: add it to the model "
                + "(and, if the context uses a compiled model, run dotnet ef dbcontext optimize again).");
        if (entityType.GetComplexProperties().Any() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            throw new NotSupportedException(
                $"{entityType.DisplayName()} has owned or complex members, which AppendAsync does not write: "
                + "map nested data as XDM objects (IsXdmObject).");
        }

        // One row in one table per entity, read from the entity itself: what SaveChanges handles beyond that (hierarchies,
        // entity splitting, shadow values such as discriminators) AppendAsync refuses rather than writing part of it.
        if (entityType.BaseType is not null || entityType.GetDerivedTypes().Any() || entityType.GetMappingFragments().Any()
            || entityType.GetProperties().Any(p => p.IsShadowProperty()))
        {
            throw new NotSupportedException(
                "AppendAsync writes entity types mapped to one table, without inheritance, entity splitting or shadow properties; "
                + $"{entityType.DisplayName()} "
                + "is not one: add its entities with SaveChanges instead.");
        }

        _entityType = entityType;
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
        return _written;
    }

    /// <summary>
    /// Appends what a failed AppendAsync of the same sequence left out: skips the entities known to be in the table, asks
    /// the table which of the uncertain statement's entities landed (one read), appends the others as one statement, then
    /// the rest of the sequence.
    /// </summary>
    /// <returns>How many rows this call wrote.</returns>
    public async Task<long> ResumeAsync(
        QueryServiceBulkAppendException failure, IAsyncEnumerable<TEntity> entities, CancellationToken cancellationToken)
    {
        if (failure.EntityClrType != typeof(TEntity))
        {
            throw new ArgumentException(
                $"The failure is of an append of {failure.EntityClrType?.Name ?? "another type"}, not {typeof(TEntity).Name}: "
                + "resume with the sequence that failed.",
                nameof(failure));
        }

        var key = failure.OutcomeUnknown ? ResumeKey.For(_entityType, failure.UncertainRows) : null;
        var uncertain = new List<TEntity>(failure.UncertainRows);
        _appended = failure.AppendedRows;
        long read = 0;
        var statement = NewStatement();
        await foreach (var entity in entities.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (read++ < failure.AppendedRows)
            {
                continue;
            }

            if (uncertain.Count < failure.UncertainRows)
            {
                ArgumentNullException.ThrowIfNull(entity);
                uncertain.Add(entity);
                if (uncertain.Count == failure.UncertainRows)
                {
                    await SettleAsync(key!, uncertain, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            statement = await AddAsync(statement, entity, cancellationToken).ConfigureAwait(false);
        }

        if (read < failure.AppendedRows + failure.UncertainRows)
        {
            throw new ArgumentException(
                $"The sequence holds {read} entities, fewer than the {failure.AppendedRows + failure.UncertainRows} "
                + "the failed append had read: resume with the same sequence.",
                nameof(entities));
        }

        await FlushAsync(statement, cancellationToken).ConfigureAwait(false);
        return _written;
    }

    // The uncertain statement's entities whose keys the table lacks go out again as one statement: they fitted one
    // statement with the others, so they fit one alone under the same bounds.
    private async Task SettleAsync(ResumeKey key, List<TEntity> uncertain, CancellationToken cancellationToken)
    {
        var keys = uncertain.Select(e => key.Property.GetGetter().GetClrValue(e)
            ?? throw new InvalidOperationException(
                $"A {typeof(TEntity).Name} of the uncertain statement has no key value, "
                + "so whether it landed cannot be asked of the table.")).ToList();
        var landed = await LandedKeys.FindAsync(_context, key, keys, cancellationToken).ConfigureAwait(false);
        var statement = NewStatement();
        for (var i = 0; i < uncertain.Count; i++)
        {
            if (!landed.Contains(keys[i]) && !statement.TryAdd(Values(uncertain[i])))
            {
                throw new InvalidOperationException(
                    $"The {uncertain.Count} entities of the uncertain statement do not fit one statement "
                    + "under this context's AppendBatches bounds: resume with a context configured as the one that failed.");
            }
        }

        await FlushAsync(statement, uncertain.Count, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AppendStatementBuilder> AddAsync(
        AppendStatementBuilder statement, TEntity entity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var values = Values(entity);
        if (statement.TryAdd(values))
        {
            return statement;
        }

        await FlushAsync(statement, cancellationToken).ConfigureAwait(false);
        statement = NewStatement();
        statement.TryAdd(values);
        return statement;
    }

    private List<object?> Values(TEntity entity) => _properties.Select(p => p.GetGetter().GetClrValue(entity)).ToList();

    private AppendStatementBuilder NewStatement() => new(_dialect, _sqlGenerationHelper, _limits, _table, _schema, _columns);

    private Task FlushAsync(AppendStatementBuilder statement, CancellationToken cancellationToken)
        => FlushAsync(statement, statement.Rows, cancellationToken);

    /// <summary>Sends a statement that stands for the next <paramref name="span"/> entities of the sequence.</summary>
    private async Task FlushAsync(AppendStatementBuilder statement, int span, CancellationToken cancellationToken)
    {
        if (statement.Rows == 0)
        {
            _appended += span;
            return;
        }

        _statements++;
        int written;
        try
        {
            var command = statement.ToCommand(
                _context.GetService<IRelationalCommandBuilderFactory>(), _sqlGenerationHelper, out var parameterValues);
            written = await WriteStatementRunner.ExecuteAsync(_context, command, parameterValues, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw AppendOutcome.Rethrowable(exception, Failure(statement, span, exception, AppendOutcome.IsUnknown(exception), "failed"));
        }

        if (!statement.Confirms(written))
        {
            throw Failure(
                statement,
                span,
                new QueryServiceException($"The server reported {written} rows written."),
                outcomeUnknown: true,
                "reported a different row count");
        }

        _appended += span;
        _written += statement.Rows;
    }

    private QueryServiceBulkAppendException Failure(
        AppendStatementBuilder statement, int span, Exception exception, bool outcomeUnknown, string what)
        => new(
            $"Append statement {_statements} into '{_table}' {what} after the first {_appended} entities were appended. "
            + (outcomeUnknown
                ? $"Its {statement.Rows} rows may or may not have been written: "
                  + (_entityType.FindPrimaryKey() is null
                      ? "look them up by a value of your own before appending them again."
                      : "call ResumeAppendAsync(exception, entities) with the same sequence, which asks the table which of them landed.")
                : $"Its {statement.Rows} rows and the rest were not written: "
                  + "call ResumeAppendAsync(exception, entities) with the same sequence to append them.")
            + " " + exception.Message,
            exception,
            _appended,
            // A resume's statement stands for more entities than it holds when some had landed: those stay to be asked about.
            outcomeUnknown || span > statement.Rows ? span : 0)
        {
            EntityClrType = typeof(TEntity),
        };
}
