using System.Diagnostics;

namespace QueryServiceOrm.Tests.Cli;

/// <summary>
/// On a terminal (a pseudo-terminal made by <c>script</c>) long work shows an animated spinner; <c>--no-color</c> and
/// <c>NO_COLOR</c> give the same command as plain text.
/// </summary>
[NonParallelizable]
public sealed class CliConsoleTests
{
    private string _home = "";

    [SetUp]
    public void Home() => _home = Path.Combine(Path.GetTempPath(), "qsorm-console-home-" + Guid.NewGuid().ToString("N")[..8]);

    [TearDown]
    public async Task StopAndRemove()
    {
        await OnTerminalAsync("sandbox stop");
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Test]
    public async Task A_terminal_gets_a_spinner_and_no_color_or_NO_COLOR_plain_text()
    {
        var animated = await OnTerminalAsync("sandbox start");
        await OnTerminalAsync("sandbox stop");
        var noColor = await OnTerminalAsync("sandbox start --no-color");
        await OnTerminalAsync("sandbox stop");
        var noColorVariable = await OnTerminalAsync("sandbox start", ("NO_COLOR", "1"));
        Assert.Multiple(() =>
        {
            Assert.That(
                animated,
                Does.Match(HideCursor).And.Match(Color).And.Contain("Sandbox running on 127.0.0.1:"),
                "a colored spinner, the cursor hidden while it turns");
            Assert.That(
                noColor,
                Does.Not.Match(HideCursor).And.Not.Match(Color).And.Contain("Starting the sandbox").And.Contain(
                    "Sandbox running on 127.0.0.1:"));
            Assert.That(noColorVariable, Does.Not.Match(HideCursor).And.Not.Match(Color).And.Contain("Sandbox running on 127.0.0.1:"));
        });
    }

    // Regular expressions: a culture-aware "contains" ignores control characters.
    // .NET itself switches a terminal's keypad mode (ESC [?1h ESC =) whatever qsorm does; colors and the cursor are qsorm's.
    private const string HideCursor = @"\x1b\[\?25l";
    private const string Color = @"\x1b\[[0-9;]*m";

    // Everything the terminal received, standard output and error together.
    private async Task<string> OnTerminalAsync(string arguments, params (string Name, string Value)[] environment)
    {
        var qsorm = Path.Combine(TestContext.CurrentContext.TestDirectory, "qsorm.dll");
        var start = new ProcessStartInfo("script", ["-qec", $"dotnet {qsorm} {arguments}", "/dev/null"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["QSORM_CONFIG_HOME"] = _home, ["TERM"] = "xterm-256color" },
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await output + await errors;
    }
}
