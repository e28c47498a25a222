namespace QueryServiceOrm.Cli.Doctor;

/// <summary>
/// The doctor's own tables, with names no one else uses (<c>qsorm_doctor_</c> and random hex), dropped when disposed
/// whether the probes ended, failed or were cancelled: the drop gets its own time limit, not the cancelled token.
/// </summary>
internal sealed class ScratchTable(ProbeSession session, TextWriter errors) : IAsyncDisposable
{
    /// <summary>The prefix of every scratch table's name, which a user may look for if a drop ever fails.</summary>
    public const string Prefix = "qsorm_doctor_";

    private readonly List<string> _created = [];

    /// <summary>A fresh table name.</summary>
    public static string NewName() => Prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates a table, remembered for the drop even when the answer is lost (a timeout may follow a create).</summary>
    public async Task<ProbeAnswer> CreateAsync(string name, string columns, CancellationToken cancellationToken)
    {
        _created.Add(name);
        return await session.RunAsync($"CREATE TABLE {name} ({columns})", cancellationToken);
    }

    /// <summary>Drops every table created; a drop that fails is reported with the statement to run by hand.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var name in _created)
        {
            var dropped = await DropAsync(name);
            if (dropped is not null)
            {
                await errors.WriteLineAsync(
                    $"warning: the scratch table {name} could not be dropped ({dropped}); run DROP TABLE IF EXISTS {name}.");
            }
        }
    }

    // Null when dropped; otherwise why not. The connection may be broken after a cancellation: that is reported too.
    private async Task<string?> DropAsync(string name)
    {
        try
        {
            return (await session.RunAsync($"DROP TABLE IF EXISTS {name}", CancellationToken.None)).Refusal;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            return e.Message;
        }
    }
}
