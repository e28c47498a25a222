using Microsoft.EntityFrameworkCore.Metadata;
using QueryServiceOrm.Metadata;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Storage;

/// <summary>
/// The CREATE TABLE of an entity type with explicit columns in the service's types: scalars, XDM objects as ROW(...),
/// lists as arrays, dictionaries as maps; the primary identity and the profile label from the model.
/// </summary>
internal static class TableDefinitionBuilder
{
    /// <summary>The statement that creates the entity type's table.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="sqlGenerationHelper">Delimits names.</param>
    /// <param name="ifNotExists">Whether to write <c>IF NOT EXISTS</c>.</param>
    public static string CreateTable(
        IEntityType entityType, SqlDialect dialect, ISqlGenerationHelper sqlGenerationHelper, bool ifNotExists = false)
    {
        var (table, schema, mapped) = StoreColumns.Of(entityType, "there is no table to create");
        return CreateTable(
            table,
            schema,
            mapped.Select(c => new ColumnSpec(
                c.Column,
                StoredClrType(c.Property),
                c.Property.GetPrimaryIdentityNamespace(),
                $"{entityType.DisplayName()}.{c.Property.Name}",
                NestedType(c.Property.GetColumnType()))).ToList(),
            entityType.IsProfileDataset(),
            dialect,
            sqlGenerationHelper,
            ifNotExists);
    }

    /// <summary>The statement that creates a table of the given columns.</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="schema">Its schema, or null.</param>
    /// <param name="columns">The columns, in order.</param>
    /// <param name="profileDataset">Whether the table is a profile dataset.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="sqlGenerationHelper">Delimits names.</param>
    /// <param name="ifNotExists">Whether to write <c>IF NOT EXISTS</c>.</param>
    public static string CreateTable(
        string table,
        string? schema,
        IReadOnlyList<ColumnSpec> columns,
        bool profileDataset,
        SqlDialect dialect,
        ISqlGenerationHelper sqlGenerationHelper,
        bool ifNotExists)
    {
        var list = columns.Select(c => Column(c, dialect, sqlGenerationHelper));
        return $"CREATE TABLE {(ifNotExists ? "IF NOT EXISTS " : "")}{sqlGenerationHelper.DelimitIdentifier(table, schema)} "
               + $"({string.Join(", ", list)})"
               + (profileDataset ? SqlDialect.ProfileDatasetClause : "");
    }

    /// <summary>
    /// What a property stores: the object's class for XDM columns, the provider type of any other converter (an enum as
    /// text), else its own type.
    /// </summary>
    /// <param name="property">The property.</param>
    public static Type StoredClrType(IReadOnlyProperty property)
        => property.GetTypeMapping() is var mapping && XdmTypeMappings.IsXdm(mapping)
            ? XdmTypeMappings.ObjectType(mapping)
            : mapping.Converter?.ProviderClrType ?? property.ClrType;

    /// <summary>A column type that is one of the service's nested types, which a column then keeps as it is; else null.</summary>
    /// <param name="columnType">The configured column type, if any.</param>
    public static string? NestedType(string? columnType) => XdmStoreTypes.IsNested(columnType) ? columnType : null;

    /// <summary>The nested column type of an XDM class, or null where no Query Service type holds it (CREATE TABLE says why).</summary>
    /// <param name="type">The class, list or dictionary.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="member">The property, for the message.</param>
    public static string? TryColumnType(Type type, SqlDialect dialect, string member)
    {
        try
        {
            return NestedType(ColumnType(type, dialect, member));
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static string Column(ColumnSpec column, SqlDialect dialect, ISqlGenerationHelper sqlGenerationHelper)
    {
        var identity = column.IdentityNamespace is { } identityNamespace ? SqlDialect.PrimaryIdentityClause(identityNamespace) : "";
        return $"{sqlGenerationHelper.DelimitIdentifier(column.Name)} "
               + $"{column.NestedType ?? ColumnType(column.ClrType, dialect, column.Member)}{identity}";
    }

    private static string ColumnType(Type type, SqlDialect dialect, string member, int depth = 0)
    {
        if (depth > 32)
        {
            throw new NotSupportedException(
                $"{member} nests XDM values more than 32 levels deep (a class inside itself?): no table can hold it.");
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(byte[]))
        {
            throw new NotSupportedException(
                $"{member} is binary data, which no Query Service column type holds: store it as a base64 string.");
        }

        if (dialect.ScalarColumnType(type) is { } scalar)
        {
            return scalar;
        }

        if (XdmTypeMappings.IsMap(type) && type.GetGenericArguments()[0] == typeof(string))
        {
            return SqlDialect.MapColumnType(ColumnType(type.GetGenericArguments()[1], dialect, member, depth + 1));
        }

        if (XdmNames.ElementType(type) is { } element)
        {
            return SqlDialect.ArrayColumnType(ColumnType(element, dialect, member, depth + 1));
        }

        if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null)
        {
            var fields = XdmNames.Fields(type)
                .Select(f => (f.Name, ColumnType(f.Property.PropertyType, dialect, $"{member}.{f.Property.Name}", depth + 1)))
                .ToList();
            return dialect.StructColumnType(fields);
        }

        throw new NotSupportedException(
            $"{member} is a {type.Name}, which no Query Service column type holds exactly (XDM has strings, integers, doubles, booleans, "
            + "dates and timestamps; decimals are doubles): change the property's type or create the table with SQL.");
    }
}
