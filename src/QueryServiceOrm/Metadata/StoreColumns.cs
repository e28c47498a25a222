using Microsoft.EntityFrameworkCore.Metadata;

namespace QueryServiceOrm.Metadata;

/// <summary>The table an entity type is mapped to, and its properties with their column names there.</summary>
/// <param name="Table">The table name.</param>
/// <param name="Schema">The schema, or null.</param>
/// <param name="Columns">The mapped properties and their columns, in the model's order.</param>
internal sealed record StoreColumns(string Table, string? Schema, IReadOnlyList<(IProperty Property, string Column)> Columns)
{
    /// <summary>The table and columns of an entity type.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="purpose">What needs the table, for the error when there is none ("there is nothing to append to").</param>
    public static StoreColumns Of(IEntityType entityType, string purpose)
    {
        var table = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table, so {purpose}.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        return new StoreColumns(
            table,
            entityType.GetSchema(),
            entityType.GetProperties()
                .Select(p => (p, p.GetColumnName(store)))
                .Where(c => c.Item2 is not null)
                .Select(c => (c.p, c.Item2!))
                .ToList());
    }
}
