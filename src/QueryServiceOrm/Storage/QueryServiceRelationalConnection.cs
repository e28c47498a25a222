using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Npgsql's relational connection, opened through <see cref="ConnectionOpener"/> so that the connect timeout bounds the TLS
/// handshake too and a timeout names its step. EF opens every connection here (queries, SaveChanges, AppendAsync,
/// migrations, <c>Database.OpenConnection</c>), after the application's interceptors had their say (one may suppress the open).
/// </summary>
#pragma warning disable EF1001 // Npgsql's connection (and its typed DbConnection) is what EF and Npgsql's services expect;
// only its opening changes.
internal sealed class QueryServiceRelationalConnection(
    RelationalConnectionDependencies dependencies, NpgsqlDataSourceManager dataSourceManager, IDbContextOptions options)
    : NpgsqlRelationalConnection(dependencies, dataSourceManager, options)
{
    protected override void OpenDbConnection(bool errorsExpected) => ConnectionOpener.Open(DbConnection);

    protected override Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
        => ConnectionOpener.OpenAsync(DbConnection, cancellationToken);
}
#pragma warning restore EF1001
