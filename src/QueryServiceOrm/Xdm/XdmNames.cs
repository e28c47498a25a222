using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueryServiceOrm.Xdm;

/// <summary>
/// The XDM field name of a C# property: its <see cref="JsonPropertyNameAttribute"/> when it has one (for names C#
/// cannot use or spells differently: <c>URL</c>, <c>_luma</c>, <c>1stVisit</c>), otherwise the property name in camelCase.
/// The JSON read path and the SQL paths use the same rule, so they always agree.
/// </summary>
public static class XdmNames
{
    /// <summary>Serializer options that read and write XDM objects by the same names.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The XDM name of a property.</summary>
    /// <param name="property">The property.</param>
    public static string Of(MemberInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }
}
