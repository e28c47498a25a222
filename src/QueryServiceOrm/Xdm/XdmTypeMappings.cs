using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace QueryServiceOrm.Xdm;

/// <summary>Type mappings for values inside XDM data: objects and arrays as JSON-read XDM values, leaves as usual.</summary>
internal sealed class XdmTypeMappings(IRelationalTypeMappingSource typeMappings)
{
    private readonly ConcurrentDictionary<Type, RelationalTypeMapping> _xdm = new();

    /// <summary>Whether an expression is an XDM object or array (a value a path can go into).</summary>
    public static bool IsXdm(SqlExpression expression) => IsXdm(expression.TypeMapping);

    /// <summary>
    /// Whether a mapping reads XDM data: the library's converter, or, in a compiled model (which rewrites converters as
    /// plain lambdas), any converter on a nested column type.
    /// </summary>
    public static bool IsXdm(CoreTypeMapping? mapping)
        => mapping?.Converter is IXdmObjectConverter
           || (mapping is RelationalTypeMapping { Converter: not null } relational && XdmStoreTypes.IsNested(relational.StoreType));

    /// <summary>The C# class an XDM mapping reads into.</summary>
    public static Type ObjectType(CoreTypeMapping mapping) => mapping.Converter!.ModelClrType;

    /// <summary>Whether an expression is a map, or lies inside one.</summary>
    /// <param name="expression">The expression.</param>
    public static bool IsUnderMap(SqlExpression expression)
        => expression switch
        {
            _ when IsMap(expression.Type) => true,
            XdmPathExpression path => IsUnderMap(path.Root),
            XdmIndexExpression index => IsUnderMap(index.Target),
            _ => false,
        };

    /// <summary>Whether a C# type is an XDM map.</summary>
    public static bool IsMap(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>);

    /// <summary>Whether a C# type is a list whose elements an index or a count reaches.</summary>
    public static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);

    /// <summary>The mapping for a value of a type found inside XDM data.</summary>
    public RelationalTypeMapping? For(Type type)
        => type.IsClass && type != typeof(string)
            ? _xdm.GetOrAdd(type, t => (RelationalTypeMapping)typeMappings.FindMapping(typeof(string))!.WithComposedConverter(
                (ValueConverter)Activator.CreateInstance(typeof(XdmObjectConverter<>).MakeGenericType(t))!))
            : typeMappings.FindMapping(type);
}
