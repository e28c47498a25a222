using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace QueryServiceOrm.Migrations;

/// <summary>
/// Applies migrations the way Query Service allows: the history table is created when missing, the pending migrations'
/// SQL is generated in full first (a refused operation anywhere stops the run before anything changes), then each
/// migration's statements run one by one without a transaction, followed by its history row. Reverting is refused.
/// </summary>
[SuppressMessage(
    "Usage",
    "EF1001:Internal EF Core API usage.",
    Justification = "Derives from EF's internal Migrator: it keeps script generation and replaces only how migrations are applied.")]
internal sealed class QueryServiceMigrator : Migrator
{
    // The base keeps these private; applying needs them too.
    private readonly IMigrationsAssembly _migrationsAssembly;
    private readonly IHistoryRepository _historyRepository;
    private readonly IMigrationCommandExecutor _executor;
    private readonly IRelationalConnection _connection;
    private readonly ICurrentDbContext _currentContext;
    private readonly IDiagnosticsLogger<DbLoggerCategory.Migrations> _logger;
    private readonly IRawSqlCommandBuilder _rawSqlCommandBuilder;
    private readonly IRelationalCommandDiagnosticsLogger _commandLogger;
    private readonly IDbContextOptions _contextOptions;
    private readonly IExecutionStrategy _executionStrategy;

    public QueryServiceMigrator(
        IMigrationsAssembly migrationsAssembly,
        IHistoryRepository historyRepository,
        IDatabaseCreator databaseCreator,
        IMigrationsSqlGenerator migrationsSqlGenerator,
        IRawSqlCommandBuilder rawSqlCommandBuilder,
        IMigrationCommandExecutor migrationCommandExecutor,
        IRelationalConnection connection,
        ISqlGenerationHelper sqlGenerationHelper,
        ICurrentDbContext currentContext,
        IModelRuntimeInitializer modelRuntimeInitializer,
        IDiagnosticsLogger<DbLoggerCategory.Migrations> logger,
        IRelationalCommandDiagnosticsLogger commandLogger,
        IDatabaseProvider databaseProvider,
        IMigrationsModelDiffer migrationsModelDiffer,
        IDesignTimeModel designTimeModel,
        IDbContextOptions contextOptions,
        IExecutionStrategy executionStrategy)
        : base(
            migrationsAssembly, historyRepository, databaseCreator, migrationsSqlGenerator, rawSqlCommandBuilder, migrationCommandExecutor,
            connection, sqlGenerationHelper, currentContext, modelRuntimeInitializer, logger, commandLogger, databaseProvider,
            migrationsModelDiffer, designTimeModel, contextOptions, executionStrategy)
    {
        _migrationsAssembly = migrationsAssembly;
        _historyRepository = historyRepository;
        _executor = migrationCommandExecutor;
        _connection = connection;
        _currentContext = currentContext;
        _logger = logger;
        _rawSqlCommandBuilder = rawSqlCommandBuilder;
        _commandLogger = commandLogger;
        _contextOptions = contextOptions;
        _executionStrategy = executionStrategy;
    }

    public override void Migrate(string? targetMigration)
    {
        Validate(targetMigration);
        using var databaseLock = _historyRepository.AcquireDatabaseLock();
        var applied = _executionStrategy.Execute(
            _historyRepository,
            static (_, history) =>
            {
                if (!history.Exists())
                {
                    history.CreateIfNotExists();
                }

                return history.GetAppliedMigrations();
            },
            verifySucceeded: null);
        var plan = Plan(applied, targetMigration);
        foreach (var (migration, commands) in plan)
        {
            _logger.MigrationApplying(this, migration);
            _executor.ExecuteNonQuery(commands, _connection, new MigrationExecutionState(), commitTransaction: true);
        }

        switch (Seeding)
        {
            case { Seeder: { } seed }:
                seed(_currentContext.Context, plan.Count > 0);
                break;
            case { AsyncSeeder: not null }:
                throw new InvalidOperationException(CoreStrings.MissingSeeder);
        }
    }

