using System.Diagnostics;
using System.Net.Sockets;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// <c>qsorm sandbox start|status|seed|stop</c>: a server that outlives each command, reached again through its stored
/// state and profile, and gone after stop.
/// </summary>
[NonParallelizable]
public sealed class SandboxCommandTests
{
    private string _home = "";

    [SetUp]
    public void Home() => _home = Path.Combine(Path.GetTempPath(), "qsorm-sandbox-home-" + Guid.NewGuid().ToString("N")[..8]);

    [TearDown]
    public async Task StopAndRemove()
    {
        // A failed test must not leave a server behind.
        await RunAsync("sandbox", "stop");
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    private Task<Qsorm.Result> RunAsync(params string[] args)
        => Qsorm.RunAsync(new Dictionary<string, string> { ["QSORM_CONFIG_HOME"] = _home }, null, args);

    [Test]
    public async Task The_sandbox_outlives_each_command_and_its_profile_reaches_it()
    {
        var start = await RunAsync("sandbox", "start");
        var stateMode = File.GetUnixFileMode(Path.Combine(_home, "sandbox-state.json"));
        var again = await RunAsync("sandbox", "start");
        var status = await RunAsync("sandbox", "status");
        var seed = await RunAsync("sandbox", "seed", "--rows", "25");
        var tables = await RunAsync("tables", "--profile", "sandbox");
        var count = await RunAsync("query", "SELECT count(*) AS n FROM xdm_events", "--profile", "sandbox", "--format", "csv");
        var stop = await RunAsync("sandbox", "stop");
        var after = await RunAsync("sandbox", "status");
        var seedAfter = await RunAsync("sandbox", "seed");
        Assert.Multiple(() =>
        {
            Assert.That(start.Code, Is.Zero, start.Errors);
            Assert.That(start.Output, Does.Contain("Sandbox running on 127.0.0.1:"));
            Assert.That(stateMode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "the state holds the passwords");
            Assert.That(again.Code, Is.EqualTo(1));
            Assert.That(again.Errors, Does.Contain("already running"));
            Assert.That(status.Output, Does.StartWith("Running on 127.0.0.1:"));
            Assert.That(seed.Code, Is.Zero, seed.Errors);
            Assert.That(
                tables.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                Is.SupersetOf(new[] { "xdm_events", "xdm_flat", "xdm_profiles" }));
            Assert.That(count.Output, Is.EqualTo("n\n25\n"));
            Assert.That(stop.Code, Is.Zero, stop.Errors);
            Assert.That(after.Output, Does.StartWith("Not running"));
            Assert.That(File.Exists(Path.Combine(_home, "sandbox.json")), Is.False, "the profile went with the sandbox");
            Assert.That(seedAfter.Code, Is.EqualTo(1));
            Assert.That(seedAfter.Errors, Does.Contain("qsorm sandbox start"));
        });
    }

    [Test]
    public async Task A_new_user_is_pointed_to_the_sandbox_and_told_when_it_is_empty_or_stopped()
    {
        var environment = new Dictionary<string, string> { ["QSORM_CONFIG_HOME"] = _home };
        var empty = Path.Combine(_home, "empty-folder");
        Directory.CreateDirectory(empty);
        var start = await RunAsync("sandbox", "start", "--empty");
        var plain = await Qsorm.RunProcessInAsync(empty, environment, null, "tables");
        var none = await Qsorm.RunProcessAsync(environment, "tables", "--profile", "sandbox");
        await RunAsync("sandbox", "stop");
        var stopped = await Qsorm.RunProcessAsync(environment, "tables", "--profile", "sandbox");
        var status = await Qsorm.RunProcessAsync(environment, "sandbox", "status");
        Assert.Multiple(() =>
        {
            Assert.That(start.Code, Is.Zero, start.Errors);
            Assert.That(plain.Code, Is.EqualTo(1));
            Assert.That(plain.Errors, Does.Contain("a local sandbox is running: add --profile sandbox"));
            Assert.That(none.Code, Is.Zero, none.Errors);
            Assert.That(none.Errors, Does.Contain("No tables.").And.Contain("qsorm sandbox seed"));
            Assert.That(stopped.Code, Is.EqualTo(1));
            Assert.That(
                stopped.Errors,
                Does.Contain("The sandbox is not running").And.Contain("qsorm sandbox start").And.Not.Contain("Write that file"));
            Assert.That(status.Code, Is.EqualTo(3), "nothing runs");
            Assert.That(status.Output, Does.StartWith("Not running"));
        });
    }

    [Test]
    [Category("Container")]
    public async Task The_container_option_runs_the_backend_in_a_container_and_status_says_so()
    {
        var image = SharedSandbox.ContainerImageOrIgnore();
        var start = await RunAsync("sandbox", "start", "--container", "--image", image, "--rows", "10");
        var status = await RunAsync("sandbox", "status");
        var count = await RunAsync("query", "SELECT count(*) AS n FROM xdm_events", "--profile", "sandbox", "--format", "csv");
        var stop = await RunAsync("sandbox", "stop");
        Assert.Multiple(() =>
        {
            Assert.That(start.Code, Is.Zero, start.Errors);
            Assert.That(start.Output, Does.Contain("backend in a container"));
            Assert.That(status.Output, Does.StartWith("Running on 127.0.0.1:").And.Contain("backend in a container"));
            Assert.That(count.Output, Is.EqualTo("n\n10\n"), count.Errors);
            Assert.That(stop.Code, Is.Zero, stop.Errors);
        });
    }

    [Test]
    public async Task The_container_option_without_a_Docker_engine_fails_at_once_with_Testcontainers_message_and_what_to_do()
    {
        // Testcontainers falls back to the default socket when DOCKER_HOST does not answer: that one must not answer either.
        Assume.That(
            DefaultDockerSocketAnswers(), Is.False, "a Docker engine answers on /var/run/docker.sock, which Testcontainers would use");
        var missing = $"unix://{_home}/no-docker.sock";
        var environment = new Dictionary<string, string>
        {
            ["QSORM_CONFIG_HOME"] = _home,
            ["DOCKER_HOST"] = missing,
            // Neither a ~/.testcontainers.properties nor a rootless engine's socket of this machine's user.
            ["HOME"] = _home,
            ["XDG_RUNTIME_DIR"] = _home,
        };
        var clock = Stopwatch.StartNew();
        var (code, _, errors) = await Qsorm.RunProcessWithinAsync(TimeSpan.FromSeconds(60), environment, "sandbox", "start", "--container");
        TestContext.Progress.WriteLine($"qsorm sandbox start --container without Docker failed after {clock.Elapsed.TotalSeconds:0.00} s.");
        var status = await Qsorm.RunProcessAsync(environment, "sandbox", "status");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("Docker is either not running or misconfigured"), "Testcontainers' own message");
            Assert.That(errors, Does.Contain($"Failed to connect to Docker endpoint at '{missing}'"));
            Assert.That(
                errors,
                Does.Contain("Start Docker (or set DOCKER_HOST to the engine's socket)").And.Contain("without the container option"));
            Assert.That(status.Output, Does.StartWith("Not running"));
        });
    }

    [Test]
    public async Task Rows_out_of_range_are_a_user_error()
    {
        var (code, _, errors) = await RunAsync("sandbox", "seed", "--rows", "-5");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("--rows must be between 0 and 10,000,000"));
        });
    }

    private static bool DefaultDockerSocketAnswers()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint("/var/run/docker.sock"));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
