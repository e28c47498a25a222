using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// Sets up the Npgsql data source that EF builds for a Query Service context: no type loading (the
/// service does not answer Npgsql's catalog queries), the TLS handshake's bound, and, for OAuth, a background token refresh.
/// </summary>
internal sealed class QueryServiceDataSourceConfigurationPlugin(QueryServiceSingletonOptions options)
    : INpgsqlDataSourceConfigurationPlugin
{
    public void Configure(NpgsqlDataSourceBuilder npgsqlDataSourceBuilder)
    {
        ConfigureSessions(npgsqlDataSourceBuilder);

        if (options.AccessTokenProvider is { } tokenProvider)
        {
            // The periodic provider polls on a timer and hands connections the last token it got, so opening a
            // connection never waits for IMS; the provider itself decides when a new token is due.
            npgsqlDataSourceBuilder.UsePeriodicPasswordProvider(
                (_, cancellationToken) => tokenProvider.GetAccessTokenAsync(cancellationToken),
                tokenProvider.Options.RefreshCheckInterval,
                tokenProvider.Options.RetryAfterFailure);
        }
    }

    /// <summary>What every data source of the library needs, EF's and the scaffolder's alike.</summary>
    /// <param name="builder">The data source being built.</param>
    public static void ConfigureSessions(NpgsqlDataSourceBuilder builder)
    {
        builder.ConfigureTypeLoading(typeLoading => typeLoading.EnableTypeLoading(false));

        // Npgsql calls this right before its TLS handshake, which its own timeout does not bound (see ConnectAttempt).
        builder.UseSslClientAuthenticationOptionsCallback(_ => Storage.ConnectAttempt.TlsHandshakeStarting());
    }
}
