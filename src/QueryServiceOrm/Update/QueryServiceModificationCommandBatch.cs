using Microsoft.EntityFrameworkCore.Update;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Update;

/// <summary>
/// The Added entities of one table, written as a single append statement (<see cref="AppendStatementBuilder"/>):
/// no RETURNING, no transaction.
/// </summary>
internal sealed class QueryServiceModificationCommandBatch(
    ModificationCommandBatchFactoryDependencies dependencies, SqlDialect dialect, QueryServiceAppendOptions limits)
    : ModificationCommandBatch
{
    private readonly List<IReadOnlyModificationCommand> _commands = [];
    private AppendStatementBuilder? _statement;

    public override IReadOnlyList<IReadOnlyModificationCommand> ModificationCommands => _commands;

    public override bool RequiresTransaction => false;

    public override bool AreMoreBatchesExpected => _moreBatchesExpected;

    private bool _moreBatchesExpected;

    public override bool TryAddCommand(IReadOnlyModificationCommand modificationCommand)
    {
        // The save interceptor refuses these before any batch exists; this guards paths that skip it.
        if (modificationCommand.EntityState != EntityState.Added)
        {
            throw new QueryServiceAppendOnlyException(
                $"SaveChanges would {(modificationCommand.EntityState == EntityState.Deleted ? "delete from" : "update")} "
                + $"'{modificationCommand.TableName}'. {QueryServiceAppendOnlyException.Alternatives}");
        }

        var written = modificationCommand.ColumnModifications.Where(c => c.IsWrite).ToList();
        if (_statement is null)
        {
            _statement = new AppendStatementBuilder(
                dialect, dependencies.SqlGenerationHelper, limits, modificationCommand.TableName, modificationCommand.Schema,
                written.Select(c => new AppendColumn(c.ColumnName, c.TypeMapping!)).ToList());
        }
        else if (_statement.Columns.Count != written.Count
                 || !_statement.Columns.Select(c => c.Name).SequenceEqual(written.Select(c => c.ColumnName))
                 || _commands[0].TableName != modificationCommand.TableName
                 || _commands[0].Schema != modificationCommand.Schema)
        {
            return false;
        }

        if (!_statement.TryAdd(written.Select(c => c.Value).ToList()))
        {
            return false;
        }

        _commands.Add(modificationCommand);
        return true;
    }

    public override void Complete(bool moreBatchesExpected) => _moreBatchesExpected = moreBatchesExpected;

    public override void Execute(IRelationalConnection connection)
        => Check(CreateCommand(out var parameters).ExecuteNonQuery(Parameters(connection, parameters)));

    public override async Task ExecuteAsync(IRelationalConnection connection, CancellationToken cancellationToken = default)
        => Check(
            await CreateCommand(out var parameters)
                .ExecuteNonQueryAsync(Parameters(connection, parameters), cancellationToken)
                .ConfigureAwait(false));

    private IRelationalCommand CreateCommand(out Dictionary<string, object?> parameterValues)
        => (_statement ?? throw new InvalidOperationException("An append batch was executed without rows."))
            .ToCommand(dependencies.CommandBuilderFactory, dependencies.SqlGenerationHelper, out parameterValues);

    private RelationalCommandParameterObject Parameters(IRelationalConnection connection, Dictionary<string, object?> values)
        => new(connection, values, null, dependencies.CurrentContext.Context, dependencies.Logger, CommandSource.SaveChanges);

    private void Check(int rowsAffected)
    {
        if (!_statement!.Confirms(rowsAffected))
        {
            throw new DbUpdateException(
                $"An append of {_statement.Rows} rows into '{_commands[0].TableName}' reported {rowsAffected} rows written.",
                (Exception?)null,
                _commands.SelectMany(c => c.Entries).ToList());
        }
    }
}
