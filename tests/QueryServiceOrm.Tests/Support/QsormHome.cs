namespace QueryServiceOrm.Tests.Support;

/// <summary>A private qsorm configuration folder (<c>QSORM_CONFIG_HOME</c>) for one test, deleted with it.</summary>
internal sealed class QsormHome : IDisposable
{
    /// <summary>The folder, where profiles are written.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "qsorm-home-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Runs qsorm in-process with this folder as its configuration home.</summary>
    public Task<Qsorm.Result> RunAsync(string? input, params string[] args)
        => Qsorm.RunAsync(new Dictionary<string, string> { ["QSORM_CONFIG_HOME"] = Directory }, input, args);

    /// <summary>Stores a profile for the sandbox's front (or another port), as a user would with <c>credentials set</c>.</summary>
    public Task<Qsorm.Result> SetProfileAsync(QueryServiceSandbox sandbox, string name, int port)
        => RunAsync(
            sandbox.Password,
            "credentials", "set", "--profile", name, "--host", sandbox.Host, "--port", port.ToString(CultureInfo.InvariantCulture),
            "--database", sandbox.Database, "--user", sandbox.Username, "--password-stdin");

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
