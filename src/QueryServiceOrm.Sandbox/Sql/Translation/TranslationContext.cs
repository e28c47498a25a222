using QueryServiceOrm.Sandbox.Catalog;
using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>What translating one statement needs and collects: the catalog, the session, CTEs, struct shapes to make.</summary>
internal sealed class TranslationContext(CatalogSnapshot catalog, FrontSession session, IReadOnlyList<int> parameterTypes)
{
    private readonly List<Dictionary<string, CteBinding>> _ctes = [];
    private readonly Dictionary<string, StructType> _structs = new(StringComparer.Ordinal);
    private int _aliases;

    public CatalogSnapshot Catalog { get; } = catalog;

    public FrontSession Session { get; } = session;

    public IReadOnlyList<int> ParameterTypes { get; } = parameterTypes;

    /// <summary>The struct shapes the statement builds, each needing a composite type on the backend (inner ones first).</summary>
    public IReadOnlyList<StructType> RequiredStructs => [.. _structs.Values];

    /// <summary>A fresh alias for a relation the front adds (generators, semi joins, unnamed subqueries).</summary>
    public string NewAlias(string prefix) => $"{prefix}_{++_aliases}";

    /// <summary>The struct type of a shape, its composite type made before the statement runs.</summary>
    public StructType Struct(IReadOnlyList<StructField> fields)
    {
        foreach (var field in fields)
        {
            Require(field.Type);
        }

        var shape = StructType.Named(fields, BackendCatalog.StructTypeName);
        _structs.TryAdd(shape.PgTypeName, shape);
        return shape;
    }

    /// <summary>Makes sure every front-made struct inside a type exists (catalog composites exist already).</summary>
    public void Require(SparkType type)
    {
        switch (type)
        {
            case StructType s when s.PgTypeName.StartsWith("\"" + PgSql.StructSchema + "\"", StringComparison.Ordinal):
                foreach (var field in s.Fields)
                {
                    Require(field.Type);
                }

                _structs.TryAdd(s.PgTypeName, s);
                break;
            case StructType s:
                foreach (var field in s.Fields)
                {
                    Require(field.Type);
                }

                break;
            case ArrayType a:
                Require(a.Element);
                break;
            case MapType m:
                Require(m.Value);
                break;
        }
    }

    public void PushCtes() => _ctes.Add(new Dictionary<string, CteBinding>(StringComparer.OrdinalIgnoreCase));

    public void PopCtes() => _ctes.RemoveAt(_ctes.Count - 1);

    public void AddCte(CteBinding binding)
    {
        if (!_ctes[^1].TryAdd(binding.Name, binding))
        {
            throw new ServiceErrorException(ServiceRules.SyntaxError($"The CTE name '{binding.Name}' is used twice.", -1));
        }
    }

    public CteBinding? Cte(string name)
    {
        for (var i = _ctes.Count - 1; i >= 0; i--)
        {
            if (_ctes[i].TryGetValue(name, out var binding))
            {
                return binding;
            }
        }

        return null;
    }
}
