using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// <c>qsorm scaffold</c> in-process and as a process: the files it writes are the scaffolder's golden files; wrong
/// arguments, missing credentials, files in the way and a closed port each give their exit code and a message saying
/// what to do.
/// </summary>
[NonParallelizable]
public sealed class ScaffoldCommandTests
{
    private static readonly XdmSampleTables Sample = XdmSampleData.TablesFor(XdmSampleData.DefaultPrefix);
    private QueryServiceSandbox _sandbox = null!;
    private string _output = "";

    [SetUp]
    public async Task Seed()
    {
        _sandbox = await XdmData.SeedAsync();
        _output = Path.Combine(Path.GetTempPath(), "qsorm-scaffold-" + Guid.NewGuid().ToString("N")[..8]);
    }

    [TearDown]
    public void RemoveOutput()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private string[] Arguments(params string[] more)
        => [
            "scaffold", "-t", Sample.Events, "-t", Sample.Profiles, "-t", Sample.Flat, "-o", _output, "-n", "Scaffolded.Xdm", "-c",
            "XdmDatasets", .. more];

    private static Task<Qsorm.Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
        => Qsorm.RunAsync(environment, null, args);

    private void AssertGoldenFiles()
    {
        var written = Directory.GetFiles(_output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var golden = Directory.GetFiles(RepositoryPaths.TestSource("Scaffolding", "Golden"))
            .Select(f => Path.GetFileName(f)[..^".golden".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(written, Is.EqualTo(golden));
        foreach (var file in written)
        {
            Assert.That(
                File.ReadAllText(Path.Combine(_output, file!)),
                Is.EqualTo(File.ReadAllText(RepositoryPaths.TestSource("Scaffolding", "Golden", file + ".golden"))),
                file);
        }
    }

    [Test]
    public async Task Scaffold_writes_the_golden_files_and_refuses_to_overwrite_without_force()
    {
        var (code, output, errors) = await RunAsync(_sandbox.EnvironmentVariables(), Arguments());
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, errors);
            Assert.That(output, Does.Contain("XdmDatasets.cs"));
            Assert.That(errors, Does.Contain("3 tables in 4 round trips; 21 files."));
            Assert.That(errors, Does.Not.Contain("JSON text"), "the warning for dotnet ef's path: qsorm writes the classes");
        });
        AssertGoldenFiles();

        File.WriteAllText(Path.Combine(_output, "XdmDatasets.cs"), "edited by hand");
        var again = await RunAsync(_sandbox.EnvironmentVariables(), Arguments());
        var kept = File.ReadAllText(Path.Combine(_output, "XdmDatasets.cs"));
        var forced = await RunAsync(_sandbox.EnvironmentVariables(), Arguments("--force"));
        Assert.Multiple(() =>
        {
            Assert.That(again.Code, Is.EqualTo(1));
            Assert.That(again.Errors, Does.Contain("--force"));
            Assert.That(kept, Is.EqualTo("edited by hand"), "nothing was overwritten without --force");
            Assert.That(forced.Code, Is.Zero, forced.Errors);
            Assert.That(Directory.GetDirectories(_output), Is.Empty, "no staging folder left behind");
        });
        AssertGoldenFiles();
    }

    [Test]
    public async Task An_unknown_table_a_refused_password_and_an_unwritable_output_are_user_errors()
    {
        var unknown = await RunAsync(_sandbox.EnvironmentVariables(), "scaffold", "-t", "no_such_table", "-o", _output);
        var refused = await RunAsync(
            _sandbox.EnvironmentVariables()
                .ToDictionary(kv => kv.Key, kv => kv.Key.EndsWith("__Password", StringComparison.Ordinal) ? "wrong-password" : kv.Value),
            Arguments());
        var blocked = Path.Combine(_output, "a-file");
        Directory.CreateDirectory(_output);
        File.WriteAllText(blocked, "");
        var unwritable = await RunAsync(_sandbox.EnvironmentVariables(), "scaffold", "-t", Sample.Flat, "-o", blocked);
        Assert.Multiple(() =>
        {
            Assert.That(unknown.Code, Is.EqualTo(1));
            Assert.That(unknown.Errors, Does.Contain("No table named no_such_table"));
            Assert.That(refused.Code, Is.EqualTo(1));
            Assert.That(refused.Errors, Does.Contain("refused the credentials").And.Not.Contain("wrong-password"));
            Assert.That(unwritable.Code, Is.EqualTo(1), unwritable.Errors);
        });
    }

    [Test]
    public async Task A_stored_profile_is_used_instead_of_the_environment_and_kept_private()
    {
        var home = Path.Combine(_output, "config");
        var settings = _sandbox.EnvironmentVariables().ToDictionary(kv => kv.Key["QueryService__".Length..], kv => kv.Value);
        using (new EnvironmentScope(new Dictionary<string, string> { ["QSORM_CONFIG_HOME"] = home }))
        {
            var store = QueryServiceOrm.Cli.Profiles.ProfileStore.ForUser();
            store.Save("sandbox", settings);
            Assert.That(File.GetUnixFileMode(store.PathOf("sandbox")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        // The environment names no server at all: only the profile can connect.
        var environment = _sandbox.EnvironmentVariables().ToDictionary(kv => kv.Key, _ => "");
        environment["QSORM_CONFIG_HOME"] = home;
        var (code, _, errors) = await RunAsync(environment, Arguments("--profile", "sandbox"));
        var missing = await RunAsync(environment, Arguments("--profile", "nobody"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, errors);
            Assert.That(missing.Code, Is.EqualTo(1));
            Assert.That(missing.Errors, Does.Contain("no profile named 'nobody'").And.Contain("QueryService"));
        });
        Directory.Delete(home, recursive: true);
        AssertGoldenFiles();
    }

    [Test]
    public async Task Wrong_arguments_are_a_user_error_with_the_way_to_help()
    {
        var (code, _, errors) = await RunAsync(new Dictionary<string, string>(), "scaffold", "--no-such-option");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("--no-such-option").And.Contain("qsorm --help"));
        });
    }

    [Test]
    public async Task Missing_credentials_are_a_user_error_naming_the_setting()
    {
        var environment = _sandbox.EnvironmentVariables()
            .ToDictionary(kv => kv.Key, kv => kv.Key.EndsWith("__Host", StringComparison.Ordinal) ? "" : kv.Value);
        var (code, _, errors) = await RunAsync(environment, Arguments());
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("QueryService__Host"));
        });
    }

    [Test]
    public async Task A_closed_port_is_a_server_error_saying_what_to_check()
    {
        var environment = _sandbox.EnvironmentVariables()
            .ToDictionary(kv => kv.Key, kv => kv.Key.EndsWith("__Port", StringComparison.Ordinal) ? "1" : kv.Value);
        var (code, _, errors) = await RunAsync(environment, Arguments());
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(errors, Does.Contain("Check the host, port and credentials"));
        });
    }

    [Test]
    public async Task As_a_process_it_writes_the_same_files()
    {
        var result = await Qsorm.RunProcessAsync(_sandbox.EnvironmentVariables(), Arguments());
        Assert.Multiple(() =>
        {
            Assert.That(result.Code, Is.Zero, result.Errors);
            Assert.That(result.Errors, Does.Not.Contain("warning"));
        });
        AssertGoldenFiles();
    }
}
