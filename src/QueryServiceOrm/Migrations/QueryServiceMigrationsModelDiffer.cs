using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using QueryServiceOrm.Diagnostics;

namespace QueryServiceOrm.Migrations;

/// <summary>
/// EF's model differ, unchanged, with warnings for what a migration asks and the service cannot keep: a primary key without
/// an identity namespace, NOT NULL, and a dataset dotnet ef scaffolded (its nested columns as JSON text). The differ runs
/// when <c>dotnet ef migrations add</c> writes a migration, so that is when the warnings come, naming the table and the column.
/// </summary>
internal sealed class QueryServiceMigrationsModelDiffer(
    IMigrationsModelDiffer inner, IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : IMigrationsModelDiffer
{
    public bool HasDifferences(IRelationalModel? source, IRelationalModel? target) => inner.HasDifferences(source, target);

    public IReadOnlyList<MigrationOperation> GetDifferences(IRelationalModel? source, IRelationalModel? target)
    {
        var operations = inner.GetDifferences(source, target);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation table:
                    WarnAboutTable(table, target);
                    break;
                case AddColumnOperation { IsNullable: false } column:
                    logger.NotNullNotWritten(column.Table, column.Name);
                    break;
                case AddPrimaryKeyOperation key when IdentityNamespace(target?.FindTable(key.Table, key.Schema), key.Columns) is null:
                    logger.KeyNotWritten(key.Table, string.Join(", ", key.Columns));
                    break;
            }
        }

        return operations;
    }

    private void WarnAboutTable(CreateTableOperation table, IRelationalModel? target)
    {
        // The migrations history is the library's own table, which nothing is ever read back from by key.
        var modelTable = target?.FindTable(table.Name, table.Schema);
        if (modelTable?.EntityTypeMappings.Any(m => m.TypeBase.ClrType == typeof(HistoryRow)) == true)
        {
            return;
        }

        var key = table.PrimaryKey?.Columns ?? [];
        if (key.Length > 0 && IdentityNamespace(modelTable, key) is null)
        {
            logger.KeyNotWritten(table.Name, string.Join(", ", key));
        }

        foreach (var column in table.Columns.Where(c => !c.IsNullable && !key.Contains(c.Name)))
        {
            logger.NotNullNotWritten(table.Name, column.Name);
        }

        if (table.Columns.FirstOrDefault(c => QueryServiceMigrationsSqlGenerator.IsScaffoldedJson(
                c, modelTable?.FindColumn(c.Name)?.PropertyMappings.Select(m => m.Property).FirstOrDefault())) is { } json)
        {
            logger.ScaffoldedTableInMigration(table.Name, QueryServiceMigrationsSqlGenerator.ScaffoldedJson(json.Name));
        }
    }

    // A one-column key whose property has HasPrimaryIdentity becomes PRIMARY IDENTITY NAMESPACE: that much the service keeps.
    private static string? IdentityNamespace(ITable? table, string[] columns)
        => columns is [var column]
            ? table?.FindColumn(column)?.PropertyMappings
                .Select(m => m.Property.GetPrimaryIdentityNamespace())
                .FirstOrDefault(n => n is not null)
            : null;
}
