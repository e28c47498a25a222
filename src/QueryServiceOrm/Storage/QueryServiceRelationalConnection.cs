using System.Data.Common;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Storage.Internal;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Npgsql's relational connection, opened through <see cref="ConnectionOpener"/> so that the connect timeout bounds the TLS
/// handshake too and a timeout names its step. EF opens every connection here (queries, SaveChanges, AppendAsync,
/// migrations, <c>Database.OpenConnection</c>), after the application's interceptors had their say (one may suppress the open).
/// When the credentials name a sandbox but no host, the session goes where the REST API's connection parameters say.
/// </summary>
#pragma warning disable EF1001 // Npgsql's connection (and its typed DbConnection) is what EF and Npgsql's services expect;
// only its opening changes.
internal sealed class QueryServiceRelationalConnection : NpgsqlRelationalConnection
{
    private readonly NpgsqlDataSourceManager _dataSourceManager;
    private readonly IDbContextOptions _options;
    private readonly ConnectionParametersSource? _parameters;

    public QueryServiceRelationalConnection(
        RelationalConnectionDependencies dependencies, NpgsqlDataSourceManager dataSourceManager, IDbContextOptions options)
        : base(dependencies, ParametersOf(options) is null ? DataSourceOf(dataSourceManager, options, null) : null)
    {
        _dataSourceManager = dataSourceManager;
        _options = options;
        _parameters = ParametersOf(options);
    }

    // The parameters are made current before the base opens, while there is still an asynchronous path to fetch them on.
    public override bool Open(bool errorsExpected = false)
    {
        _parameters?.Get();
        return base.Open(errorsExpected);
    }

    public override async Task<bool> OpenAsync(CancellationToken cancellationToken, bool errorsExpected = false)
    {
        if (_parameters is not null)
        {
            await _parameters.GetAsync(cancellationToken).ConfigureAwait(false);
        }

        return await base.OpenAsync(cancellationToken, errorsExpected).ConfigureAwait(false);
    }

    protected override DbConnection CreateDbConnection()
        => _parameters is null
            ? base.CreateDbConnection()
            : DataSourceOf(_dataSourceManager, _options, _parameters.Get())!.CreateConnection();

    protected override void OpenDbConnection(bool errorsExpected) => ConnectionOpener.Open(DbConnection);

    protected override Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
        => ConnectionOpener.OpenAsync(DbConnection, cancellationToken);

    private static ConnectionParametersSource? ParametersOf(IDbContextOptions options)
        => options.FindExtension<QueryServiceOptionsExtension>()?.ConnectionParameters;

    // EF's own data source for the options, or for the same options aimed where the parameters say: the manager keeps one
    // per connection string, set up by the library's plugin (type loading off, the OAuth token), so equal answers share it.
    private static DbDataSource? DataSourceOf(
        NpgsqlDataSourceManager manager, IDbContextOptions options, Rest.QueryServiceConnectionParameters? parameters)
    {
        var npgsql = options.FindExtension<NpgsqlOptionsExtension>();
        if (npgsql is not null && parameters is not null)
        {
            npgsql = (NpgsqlOptionsExtension)npgsql.WithConnectionString(new NpgsqlConnectionStringBuilder(npgsql.ConnectionString)
            {
                Host = parameters.Host,
                Port = parameters.Port,
                Database = parameters.DbName,
                Username = parameters.Username,
            }.ConnectionString);
        }

        return manager.GetDataSource(npgsql, options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider);
    }
}
#pragma warning restore EF1001
