using Npgsql;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// Connection settings chosen for Query Service, adjustable through <see cref="QueryServiceDbContextOptionsBuilder"/>.
/// </summary>
internal sealed record QueryServiceConnectionSettings
{
    /// <summary>Most physical sessions per pool. The service licenses few concurrent sessions (often 1 to 5).</summary>
    public int MaxPoolSize { get; init; } = 5;

    /// <summary>How long a command may run; the service's own limit for interactive queries is 10 minutes.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>
    /// How long opening a session may take before the attempt fails: waiting for a free session of the pool, then the TCP
    /// connection, the TLS handshake and the login together.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    // Npgsql's own limit for its Timeout setting.
    internal static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(1024);

    /// <summary>Idle pooled sessions are closed after this, well before the service's 2 hour idle expiry.</summary>
    public TimeSpan ConnectionIdleLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Sessions older than this are closed when returned to the pool; zero keeps them.</summary>
    public TimeSpan ConnectionLifetime { get; init; } = TimeSpan.Zero;

    /// <summary>Shown to the service as the client's application name.</summary>
    public string ApplicationName { get; init; } = "QueryServiceOrm";

    /// <summary>The defaults, with the connect timeout the credentials' configuration gives, if any.</summary>
    internal static QueryServiceConnectionSettings For(Credentials.QueryServiceCredentials credentials)
        => credentials.ConnectTimeout is { } timeout ? new() { ConnectTimeout = timeout } : new();

    /// <summary>Builds the connection string. Built with Npgsql's builder, so no character of a password can break it.</summary>
    internal NpgsqlConnectionStringBuilder ToConnectionStringBuilder(Credentials.QueryServiceCredentials credentials)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = credentials.Host,
            Port = credentials.Port,
            Database = credentials.Database,
            Username = credentials.Username,
            SslMode = credentials.SslMode,
            ApplicationName = ApplicationName,

            // Each of these spares the service a statement or a negotiation it does not support.
            NoResetOnClose = true,
            MaxAutoPrepare = 0,
            GssEncryptionMode = GssEncryptionMode.Disable,
            Multiplexing = false,
            Enlist = false,

            Pooling = true,
            MinPoolSize = 0,
            MaxPoolSize = MaxPoolSize,
            ConnectionIdleLifetime = Seconds(ConnectionIdleLifetime),
            ConnectionLifetime = Seconds(ConnectionLifetime),
            CommandTimeout = Seconds(CommandTimeout),
            Timeout = Seconds(ConnectTimeout),
            PersistSecurityInfo = false,
        };

        if (credentials.RootCertificate is not null)
        {
            builder.RootCertificate = credentials.RootCertificate;
        }

        if (credentials.Password is not null)
        {
            builder.Password = credentials.Password;
        }

        return builder;
    }

    internal void Validate()
    {
        if (MaxPoolSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPoolSize), MaxPoolSize, "The pool needs room for at least one session.");
        }

        if (ConnectTimeout > MaxConnectTimeout)
        {
            throw new ArgumentOutOfRangeException(
                nameof(ConnectTimeout), ConnectTimeout, $"Npgsql waits {MaxConnectTimeout.TotalSeconds:0} s at most to connect.");
        }

        if (CommandTimeout < TimeSpan.Zero
            || ConnectTimeout <= TimeSpan.Zero
            || ConnectionIdleLifetime <= TimeSpan.Zero
            || ConnectionLifetime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(CommandTimeout), "Timeouts and lifetimes cannot be negative.");
        }
    }

    private static int Seconds(TimeSpan value) => (int)Math.Ceiling(value.TotalSeconds);
}
