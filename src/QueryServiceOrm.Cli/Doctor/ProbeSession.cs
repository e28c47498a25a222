using Npgsql;

namespace QueryServiceOrm.Cli.Doctor;

/// <summary>What a probe's statement gave: its rows' first values, or why there are none.</summary>
/// <param name="Values">The first column of every row, when the server answered.</param>
/// <param name="Refusal">Why there is no answer (the server's error and SQLSTATE, or the timeout), or null.</param>
internal sealed record ProbeAnswer(IReadOnlyList<object?> Values, string? Refusal)
{
    /// <summary>Whether the server ran the statement.</summary>
    public bool Accepted => Refusal is null;

    /// <summary>Whether the server ran it and its rows' first values are exactly these integers.</summary>
    public bool ReturnsIntegers(params long[] expected)
        => Accepted && Values.Count == expected.Length && Values.Select(AsInteger).SequenceEqual(expected.Select(e => (long?)e));

    /// <summary>The rows' first values as text, for a probe's line.</summary>
    public string Shown => Values.Count == 0
        ? "no rows"
        : string.Join(", ", Values.Select(v => v is string s ? $"'{s}'" : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "NULL"));

    // A number the server may send as any integer type (int, bigint, numeric); a string such as 'f' is not one.
    private static long? AsInteger(object? value)
        => value is int or long or short or decimal ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
}

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
