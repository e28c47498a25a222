using Npgsql;

namespace QueryServiceOrm.Cli.Doctor;

/// <summary>
/// Runs the doctor's statements on one connection, each bounded in time: a statement the server refuses, or does not
/// answer in time, is an answer (with its SQLSTATE), not a failure of the command. Only the user's cancellation and a
/// lost connection end the run.
/// </summary>
internal sealed class ProbeSession(NpgsqlConnection connection, TimeSpan timeout)
{
    /// <summary>How long each statement may take.</summary>
    public TimeSpan Timeout => timeout;

    /// <summary>Runs a statement and reads the first column of its rows.</summary>
    /// <param name="sql">The statement.</param>
    /// <param name="parameters">Bind parameters (sent through the extended protocol as parameters, not as text).</param>
    /// <param name="cancellationToken">The user's cancellation, which is not an answer and is rethrown.</param>
    public async Task<ProbeAnswer> RunAsync(string sql, IReadOnlyList<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            await ReopenIfLostAsync(bounded.Token).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddRange(parameters.ToArray());
            await using var reader = await command.ExecuteReaderAsync(bounded.Token).ConfigureAwait(false);
            var values = new List<object?>();
            while (await reader.ReadAsync(bounded.Token).ConfigureAwait(false))
            {
                values.Add(reader.FieldCount == 0 || reader.IsDBNull(0) ? null : reader.GetValue(0));
            }

            return new ProbeAnswer(values, null);
        }
        catch (PostgresException refused)
        {
            return new ProbeAnswer([], $"refused: {refused.MessageText} (SQLSTATE {refused.SqlState})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeAnswer([], $"no answer within {timeout.TotalSeconds:0} s");
        }
    }

    // Npgsql closes a session after a server error of class 53, 58 or XX, or a cancellation the server did not honour in
    // time: the next probe (and the scratch table's drop) gets a new one rather than failing too.
    private async Task ReopenIfLostAsync(CancellationToken cancellationToken)
    {
        if (connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || connection.State == System.Data.ConnectionState.Closed)
        {
            await connection.CloseAsync().ConfigureAwait(false);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a statement without parameters.</summary>
    public Task<ProbeAnswer> RunAsync(string sql, CancellationToken cancellationToken) => RunAsync(sql, [], cancellationToken);
}
