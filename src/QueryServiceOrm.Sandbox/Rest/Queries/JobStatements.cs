using System.Security.Cryptography;
using Npgsql;
using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox.Rest.Queries;

/// <summary>
/// Runs a job's SQL the way the front runs a client's: admitted through the same faults, rules and translation
/// (<see cref="FrontAdmission"/>), journalled as protocol <c>rest</c>, then run on a backend session of its own. Unlike an
/// interactive statement it has no 10 minute timeout (the service allows a batch query 24 hours) and no row cap.
/// </summary>
internal sealed class JobStatements(FrontOptions front)
{
    /// <summary>How long a batch query may run on the service.</summary>
    public static readonly TimeSpan BatchTimeout = TimeSpan.FromHours(24);

    /// <summary>The application name a job's backend session has, so that pg_stat_activity shows whose it is.</summary>
    public static string ApplicationName(string jobId) => "qsorm-job-" + jobId;

    /// <summary>Runs the job's statements; returns the rows they wrote. Cancelling stops the backend statement.</summary>
    /// <exception cref="ServiceErrorException">The service's error, as the wire would have sent it.</exception>
    public async Task<long> RunAsync(QueryJob job, string dbName, CancellationToken cancellationToken)
    {
        var separator = dbName.IndexOf(':', StringComparison.Ordinal);
        var session = new FrontSession(
            RandomNumberGenerator.GetInt32(1, int.MaxValue), front.OrganizationId + "@AdobeOrg", dbName, dbName[(separator + 1)..])
        {
            Interactive = false,
        };
        var application = ApplicationName(job.Id);
        var statements = await FrontAdmission.AdmitAsync(front, session, application, "rest", job.Sql, [], cancellationToken)
            .ConfigureAwait(false);
        try
        {
            await using var dataSource = front.Backend.JobDataSource(application, BatchTimeout);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var rows = 0L;
            foreach (var statement in statements)
            {
                rows += await RunAsync(connection, session, statement, cancellationToken).ConfigureAwait(false);
            }

            return rows;
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServiceErrorException(ServiceErrors.FromBackend(new ServiceError(e.SqlState, e.MessageText, e.Detail, e.Hint)));
        }
    }

    private static async Task<long> RunAsync(
        NpgsqlConnection connection, FrontSession session, FrontStatement statement, CancellationToken cancellationToken)
    {
        switch (statement)
        {
            case BackendStatement backend:
                // A batch, for its command's row count: PostgreSQL tags a CTAS "SELECT n", which a command's RecordsAffected skips.
                await using (var batch = new NpgsqlBatch(connection) { Timeout = 0 })
                {
                    var command = new NpgsqlBatchCommand(backend.Sql);
                    batch.BatchCommands.Add(command);
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    return (long)command.Rows;
                }

            case LocalStatement local:
                local.Apply?.Invoke(session);
                return 0;
            default:
                return 0;
        }
    }
}
