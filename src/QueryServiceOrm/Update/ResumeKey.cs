using Microsoft.EntityFrameworkCore.Metadata;

namespace QueryServiceOrm.Update;

/// <summary>The key column a resume asks the table by: the one column of the table's primary key.</summary>
/// <param name="Table">The table.</param>
/// <param name="Schema">Its schema, or null.</param>
/// <param name="Column">The column of the primary key.</param>
/// <param name="Property">The entity type's key property, whose values the column holds.</param>
internal sealed record ResumeKey(string Table, string? Schema, string Column, IProperty Property)
{
    /// <summary>The key of an entity type whose rows an append left uncertain.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="uncertainRows">How many of its rows are uncertain, for the errors.</param>
    /// <exception cref="InvalidOperationException">The entity type has no single-column key in one table.</exception>
    public static ResumeKey For(IEntityType entityType, int uncertainRows)
    {
        var question = $"which of the {uncertainRows} rows of the statement whose outcome is unknown landed cannot be asked of the table";
        var key = entityType.FindPrimaryKey()
            ?? throw new InvalidOperationException(
                $"{entityType.DisplayName()} has no key, so {question}. Configure a key (HasKey) whose values are unique to each entity "
                + "for an exactly-once resume, or look those rows up by a value of your own before appending them again.");
        if (key.Properties.Count != 1)
        {
            throw new InvalidOperationException(
                $"{entityType.DisplayName()}'s key has {key.Properties.Count} properties; "
                + $"a resume asks the table by a one-column key, so {question}. "
                + "Look those rows up by your own query before appending them again.");
        }

        var tables = entityType.GetTableMappings().Select(m => m.Table).Distinct().ToList();
        if (tables.Count != 1)
        {
            throw new InvalidOperationException(
                $"{entityType.DisplayName()} is stored in {tables.Count} tables, "
                + $"so a row found in one does not prove the entity landed: {question}. "
                + "Look the entities up by your own queries before saving them again.");
        }

        var table = tables[0];
        var column = table.FindColumn(key.Properties[0])!;
        return new ResumeKey(table.Name, table.Schema, column.Name, key.Properties[0]);
    }
}
