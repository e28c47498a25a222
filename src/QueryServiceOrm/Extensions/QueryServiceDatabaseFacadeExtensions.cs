using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Update;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Query Service additions to <see cref="DatabaseFacade"/>.</summary>
public static class QueryServiceDatabaseFacadeExtensions
{
    /// <summary>Whether the context was configured with <c>UseQueryService</c>.</summary>
    /// <param name="database">The context's database facade.</param>
    public static bool IsQueryService(this DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.GetService<IDbContextOptions>().FindExtension<QueryServiceOptionsExtension>() is not null;
    }

    /// <summary>
    /// Submits raw service SQL as a batch query through the REST API (a CTAS, an INSERT INTO ... SELECT, or any statement
    /// the service runs as a job), in the database the client names. Nothing is checked or rewritten here: the service
    /// answers for the text.
    /// </summary>
    /// <param name="database">The context's database facade.</param>
    /// <param name="client">The REST client (from <c>AddQueryServiceRestClient</c>).</param>
    /// <param name="sql">The statement.</param>
    /// <param name="name">A name for the query, shown in Adobe's UI.</param>
    /// <param name="cancellationToken">Cancels the submission.</param>
    /// <returns>The submitted job.</returns>
    public static Task<QueryServiceOrm.Rest.QueryServiceJob> SubmitJobAsync(
        this DatabaseFacade database,
        QueryServiceOrm.Rest.QueryServiceRestClient client,
        string sql,
        string? name = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        RequireQueryService(database, nameof(SubmitJobAsync));
        return client.SubmitJobAsync(new QueryServiceOrm.Rest.QueryServiceQueryRequest { Sql = sql, Name = name }, cancellationToken);
    }

    /// <summary>
    /// Lists the tables (datasets) the session can see, like SQLAlchemy's <c>inspect(engine).get_table_names()</c>:
    /// <c>SHOW TABLES</c>, sorted ordinally.
    /// </summary>
    /// <param name="database">The context's database facade.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The table names.</returns>
    /// <exception cref="InvalidOperationException">The context is not configured with <c>UseQueryService</c>.</exception>
    public static async Task<IReadOnlyList<string>> GetTableNamesAsync(
        this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        RequireQueryService(database, nameof(GetTableNamesAsync));

        var connection = database.GetService<IRelationalConnection>();
        var command = database.GetService<IRelationalCommandBuilderFactory>().Create().Append(SqlDialect.TableNamesSql).Build();
        var parameters = new RelationalCommandParameterObject(
            connection,
            parameterValues: null,
            readerColumns: null,
            database.GetService<ICurrentDbContext>().Context,
            database.GetService<IRelationalCommandDiagnosticsLogger>());

        var names = (await TableNames.ReadAsync(command, parameters, cancellationToken).ConfigureAwait(false)).ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>
    /// Creates the table of an entity type with explicit columns in the service's types: scalars, XDM objects as
    /// <c>ROW(...)</c>, lists as <c>ARRAY&lt;t&gt;</c>, dictionaries as <c>MAP&lt;text, t&gt;</c>, with
    /// <c>PRIMARY IDENTITY NAMESPACE</c> and <c>WITH (LABEL='PROFILE')</c> from <c>HasPrimaryIdentity</c> and
    /// <c>IsProfileDataset</c>.
    /// </summary>
    /// <typeparam name="TEntity">An entity type of the context.</typeparam>
    /// <param name="database">The context's database facade.</param>
    /// <param name="ifNotExists">Whether an existing table is left as it is (<c>IF NOT EXISTS</c>).</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    public static async Task CreateTableAsync<TEntity>(
        this DatabaseFacade database, bool ifNotExists = false, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        RequireQueryService(database, nameof(CreateTableAsync));
        var context = database.GetService<ICurrentDbContext>().Context;
        var entityType = context.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException(
                $"{typeof(TEntity).Name} is not an entity type of {context.GetType().Name}: add it to the model "
                + "(and, if the context uses a compiled model, run dotnet ef dbcontext optimize again).");
        var statement = TableDefinitionBuilder.CreateTable(
            entityType, database.GetService<SqlDialect>(), database.GetService<ISqlGenerationHelper>(), ifNotExists);
        await ExecuteAsync(context, statement, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops a table: <c>DROP TABLE [IF EXISTS] name</c>. The service refuses (42501) tables that neither Query Service
    /// nor this user created.
    /// </summary>
    /// <param name="database">The context's database facade.</param>
    /// <param name="table">The table, <c>name</c> or <c>schema.name</c>.</param>
    /// <param name="ifExists">Whether a missing table is not an error.</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    public static Task DropTableAsync(
        this DatabaseFacade database, string table, bool ifExists = false, CancellationToken cancellationToken = default)
    {
        RequireQueryService(database, nameof(DropTableAsync));
        var name = TableNames.Delimit(TableNames.Validate(table, nameof(table)), database.GetService<ISqlGenerationHelper>());
        return ExecuteAsync(
            database.GetService<ICurrentDbContext>().Context, $"DROP TABLE {(ifExists ? "IF EXISTS " : "")}{name}", cancellationToken);
    }

    private static void RequireQueryService(DatabaseFacade database, string operation)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsQueryService())
        {
            throw new InvalidOperationException($"{operation} needs a context configured with UseQueryService(...).");
        }
    }

    private static Task<int> ExecuteAsync(DbContext context, string sql, CancellationToken cancellationToken)
        => WriteStatementRunner.ExecuteAsync(
            context,
            context.GetService<IRelationalCommandBuilderFactory>().Create().Append(sql).Build(),
            new Dictionary<string, object?>(),
            cancellationToken);
}