    public override async Task MigrateAsync(string? targetMigration, CancellationToken cancellationToken = default)
    {
        Validate(targetMigration);
        await using var databaseLock = await _historyRepository.AcquireDatabaseLockAsync(cancellationToken).ConfigureAwait(false);
        var applied = await _executionStrategy.ExecuteAsync(
            _historyRepository,
            static async (_, history, ct) =>
            {
                if (!await history.ExistsAsync(ct).ConfigureAwait(false))
                {
                    await history.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
                }

                return await history.GetAppliedMigrationsAsync(ct).ConfigureAwait(false);
            },
            verifySucceeded: null,
            cancellationToken).ConfigureAwait(false);
        var plan = Plan(applied, targetMigration);
        foreach (var (migration, commands) in plan)
        {
            _logger.MigrationApplying(this, migration);
            await _executor.ExecuteNonQueryAsync(
                    commands, _connection, new MigrationExecutionState(), commitTransaction: true, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }

        switch (Seeding)
        {
            case { AsyncSeeder: { } seedAsync }:
                await seedAsync(_currentContext.Context, plan.Count > 0, cancellationToken).ConfigureAwait(false);
                break;
            case { Seeder: not null }:
                throw new InvalidOperationException(CoreStrings.MissingSeeder);
        }
    }

    // Statements are written without a transaction; EF leaves one unsuppressed when a migration has no statement of its
    // own (its history row), so that one is rebuilt suppressed too.
    protected override IReadOnlyList<MigrationCommand> GenerateUpSql(
        Migration migration, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        try
        {
            return base.GenerateUpSql(migration, options)
                .Select(c => c.TransactionSuppressed
                    ? c
                    : new MigrationCommand(
                        _rawSqlCommandBuilder.Build(c.CommandText), _currentContext.Context, _commandLogger, transactionSuppressed: true))
                .ToList();
        }
        catch (QueryServiceMigrationException refused) when (refused.Migration is null)
        {
            throw refused.In(migration.GetId());
        }
    }

    // UseSeeding/UseAsyncSeeding run after migrating, as with EF's own migrator.
    private CoreOptionsExtension? Seeding => _contextOptions.FindExtension<CoreOptionsExtension>();

    protected override IReadOnlyList<MigrationCommand> GenerateDownSql(
        Migration migration, Migration? previousMigration, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
        => throw QueryServiceMigrationException.Revert(migration.GetId());

    // The checks EF's own migrator makes before applying: no migrations, no snapshot, a model ahead of its migrations.
    private void Validate(string? targetMigration)
    {
        if (_migrationsAssembly.Migrations.Count == 0)
        {
            _logger.MigrationsNotFound(this, _migrationsAssembly);
        }
        else if (_migrationsAssembly.ModelSnapshot is null)
        {
            _logger.ModelSnapshotNotFound(this, _migrationsAssembly);
        }
        else if (targetMigration is null && HasPendingModelChanges())
        {
            _logger.PendingModelChangesWarning(_currentContext.Context.GetType());
        }

        _logger.MigrateUsingConnection(this, _connection);
    }

    // Every pending migration's SQL, generated before the first statement runs.
    private List<(Migration Migration, IReadOnlyList<MigrationCommand> Commands)> Plan(
        IReadOnlyList<HistoryRow> applied, string? targetMigration)
    {
        PopulateMigrations(applied.Select(r => r.MigrationId), targetMigration, out var plan);
        if (plan.RevertedMigrations.Count > 0)
        {
            throw QueryServiceMigrationException.Revert(plan.RevertedMigrations[0].GetId());
        }

        if (plan.AppliedMigrations.Count == 0)
        {
            _logger.MigrationsNotApplied(this);
        }

        return plan.AppliedMigrations.Select(m => (m, GenerateUpSql(m))).ToList();
    }
}
