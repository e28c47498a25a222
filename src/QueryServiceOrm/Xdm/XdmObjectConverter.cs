using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// Reads an XDM object from the JSON text of its column (Query Service's <c>to_json(col)</c> or <c>auto_to_json</c>), by XDM
/// field names (<see cref="XdmNames"/>).
/// </summary>
/// <typeparam name="T">The C# class of the object.</typeparam>
internal sealed class XdmObjectConverter<T>() : ValueConverter<T, string>(
    value => JsonSerializer.Serialize(value, XdmNames.Json),
    json => JsonSerializer.Deserialize<T>(json, XdmNames.Json)!), IXdmObjectConverter
    where T : class?
{
    /// <inheritdoc />
    public Type ObjectType => typeof(T);
}
