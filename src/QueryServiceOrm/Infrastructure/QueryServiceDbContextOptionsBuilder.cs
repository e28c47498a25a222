using Npgsql;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// Query Service specific options, passed to the callback of
/// <see cref="QueryServiceDbContextOptionsBuilderExtensions.UseQueryService(DbContextOptionsBuilder, Credentials.QueryServiceCredentials,
/// Action{QueryServiceDbContextOptionsBuilder}?)"/>.
/// </summary>
public sealed class QueryServiceDbContextOptionsBuilder
{
    internal QueryServiceDbContextOptionsBuilder(DbContextOptionsBuilder optionsBuilder, Credentials.QueryServiceCredentials credentials)
    {
        OptionsBuilder = optionsBuilder;
        DialectSwitches = credentials.Dialect;
        Settings = QueryServiceConnectionSettings.For(credentials);
    }

    /// <summary>The EF options being configured.</summary>
    public DbContextOptionsBuilder OptionsBuilder { get; }

    internal QueryServiceConnectionSettings Settings { get; private set; }

    internal Action<NpgsqlDataSourceBuilder>? DataSourceAction { get; private set; }

    internal QueryServiceQueryOptions QueryOptions { get; private set; } = new();

    internal QueryServiceDialect DialectSwitches { get; private set; }

    internal QueryServiceAppendOptions AppendOptions { get; private set; } = new();

    /// <summary>Caps the number of concurrent sessions (default 5). Requests beyond it wait for a free session.</summary>
    /// <param name="maxPoolSize">At least 1.</param>
    public QueryServiceDbContextOptionsBuilder MaxPoolSize(int maxPoolSize) => With(Settings with { MaxPoolSize = maxPoolSize });

    /// <summary>How long a command may run (default 600 s).</summary>
    /// <param name="timeout">Zero waits forever.</param>
    public QueryServiceDbContextOptionsBuilder CommandTimeout(TimeSpan timeout) => With(Settings with { CommandTimeout = timeout });

    /// <summary>
    /// How long opening a session may take, pool wait, TCP, TLS and login together (default 30 s, or the credentials'
    /// <c>ConnectTimeout</c>). Past it the open fails with <see cref="QueryServiceConnectTimeoutException"/>, which names the step.
    /// </summary>
    /// <param name="timeout">Positive, at most 1024 s; whole seconds (a fraction is rounded up).</param>
    public QueryServiceDbContextOptionsBuilder ConnectTimeout(TimeSpan timeout) => With(Settings with { ConnectTimeout = timeout });

    /// <summary>Idle sessions are closed after this (default 5 minutes; the service drops them after 2 hours).</summary>
    /// <param name="lifetime">Positive.</param>
    public QueryServiceDbContextOptionsBuilder ConnectionIdleLifetime(TimeSpan lifetime)
        => With(Settings with { ConnectionIdleLifetime = lifetime });

    /// <summary>Sessions older than this are closed when returned to the pool (default: never).</summary>
    /// <param name="lifetime">Zero keeps sessions.</param>
    public QueryServiceDbContextOptionsBuilder ConnectionLifetime(TimeSpan lifetime)
        => With(Settings with { ConnectionLifetime = lifetime });

    /// <summary>The application name the service sees (default <c>QueryServiceOrm</c>).</summary>
    /// <param name="applicationName">Any text.</param>
    public QueryServiceDbContextOptionsBuilder ApplicationName(string applicationName)
        => With(Settings with { ApplicationName = applicationName ?? throw new ArgumentNullException(nameof(applicationName)) });

    /// <summary>
    /// How values reach the server: inline literals (the default, as the service's documented clients do) or bind parameters.
    /// </summary>
    /// <param name="mode">The mode.</param>
    public QueryServiceDbContextOptionsBuilder ParameterMode(QueryServiceParameterMode mode)
        => Dialect(DialectSwitches with
        {
            ParameterMode = Enum.IsDefined(mode) ? mode : throw new ArgumentOutOfRangeException(nameof(mode)),
        });

    /// <summary>
    /// Sets the dialect's switches, which otherwise come with the credentials (from the <c>QueryService:Dialect</c>
    /// configuration keys <c>qsorm doctor</c> writes).
    /// </summary>
    /// <param name="dialect">The switches.</param>
    public QueryServiceDbContextOptionsBuilder Dialect(QueryServiceDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        DialectSwitches = dialect.Validate();
        return this;
    }

