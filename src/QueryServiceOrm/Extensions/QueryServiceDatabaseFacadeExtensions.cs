using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

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
    /// Lists the tables (datasets) the session can see, like SQLAlchemy's <c>inspect(engine).get_table_names()</c>:
    /// <c>SHOW TABLES</c> on the service, the catalog on the PostgreSQL stand-in. Sorted ordinally.
    /// </summary>
    /// <param name="database">The context's database facade.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The table names.</returns>
    /// <exception cref="InvalidOperationException">The context is not configured with <c>UseQueryService</c>.</exception>
    public static async Task<IReadOnlyList<string>> GetTableNamesAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (!database.IsQueryService())
        {
            throw new InvalidOperationException("GetTableNamesAsync needs a context configured with UseQueryService(...).");
        }

        var dialect = database.GetService<SqlDialect>();
        var connection = database.GetService<IRelationalConnection>();
        var command = database.GetService<IRelationalCommandBuilderFactory>().Create().Append(dialect.TableNamesSql).Build();
        var parameters = new RelationalCommandParameterObject(
            connection,
            parameterValues: null,
            readerColumns: null,
            database.GetService<ICurrentDbContext>().Context,
            database.GetService<IRelationalCommandDiagnosticsLogger>());

        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(parameters, cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.DbDataReader.GetString(0));
            }
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
