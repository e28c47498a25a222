using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// Compares and snapshots XDM values by their JSON, the form the column holds: a list or dictionary changed in place is
/// then seen as changed, and EF has no reference comparison to warn about.
/// </summary>
/// <typeparam name="T">The C# class, list or dictionary.</typeparam>
internal sealed class XdmObjectComparer<T>() : ValueComparer<T>(
    (left, right) => JsonSerializer.Serialize(left, XdmNames.Json) == JsonSerializer.Serialize(right, XdmNames.Json),
    value => JsonSerializer.Serialize(value, XdmNames.Json).GetHashCode(StringComparison.Ordinal),
    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, XdmNames.Json), XdmNames.Json)!)
    where T : class?;
