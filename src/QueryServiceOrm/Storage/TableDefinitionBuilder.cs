using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Storage;

/// <summary>
/// The CREATE TABLE of an entity type with explicit columns in the service's types: scalars, XDM objects as ROW(...)
/// (composite types on the stand-in), lists as arrays, dictionaries as maps; the primary identity and the profile label
/// from the model.
/// </summary>
internal static class TableDefinitionBuilder
{
    /// <summary>The statements that create the entity type's table.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="dialect">The dialect.</param>
    /// <param name="sqlGenerationHelper">Delimits names.</param>
    /// <param name="ifNotExists">Whether to write <c>IF NOT EXISTS</c>.</param>
    public static IReadOnlyList<string> CreateTable(IEntityType entityType, SqlDialect dialect, ISqlGenerationHelper sqlGenerationHelper, bool ifNotExists = false)
    {
        var table = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table, so there is no table to create.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var definitions = new List<(string Name, string Definition)>();
        var columns = entityType.GetProperties()
            .Where(p => p.GetColumnName(store) is not null)
            .Select(p =>
            {
                var column = p.GetColumnName(store)!;
                var clrType = p.GetValueConverter() is IXdmObjectConverter xdm ? xdm.ObjectType : p.ClrType;
                var type = ColumnType(clrType, $"{table}_{column}".ToLowerInvariant(), dialect, definitions, $"{entityType.DisplayName()}.{p.Name}");
                var identity = p.GetPrimaryIdentityNamespace() is { } identityNamespace ? dialect.PrimaryIdentityClause(identityNamespace) : "";
                return $"{sqlGenerationHelper.DelimitIdentifier(column)} {type}{identity}";
            })
            .ToList();
        var create = $"CREATE TABLE {(ifNotExists ? "IF NOT EXISTS " : "")}{sqlGenerationHelper.DelimitIdentifier(table, entityType.GetSchema())} ({string.Join(", ", columns)})"
                     + (entityType.IsProfileDataset() ? dialect.ProfileDatasetClause : "");
        return dialect.CreateTableStatements(definitions, create);
    }

    private static string ColumnType(Type type, string typeName, SqlDialect dialect, List<(string Name, string Definition)> definitions, string member)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (dialect.ScalarColumnType(type) is { } scalar)
        {
            return scalar;
        }

        if (XdmTypeMappings.IsMap(type) && type.GetGenericArguments()[0] == typeof(string))
        {
            return dialect.MapColumnType(ColumnType(type.GetGenericArguments()[1], typeName + "_v", dialect, definitions, member));
        }

        if (XdmTypeMappings.IsList(type) || type.IsArray)
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            return dialect.ArrayColumnType(ColumnType(element, typeName + "_e", dialect, definitions, member));
        }

        if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null)
        {
            var fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && !p.IsDefined(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute)))
                .Select(p =>
                {
                    var name = XdmNames.Of(p);
                    return (name, ColumnType(p.PropertyType, $"{typeName}_{name.ToLowerInvariant()}", dialect, definitions, $"{member}.{p.Name}"));
                })
                .ToList();
            return dialect.StructColumnType(typeName, fields, definitions);
        }

        throw new NotSupportedException(
            $"{member} is a {type.Name}, which no Query Service column type holds exactly (XDM has strings, integers, doubles, booleans, "
            + "dates and timestamps; decimals are doubles): change the property's type or create the table with SQL.");
    }
}
