namespace QueryServiceOrm.Scaffolding;

/// <summary>What kind of value a column or an XDM field holds.</summary>
internal enum XdmValueKind
{
    /// <summary>A scalar: string, number, boolean, date, timestamp.</summary>
    Scalar,

    /// <summary>An XDM object: a struct (a composite type in the PostgreSQL-shaped catalog).</summary>
    Object,

    /// <summary>An array of values.</summary>
    Array,

    /// <summary>A map with string keys (jsonb in the PostgreSQL-shaped catalog).</summary>
    Map,

    /// <summary>A nested value whose structure the catalog did not give: read as JSON text.</summary>
    Json,
}
