using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Migrations;

/// <summary>
/// The migrations history on Query Service: a table created with <c>CREATE TABLE IF NOT EXISTS</c> and appended with
/// <c>INSERT INTO ... SELECT</c>; its existence read from the table list (<c>SHOW TABLES</c>); no LOCK TABLE, no DO
/// block, no transaction. Rows are never deleted (the dataset is append-only), so migrations cannot be reverted.
/// </summary>
/// <remarks>
/// The service has no locks. The lock taken here serializes migrations of the same database and history table within
/// one process only; two processes migrating at once can both apply a migration (tables are created IF NOT EXISTS, but
/// an added column or a CTAS fails the second time, and the history gets the id twice, which is harmless when read).
/// Migrate from one place: a deployment step or <c>qsorm migrate</c>, not every instance at start-up.
/// </remarks>
internal sealed class QueryServiceHistoryRepository(HistoryRepositoryDependencies dependencies, SqlDialect dialect)
    : HistoryRepository(dependencies)
{
    /// <summary>
    /// The history table's name when none is configured: EF's own has double underscores, which the service refuses in new names.
    /// </summary>
    public const string DefaultQueryServiceTableName = "ef_migrations_history";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override LockReleaseBehavior LockReleaseBehavior => LockReleaseBehavior.Explicit;

    /// <inheritdoc />
    protected override string TableName
        => base.TableName == DefaultTableName
            ? DefaultQueryServiceTableName
            : TableNames.Validate(base.TableName, "MigrationsHistoryTable", newTable: true);

    /// <inheritdoc />
    protected override string ExistsSql => SqlDialect.TableNamesSql;

    /// <inheritdoc />
    protected override bool InterpretExistsResult(object? value)
        => throw new NotSupportedException("The history table's existence is read from the table list.");

    /// <inheritdoc />
    public override bool Exists() => TableNames.Read(Dependencies.RawSqlCommandBuilder.Build(ExistsSql), Parameters()).Any(IsHistoryTable);

    /// <inheritdoc />
    public override async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
        => (await TableNames.ReadAsync(Dependencies.RawSqlCommandBuilder.Build(ExistsSql), Parameters(), cancellationToken)
                .ConfigureAwait(false))
            .Any(IsHistoryTable);

    /// <inheritdoc />
    public override string GetCreateIfNotExistsScript() => string.Concat(GetCreateCommands().Select(c => c.CommandText));

    /// <inheritdoc />
    public override string GetInsertScript(HistoryRow row)
        => new StringBuilder()
            .Append("INSERT INTO ").Append(SqlGenerationHelper.DelimitIdentifier(TableName, TableSchema))
            .Append(" (").Append(SqlGenerationHelper.DelimitIdentifier(MigrationIdColumnName)).Append(", ")
            .Append(SqlGenerationHelper.DelimitIdentifier(ProductVersionColumnName)).Append(") SELECT ")
            .Append(dialect.TryWriteLiteral(row.MigrationId, null)).Append(", ").Append(dialect.TryWriteLiteral(row.ProductVersion, null))
            .AppendLine(SqlGenerationHelper.StatementTerminator)
            .ToString();

    /// <inheritdoc />
    public override string GetDeleteScript(string migrationId) => throw QueryServiceMigrationException.Revert(migrationId);

    /// <inheritdoc />
    public override string GetBeginIfNotExistsScript(string migrationId) => throw IdempotentScripts();

    /// <inheritdoc />
    public override string GetBeginIfExistsScript(string migrationId) => throw IdempotentScripts();

    /// <inheritdoc />
    public override string GetEndIfScript() => throw IdempotentScripts();

    /// <inheritdoc />
    public override IMigrationsDatabaseLock AcquireDatabaseLock()
    {
        var semaphore = Locks.GetOrAdd(LockKey, _ => new SemaphoreSlim(1, 1));
        semaphore.Wait();
        return new QueryServiceMigrationsDatabaseLock(this, semaphore);
    }

    /// <inheritdoc />
    public override async Task<IMigrationsDatabaseLock> AcquireDatabaseLockAsync(CancellationToken cancellationToken = default)
    {
        var semaphore = Locks.GetOrAdd(LockKey, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new QueryServiceMigrationsDatabaseLock(this, semaphore);
    }

    // One lock per server, database and history table.
    private string LockKey
        => $"{Dependencies.Connection.DbConnection.DataSource}/{Dependencies.Connection.DbConnection.Database}/{TableSchema}.{TableName}";

    private bool IsHistoryTable(string name) => string.Equals(name, TableName, StringComparison.OrdinalIgnoreCase);

    private RelationalCommandParameterObject Parameters()
        => new(
            Dependencies.Connection, null, null, Dependencies.CurrentContext.Context, Dependencies.CommandLogger, CommandSource.Migrations);

    private static QueryServiceMigrationException IdempotentScripts()
        => new(
            "Idempotent script",
            null,
            "an idempotent script needs conditional blocks, which Query Service does not run: "
            + "generate a plain script from the last applied migration, "
            + "or apply with MigrateAsync or 'qsorm migrate', which read the history first.");
}
