namespace QueryServiceOrm.Cli;

/// <summary>What qsorm's exit code says.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Wrong arguments, missing or bad credentials, files in the way: something the user fixes.</summary>
    public const int UserError = 1;

    /// <summary>The server could not be reached or refused: something on the server's side, or the network.</summary>
    public const int ServerError = 2;

    /// <summary><c>qsorm sandbox status</c>: no sandbox runs (as <c>systemctl status</c> says of a stopped unit).</summary>
    public const int NotRunning = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report a SIGINT.</summary>
    public const int Cancelled = 130;
}
