namespace QueryServiceOrm.Sandbox;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, postgres) installed on this machine.</summary>
public sealed class PostgresBinaries
{
    /// <summary>Environment variable naming the folder of the server programs, when they are not found on their own.</summary>
    public const string BinDirVariable = "QSORM_PG_BINDIR";

    private PostgresBinaries(string binDirectory) => BinDirectory = binDirectory;

    /// <summary>The folder holding initdb, pg_ctl and postgres.</summary>
    public string BinDirectory { get; }

    /// <summary>Full path of initdb.</summary>
    public string InitDb => Path.Combine(BinDirectory, "initdb");

    /// <summary>Full path of pg_ctl.</summary>
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>Full path of psql, when installed beside the server.</summary>
    public string Psql => Path.Combine(BinDirectory, "psql");

    /// <summary>
    /// Locates the programs: <see cref="BinDirVariable"/>, then <c>pg_config --bindir</c>, then Debian's /usr/lib/postgresql/N/bin (newest
    /// first).
    /// </summary>
    /// <exception cref="SandboxException">No folder holds all three programs; the message names the package to install.</exception>
    public static PostgresBinaries Find() => Find(Candidates());

    /// <summary>Locates the programs as <see cref="Find()"/> does; null when they are not installed.</summary>
    internal static PostgresBinaries? TryFind() => TryFind(Candidates());

    internal static PostgresBinaries Find(IEnumerable<string> candidates)
        => TryFind(candidates) ?? throw new SandboxException(
            "The PostgreSQL server programs (initdb, pg_ctl, postgres) were not found. Install them with " +
            "'apt-get install -y postgresql' (Debian/Ubuntu; PostgreSQL 15 or later), or set " +
            $"{BinDirVariable} to the folder that holds them.");

    private static PostgresBinaries? TryFind(IEnumerable<string> candidates)
        => candidates.Where(IsComplete).Select(candidate => new PostgresBinaries(candidate)).FirstOrDefault();

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable(BinDirVariable) is { Length: > 0 } configured)
        {
            yield return configured;
        }

        if (SandboxProcess.TryRunQuiet("pg_config", ["--bindir"]) is { Length: > 0 } bindir)
        {
            yield return bindir.Trim();
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            foreach (var version in Directory.GetDirectories(debianRoot)
                         .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                         .OrderByDescending(d => d.Version))
            {
                yield return Path.Combine(version.Dir, "bin");
            }
        }
    }

    private static bool IsComplete(string directory)
        => new[] { "initdb", "pg_ctl", "postgres" }.All(program => File.Exists(Path.Combine(directory, program)));
}
