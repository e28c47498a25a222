using Microsoft.Extensions.Logging;

namespace QueryServiceOrm.Diagnostics;

/// <summary>
/// The library's warnings as EF events: logged where EF logs (dotnet ef prints the migrations ones at <c>migrations add</c>),
/// and subject to <c>ConfigureWarnings</c> like EF's own (<c>w.Throw(QueryServiceEventId.RowCapReached)</c>).
/// </summary>
internal static class QueryServiceLoggerExtensions
{
    public static void RowCapReached(this IDiagnosticsLogger<DbLoggerCategory.Query> diagnostics, int rows)
    {
        var definition = new EventDefinition<int>(
            diagnostics.Options, QueryServiceEventId.RowCapReached, LogLevel.Warning, Code(QueryServiceEventId.RowCapReached),
            level => LoggerMessage.Define<int>(level, QueryServiceEventId.RowCapReached,
                "The query returned exactly {rows} rows, Query Service's cap for a query without LIMIT: rows may be missing. "
                + "Add Take(n) to state the rows you want, or WithoutRowLimit() to read every row."));
        Dispatch(diagnostics, definition, () => definition.Log(diagnostics, rows), () => definition.GenerateMessage(rows));
    }

    public static void KeyNotWritten(this IDiagnosticsLogger<DbLoggerCategory.Migrations> diagnostics, string table, string columns)
        => Log(diagnostics, QueryServiceEventId.KeyNotWritten,
            "Table '{table}': its primary key ({columns}) is not written, nor its NOT NULL: a Query Service key is an identity namespace. "
            + "Configure the key property with HasPrimaryIdentity(\"<namespace>\") to write PRIMARY IDENTITY NAMESPACE, "
            + "or keep the key in the model only.",
            table, columns);

    public static void NotNullNotWritten(this IDiagnosticsLogger<DbLoggerCategory.Migrations> diagnostics, string table, string column)
        => Log(diagnostics, QueryServiceEventId.NotNullNotWritten,
            "Table '{table}', column '{column}': NOT NULL is not written: Query Service's CREATE TABLE and ADD COLUMN have no NOT NULL, "
            + "so the column takes NULLs; check values before appending them if they must not be missing.",
            table, column);

    public static void ScaffoldedTableInMigration(
        this IDiagnosticsLogger<DbLoggerCategory.Migrations> diagnostics, string table, string reason)
        => Log(diagnostics, QueryServiceEventId.ScaffoldedTableInMigration, "Table '{table}': {reason}", table, reason);

    private static void Log(
        IDiagnosticsLogger<DbLoggerCategory.Migrations> diagnostics, EventId eventId, string format, string table, string detail)
    {
        var definition = new EventDefinition<string, string>(
            diagnostics.Options,
            eventId,
            LogLevel.Warning,
            Code(eventId),
            level => LoggerMessage.Define<string, string>(level, eventId, format));
        Dispatch(
            diagnostics,
            definition,
            () => definition.Log(diagnostics, table, detail),
            () => definition.GenerateMessage(table, detail));
    }

    // What EF's own logger extensions do: log (or throw, per ConfigureWarnings), then tell diagnostic listeners and interceptors.
    private static void Dispatch<TCategory>(
        IDiagnosticsLogger<TCategory> diagnostics, EventDefinitionBase definition, Action log, Func<string> message)
        where TCategory : LoggerCategory<TCategory>, new()
    {
        if (diagnostics.ShouldLog(definition))
        {
            log();
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            diagnostics.DispatchEventData(
                definition, new EventData(definition, (_, _) => message()), diagnosticSourceEnabled, simpleLogEnabled);
        }
    }

    // The code ConfigureWarnings' messages name, as EF names its own events (CoreEventId.X).
    private static string Code(EventId eventId) => $"{nameof(QueryServiceEventId)}.{eventId.Name}";
}
