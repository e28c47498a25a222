using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace QueryServiceOrm.Diagnostics;

/// <summary>
/// The library's migrations warnings as EF events: logged where EF logs (dotnet ef prints them at <c>migrations add</c>),
/// and subject to <c>ConfigureWarnings</c> like EF's own (<c>w.Throw(QueryServiceEventId.KeyNotWritten)</c>).
/// </summary>
internal static class QueryServiceMigrationsLoggerExtensions
{
    public static void KeyNotWritten(this IDiagnosticsLogger<DbLoggerCategory.Migrations> diagnostics, string table, string columns)
        => Log(diagnostics, QueryServiceEventId.KeyNotWritten,
            "Table '{table}': its primary key ({columns}) is not written, nor its NOT NULL: a Query Service key is an identity namespace. "
            + "Configure the key property with HasPrimaryIdentity(\"<namespace>\") to write PRIMARY IDENTITY NAMESPACE, or keep the key in the model only.",
            table, columns);

    public static void NotNullNotWritten(this IDiagnosticsLogger<DbLoggerCategory.Migrations> diagnostics, string table, string column)
        => Log(diagnostics, QueryServiceEventId.NotNullNotWritten,
            "Table '{table}', column '{column}': NOT NULL is not written: Query Service's CREATE TABLE and ADD COLUMN have no NOT NULL, "
            + "so the column takes NULLs; check values before appending them if they must not be missing.",
            table, column);

    public static void ScaffoldedTableInMigration(this IDiagnosticsLogger<DbLoggerCategory.Migrations> diagnostics, string table, string reason)
        => Log(diagnostics, QueryServiceEventId.ScaffoldedTableInMigration, "Table '{table}': {reason}", table, reason);

    private static void Log(IDiagnosticsLogger<DbLoggerCategory.Migrations> diagnostics, EventId eventId, string format, string table, string detail)
    {
        var definition = new EventDefinition<string, string>(
            diagnostics.Options, eventId, LogLevel.Warning, $"{nameof(QueryServiceEventId)}.{eventId.Name}",
            level => LoggerMessage.Define<string, string>(level, eventId, format));
        if (diagnostics.ShouldLog(definition))
        {
            definition.Log(diagnostics, table, detail);
        }

        if (diagnostics.NeedsEventData(definition, out var diagnosticSourceEnabled, out var simpleLogEnabled))
        {
            diagnostics.DispatchEventData(
                definition, new EventData(definition, (d, _) => ((EventDefinition<string, string>)d).GenerateMessage(table, detail)), diagnosticSourceEnabled, simpleLogEnabled);
        }
    }
}
