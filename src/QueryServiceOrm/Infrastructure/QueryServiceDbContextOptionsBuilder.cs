using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// Query Service specific options, passed to the callback of
/// <see cref="QueryServiceDbContextOptionsBuilderExtensions.UseQueryService(DbContextOptionsBuilder, Credentials.QueryServiceCredentials, Action{QueryServiceDbContextOptionsBuilder}?)"/>.
/// </summary>
public sealed class QueryServiceDbContextOptionsBuilder
{
    internal QueryServiceDbContextOptionsBuilder(DbContextOptionsBuilder optionsBuilder) => OptionsBuilder = optionsBuilder;

    /// <summary>The EF options being configured.</summary>
    public DbContextOptionsBuilder OptionsBuilder { get; }

    internal QueryServiceConnectionSettings Settings { get; private set; } = new();

    internal Action<NpgsqlDataSourceBuilder>? DataSourceAction { get; private set; }

    /// <summary>Caps the number of concurrent sessions (default 5). Requests beyond it wait for a free session.</summary>
    /// <param name="maxPoolSize">At least 1.</param>
    public QueryServiceDbContextOptionsBuilder MaxPoolSize(int maxPoolSize) => With(Settings with { MaxPoolSize = maxPoolSize });

    /// <summary>How long a command may run (default 600 s).</summary>
    /// <param name="timeout">Zero waits forever.</param>
    public QueryServiceDbContextOptionsBuilder CommandTimeout(TimeSpan timeout) => With(Settings with { CommandTimeout = timeout });

    /// <summary>How long opening a session may take (default 30 s).</summary>
    /// <param name="timeout">Positive.</param>
    public QueryServiceDbContextOptionsBuilder ConnectTimeout(TimeSpan timeout) => With(Settings with { ConnectTimeout = timeout });

    /// <summary>Idle sessions are closed after this (default 5 minutes; the service drops them after 2 hours).</summary>
    /// <param name="lifetime">Positive.</param>
    public QueryServiceDbContextOptionsBuilder ConnectionIdleLifetime(TimeSpan lifetime) => With(Settings with { ConnectionIdleLifetime = lifetime });

    /// <summary>Sessions older than this are closed when returned to the pool (default: never).</summary>
    /// <param name="lifetime">Zero keeps sessions.</param>
    public QueryServiceDbContextOptionsBuilder ConnectionLifetime(TimeSpan lifetime) => With(Settings with { ConnectionLifetime = lifetime });

    /// <summary>The application name the service sees (default <c>QueryServiceOrm</c>).</summary>
    /// <param name="applicationName">Any text.</param>
    public QueryServiceDbContextOptionsBuilder ApplicationName(string applicationName)
        => With(Settings with { ApplicationName = applicationName ?? throw new ArgumentNullException(nameof(applicationName)) });

    /// <summary>
    /// Further configures the Npgsql data source (logging, certificate callbacks...). Runs after the library's
    /// own configuration, so it can override it: keep type loading off for the real service.
    /// </summary>
    /// <param name="configure">The configuration to apply.</param>
    public QueryServiceDbContextOptionsBuilder ConfigureDataSource(Action<NpgsqlDataSourceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        DataSourceAction += configure;
        return this;
    }

    private QueryServiceDbContextOptionsBuilder With(QueryServiceConnectionSettings settings)
    {
        settings.Validate();
        Settings = settings;
        return this;
    }
}
