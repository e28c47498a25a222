using Spectre.Console;

namespace QueryServiceOrm.Cli;

/// <summary>
/// Where qsorm writes: results to standard output, progress and messages to standard error. Colors, spinners and
/// box-drawn tables only on a terminal; <c>--no-color</c>, <c>NO_COLOR</c> or a redirected stream give plain ASCII text.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter errors)
{
    // Not a terminal: 120 columns, wider than the 80 Spectre assumes; longer cells wrap inside their column.
    private const int PlainWidth = 120;

    private IAnsiConsole? _out;
    private IAnsiConsole? _errors;

    /// <summary>Standard output, for results a script may read.</summary>
    public TextWriter Output => output;

    /// <summary>Standard error, for progress, warnings and errors.</summary>
    public TextWriter Errors => errors;

    /// <summary>Set before the first write: no colors, no animation, ASCII borders.</summary>
    public bool Plain { get; set; } = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };

    /// <summary>Results: tables, rules, highlighted SQL.</summary>
    public IAnsiConsole Out => _out ??= Create(output);

    /// <summary>Runs long work behind a spinner on a terminal, or says what it does in one line otherwise.</summary>
    public async Task<T> StatusAsync<T>(string description, Func<Task<T>> work)
    {
        _errors ??= Create(errors);
        if (!_errors.Profile.Capabilities.Interactive)
        {
            await errors.WriteLineAsync(description);
            return await work();
        }

        return await _errors.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(description), _ => work());
    }

    /// <summary>Whether results are written as plain ASCII text (rules and borders included).</summary>
    public bool PlainOut => Out.Profile.Capabilities.Ansi is false;

    // Spectre detects ANSI support from the environment (TERM), not from the writer: a redirected stream is checked here.
    private IAnsiConsole Create(TextWriter writer)
    {
        var target = new AnsiConsoleOutput(writer);
        var plain = Plain || !target.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = plain ? InteractionSupport.No : InteractionSupport.Detect,
            Out = target,
        });
        if (plain)
        {
            console.Profile.Capabilities.Unicode = false;
            if (!target.IsTerminal)
            {
                console.Profile.Width = PlainWidth;
            }
        }

        return console;
    }
}
