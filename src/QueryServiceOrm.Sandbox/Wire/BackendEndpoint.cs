using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>Where the front finds the PostgreSQL behind it, and as whom it logs in there.</summary>
/// <param name="Address">
/// A local server's Unix socket (<c>.s.PGSQL.port</c> in a folder only the server user can enter), or a container's port on
/// loopback.
/// </param>
/// <param name="Certificate">When set, the session is TLS and the server must present this very certificate.</param>
/// <param name="Database">The backend database.</param>
/// <param name="User">The backend role the sessions run as.</param>
/// <param name="Password">That role's secret, which no client ever sees.</param>
internal sealed record BackendEndpoint(EndPoint Address, X509Certificate2? Certificate, string Database, string User, string Password)
{
    /// <summary>
    /// An Npgsql data source for the same backend as the same role, unpooled: for a REST job, which runs its statement on a
    /// session of its own without the interactive statement timeout (the service lets a batch query run 24 hours). A
    /// container's backend is reached over TLS, pinned to its certificate as the front's own links are.
    /// </summary>
    /// <param name="applicationName">What the backend's log and pg_stat_activity show for the session.</param>
    /// <param name="statementTimeout">How long its statements may run.</param>
    public Npgsql.NpgsqlDataSource JobDataSource(string applicationName, TimeSpan statementTimeout)
    {
        var settings = new Npgsql.NpgsqlConnectionStringBuilder
        {
            Database = Database,
            Username = User,
            Password = Password,
            SslMode = Certificate is null ? Npgsql.SslMode.Disable : Npgsql.SslMode.Require,
            Pooling = false,
            CommandTimeout = 0,
            ApplicationName = applicationName,
            Options = FormattableString.Invariant($"-c statement_timeout={(long)statementTimeout.TotalMilliseconds}"),
        };
        (settings.Host, settings.Port) = Address switch
        {
            UnixDomainSocketEndPoint socket when socket.ToString() is { } path
                => (
                    Path.GetDirectoryName(path),
                    int.Parse(Path.GetFileName(path)[".s.PGSQL.".Length..], System.Globalization.CultureInfo.InvariantCulture)),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => throw new InvalidOperationException($"A backend at {Address} cannot run jobs."),
        };
        var builder = new Npgsql.NpgsqlDataSourceBuilder(settings.ConnectionString);
        if (Certificate is { } pinned)
        {
            builder.UseSslClientAuthenticationOptionsCallback(o => o.RemoteCertificateValidationCallback = BackendTls.PinnedTo(pinned));
        }

        return builder.Build();
    }

    /// <summary>Never prints the secret.</summary>
    public override string ToString()
        => $"BackendEndpoint {{ Address = {Address}, Tls = {Certificate is not null}, Database = {Database}, User = {User} }}";
}
