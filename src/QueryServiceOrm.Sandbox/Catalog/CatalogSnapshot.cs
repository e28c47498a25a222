namespace QueryServiceOrm.Sandbox.Catalog;

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
        var candidates = _byName[table]
            .Where(t => name.Count < 2 || string.Equals(t.Schema, name[^2], StringComparison.OrdinalIgnoreCase))
            .ToList();
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
