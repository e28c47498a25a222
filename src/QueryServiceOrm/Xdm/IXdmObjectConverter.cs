namespace QueryServiceOrm.Xdm;

/// <summary>Marks the converters of XDM object properties, whose columns are read as JSON (<c>to_json(column)</c>).</summary>
internal interface IXdmObjectConverter
{
    /// <summary>The C# type of the object.</summary>
    Type ObjectType { get; }
}
