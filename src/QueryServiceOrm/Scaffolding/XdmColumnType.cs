namespace QueryServiceOrm.Scaffolding;

/// <summary>
/// The structure of a column as the catalog shows it: a scalar store type, or an XDM object with its fields in the
/// dataset's order, an array of an element, a map of a value, or JSON text where the structure could not be read.
/// </summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="StoreType">
/// The store type as the server names it (<c>text</c>, <c>xdm_events_web</c>, <c>xdm_events_productlistitems_e[]</c>).
/// </param>
internal sealed record XdmColumnType(XdmValueKind Kind, string StoreType)
{
    /// <summary>The fields of an object, in the dataset's order (XDM name and structure).</summary>
    public IReadOnlyList<(string Name, XdmColumnType Type)> Fields { get; init; } = [];

    /// <summary>The element of an array, or the value of a map.</summary>
    public XdmColumnType? Element { get; init; }

    /// <summary>
    /// The C# class name of an object whose class XDM's standard names (<c>IdentityItem</c>), or null to name it after its field.
    /// </summary>
    public string? ClassName { get; init; }

    /// <summary>Whether this is nested data (anything but a scalar).</summary>
    public bool IsNested => Kind != XdmValueKind.Scalar;
}
