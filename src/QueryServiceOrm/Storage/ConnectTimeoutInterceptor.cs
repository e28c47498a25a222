using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Opens every connection EF opens (queries, SaveChanges, AppendAsync, migrations, <c>Database.OpenConnection</c>) through
/// <see cref="ConnectionOpener"/>, so the connect timeout bounds the TLS handshake too and a timeout names its step.
/// </summary>
/// <remarks>
/// EF runs the library's interceptors first: an application's own ConnectionOpening finds the connection already opened
/// (and the result suppressed), so it cannot change the connection before the open; passwords come from the credentials.
/// </remarks>
internal sealed class ConnectTimeoutInterceptor : DbConnectionInterceptor
{
    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (result.IsSuppressed || connection is not NpgsqlConnection npgsql)
        {
            return result;
        }

        ConnectionOpener.Open(npgsql);
        return InterceptionResult.Suppress();
    }

    public override async ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (result.IsSuppressed || connection is not NpgsqlConnection npgsql)
        {
            return result;
        }

        await ConnectionOpener.OpenAsync(npgsql, cancellationToken).ConfigureAwait(false);
        return InterceptionResult.Suppress();
    }
}
