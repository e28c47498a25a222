using QueryServiceOrm.Sandbox.Sql.Translation;

namespace QueryServiceOrm.Sandbox.Catalog;

/// <summary>A column as the front sees it: its name, its Spark type, and the comment it was made with.</summary>
internal sealed record CatalogColumn(string Name, SparkType Type, bool NotNull);

/// <summary>A table or view of the backend, as a dataset of the service.</summary>
/// <param name="Schema">Its schema (<c>public</c> for the sandbox's datasets).</param>
/// <param name="Name">Its name.</param>
/// <param name="IsView">Whether it is a view.</param>
/// <param name="Owner">The backend role that owns it (the user's tables are the user's; the datasets the superuser's).</param>
/// <param name="Columns">Its columns, in order.</param>
/// <param name="Metadata">What the service shows about it (labels, XDM schema, description).</param>
internal sealed record CatalogTable(string Schema, string Name, bool IsView, string Owner, IReadOnlyList<CatalogColumn> Columns, DatasetMetadata Metadata)
{
    public CatalogColumn? Column(string name)
        => Columns.FirstOrDefault(c => c.Name == name) ?? Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The name as SQL for the backend, schema-qualified and quoted.</summary>
    public string Sql => $"{PgSql.Identifier(Schema)}.{PgSql.Identifier(Name)}";
}

/// <summary>What the front reads of the backend's catalog at one catalog version.</summary>
internal sealed class CatalogSnapshot
{
    private readonly ILookup<string, CatalogTable> _byName;

    public CatalogSnapshot(long version, IReadOnlyList<CatalogTable> tables, IReadOnlySet<string> structTypes)
    {
        Version = version;
        Tables = tables;
        StructTypes = structTypes;
        _byName = tables.ToLookup(t => t.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The catalog version this was read at (bumped by every DDL on the backend).</summary>
    public long Version { get; }

    public IReadOnlyList<CatalogTable> Tables { get; }

    /// <summary>The composite types the front has made for struct shapes (their unqualified names).</summary>
    public IReadOnlySet<string> StructTypes { get; }

    /// <summary>
    /// A table by its Spark name: <c>t</c> (in <c>public</c> first, else the one schema that has it) or <c>s.t</c>; names are
    /// matched ignoring case, an exact match first.
    /// </summary>
    public CatalogTable? Find(IReadOnlyList<string> name)
    {
        var table = name[^1];
        var candidates = _byName[table].Where(t => name.Count < 2 || string.Equals(t.Schema, name[^2], StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count > 1)
        {
            candidates = candidates.Where(t => t.Name == table).DefaultIfEmpty(candidates[0]).ToList();
        }

        if (name.Count < 2 && candidates.Count > 1)
        {
            return candidates.FirstOrDefault(t => t.Schema == "public") ?? candidates[0];
        }

        return candidates.FirstOrDefault();
    }
}
