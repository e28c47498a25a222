using System.Data.Common;
using System.Text;
using Npgsql;
using QueryServiceOrm.Sandbox.Rules;
using QueryServiceOrm.Sandbox.Sql.Parsing;

namespace QueryServiceOrm.Cli;

/// <summary>
/// <c>qsorm query "SQL" [--format table|csv|json] [--output FILE]</c>: runs one statement and streams its rows, never
/// holding the result in memory beyond the first rows a table's column widths are taken from. A table and CSV give every
/// value as the text the server sends (so structs, arrays and maps print too); JSON gives typed values
/// (<see cref="QueryJson"/>).
/// </summary>
internal static class QueryCommand
{
    private const int WidthSampleRows = 200;
    private const int MaxColumnWidth = 60;

    public static Command Create(CliConsole console)
    {
        var sql = new Argument<string>("sql") { Description = "The statement, as the server should receive it." };
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var file = new Option<string?>("--output", "-o") { Description = "Write the rows to this file instead of standard output." };
        var profile = CliCredentials.ProfileOption();
        var command = new Command("query", "Run a statement and stream its rows.") { sql, format, file, profile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(sql)!;
            RefuseSeveralStatements(text);
            await using var db = CliContext.Create(CliCredentials.Load(Environment.CurrentDirectory, parse.GetValue(profile)));
            var connection = await db.OpenConnectionAsync(cancellationToken);
            if (parse.GetValue(format) == "json")
            {
                await using var setup = new NpgsqlCommand(QueryJson.Setup, connection);
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand(text, connection) { AllResultTypesAreUnknown = true, CommandTimeout = 0 };
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);

            // Rows already received are read without I/O, where Npgsql would not notice the token: the server is told at once.
            await using var cancel = cancellationToken.Register(command.Cancel);
            var path = parse.GetValue(file);
            var rows = path is null
                ? await WriteAsync(reader, parse.GetValue(format), console.Output, Ellipsis(console), cancellationToken)
                : await WriteFileAsync(reader, parse.GetValue(format), path, cancellationToken);
            await console.Errors.WriteLineAsync(Counted.Of(rows, "row") + ".");
            if (rows == QueryServiceOrm.Infrastructure.QueryServiceQueryOptions.DefaultRowCap)
            {
                await console.Errors.WriteLineAsync(
                    "warning: exactly 50,000 rows, Query Service's cap for a statement without LIMIT: add LIMIT 0 to read every row.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // Npgsql sends every statement of a text and the server runs them all, yet one result is printed: several are refused
    // before any runs. The split is the service's own lexical one (quotes, comments, $$ blocks); text it cannot split is
    // left for the server to report on.
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Interoperability",
        "CA1416",
        Justification = "The lexer is plain managed code: the sandbox's assembly is Unix-only for the PostgreSQL processes it runs.")]
    private static void RefuseSeveralStatements(string sql)
    {
        int count;
        try
        {
            count = SparkParser.Split(sql).Count;
        }
        catch (ServiceErrorException)
        {
            return;
        }

        if (count > 1)
        {
            throw new ArgumentException(
                $"qsorm query runs one statement, and this text has {count} (separated by ';'): run each with its own qsorm query.");
        }
    }

    // Values are cut to their column only where someone reads them on a screen; a pipe or a file gets them whole.
    private static string? Ellipsis(CliConsole console)
        => !console.Out.Profile.Out.IsTerminal ? null : console.PlainOut ? "..." : "…";

    // The rows go to a temporary file beside the one asked for, renamed only once every row is written: an interrupted or
    // failed query never leaves a partial file under the requested name (nor removes one that was there).
    private static async Task<long> WriteFileAsync(
        NpgsqlDataReader reader, string? format, string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            long rows;
            await using (var target = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                rows = await WriteAsync(reader, format, target, ellipsis: null, cancellationToken);
            }

            File.Move(temporary, full, overwrite: true);
            return rows;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static Task<long> WriteAsync(
        NpgsqlDataReader reader, string? format, TextWriter writer, string? ellipsis, CancellationToken cancellationToken)
        => format switch
        {
            "csv" => WriteCsvAsync(reader, writer, cancellationToken),
            "json" => QueryJson.WriteAsync(reader, writer, cancellationToken),
            _ => WriteTableAsync(reader, writer, ellipsis, cancellationToken),
        };

    private static async Task<long> WriteCsvAsync(DbDataReader reader, TextWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(i => Csv(reader.GetName(i)))));
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(
                string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Csv(reader.GetString(i)))));
            rows++;
        }

        return rows;
    }

    private static string Csv(string value)
        => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    // Aligned columns, their widths taken from the first rows; longer values are cut with the ellipsis, or, without one,
    // written whole past their column.
    private static async Task<long> WriteTableAsync(
        DbDataReader reader, TextWriter writer, string? ellipsis, CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var sample = new List<string[]>();
        while (sample.Count < WidthSampleRows && await reader.ReadAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            sample.Add(Row(reader));
        }

        var widths = names.Select(
            (n, i) => Math.Clamp(Math.Max(n.Length, sample.Select(r => r[i].Length).DefaultIfEmpty(0).Max()), 1, MaxColumnWidth)).ToArray();
        await writer.WriteLineAsync(Line(names, widths, ellipsis));
        await writer.WriteLineAsync(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in sample)
        {
            await writer.WriteLineAsync(Line(row, widths, ellipsis));
        }

        long rows = sample.Count;
        while (await reader.ReadAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(Line(Row(reader), widths, ellipsis));
            rows++;
        }

        return rows;
    }

    private static string[] Row(DbDataReader reader)
        => Enumerable.Range(0, reader.FieldCount)
            .Select(i => reader.IsDBNull(i) ? "" : reader.GetString(i).Replace('\n', ' ').Replace('\r', ' '))
            .ToArray();

    private static string Line(string[] values, int[] widths, string? ellipsis)
        => string.Join(" | ", values.Select((v, i) => v.Length > widths[i] && ellipsis is not null
            ? v[..Math.Max(0, widths[i] - ellipsis.Length)] + ellipsis
            : v.PadRight(widths[i]))).TrimEnd();
}