    /// <summary>
    /// The service's row cap for queries without LIMIT (default 50,000). A result of exactly the cap logs
    /// <see cref="Diagnostics.QueryServiceEventId.RowCapReached"/>;
    /// <c>ConfigureWarnings(w => w.Throw(QueryServiceEventId.RowCapReached))</c> makes it throw instead.
    /// </summary>
    /// <param name="rowCap">Between 1 and 100,000.</param>
    public QueryServiceDbContextOptionsBuilder RowCap(int rowCap)
        => WithQuery(QueryOptions with
        {
            RowCap = rowCap is >= 1 and <= QueryServiceQueryOptions.MaxLimit
                ? rowCap
                : throw new ArgumentOutOfRangeException(
                    nameof(rowCap), rowCap, $"The row cap must be between 1 and {QueryServiceQueryOptions.MaxLimit}."),
        });

    /// <summary>
    /// How transient read failures are retried: at most <paramref name="maxRetryCount"/> times, waiting from
    /// <paramref name="baseDelay"/> doubling up to <paramref name="maxDelay"/>.
    /// </summary>
    /// <param name="maxRetryCount">0 turns retries off.</param>
    /// <param name="baseDelay">The first delay.</param>
    /// <param name="maxDelay">The longest delay.</param>
    public QueryServiceDbContextOptionsBuilder RetryReads(int maxRetryCount, TimeSpan baseDelay, TimeSpan maxDelay)
        => WithQuery(QueryOptions with
        {
            MaxRetryCount = maxRetryCount >= 0 ? maxRetryCount : throw new ArgumentOutOfRangeException(nameof(maxRetryCount)),
            RetryBaseDelay = baseDelay > TimeSpan.Zero ? baseDelay : throw new ArgumentOutOfRangeException(nameof(baseDelay)),
            MaxRetryDelay = maxDelay >= baseDelay ? maxDelay : throw new ArgumentOutOfRangeException(nameof(maxDelay)),
        });

    /// <summary>
    /// Bounds the append statements SaveChanges and AppendAsync send: a statement ends at whichever bound comes first.
    /// </summary>
    /// <param name="maxRows">Rows per statement (default 10,000).</param>
    /// <param name="maxStatementLength">Characters per statement (default 4,000,000); a single longer row still goes alone.</param>
    /// <param name="maxParameters">Bind parameters per statement in Bind mode (default 30,000, at most 65,535).</param>
    public QueryServiceDbContextOptionsBuilder AppendBatches(int maxRows, int maxStatementLength = 4_000_000, int maxParameters = 30_000)
    {
        AppendOptions = new QueryServiceAppendOptions
        {
            MaxRows = maxRows, MaxStatementLength = maxStatementLength, MaxParameters = maxParameters,
        }.Validate();
        return this;
    }

    /// <summary>
    /// Further configures the Npgsql data source (logging, certificate callbacks...). Runs after the library's
    /// own configuration, so it can override it: keep type loading off for the real service. A TLS options callback set
    /// here (<c>UseSslClientAuthenticationOptionsCallback</c>) replaces the library's, which bounds the TLS handshake by the
    /// connect timeout: a silent handshake is then ended a second later than the timeout.
    /// </summary>
    /// <param name="configure">The configuration to apply.</param>
    public QueryServiceDbContextOptionsBuilder ConfigureDataSource(Action<NpgsqlDataSourceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        DataSourceAction += configure;
        return this;
    }

    /// <summary>
    /// The table of the migrations history (default <c>ef_migrations_history</c>: EF's own name has the double
    /// underscore the service refuses in new table names).
    /// </summary>
    /// <remarks>The table is found by name in the table list (SHOW TABLES), so it lives in the default schema.</remarks>
    /// <param name="table">A table name without double underscores.</param>
    public QueryServiceDbContextOptionsBuilder MigrationsHistoryTable(string table)
    {
        MigrationsHistoryTableName = Storage.TableNames.Validate(table, nameof(table), newTable: true);
        return this;
    }

    /// <summary>The assembly that holds the migrations, when it is not the context's own.</summary>
    /// <param name="assemblyName">The assembly's name.</param>
    public QueryServiceDbContextOptionsBuilder MigrationsAssembly(string assemblyName)
    {
        MigrationsAssemblyName = assemblyName ?? throw new ArgumentNullException(nameof(assemblyName));
        return this;
    }

    internal string? MigrationsHistoryTableName { get; private set; }

    internal string? MigrationsAssemblyName { get; private set; }

    private QueryServiceDbContextOptionsBuilder WithQuery(QueryServiceQueryOptions options)
    {
        QueryOptions = options.Validate();
        return this;
    }

    private QueryServiceDbContextOptionsBuilder With(QueryServiceConnectionSettings settings)
    {
        settings.Validate();
        Settings = settings;
        return this;
    }
}
