using System.Text.Json.Serialization;

namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>_luma.reservedWordTest</c>: a reserved word and a digit-led name as field names.</summary>
public sealed class ReservedWordTest
{
    /// <summary><c>order</c>.</summary>
    public string? Order { get; set; }

    /// <summary><c>1stVisit</c>.</summary>
    [JsonPropertyName("1stVisit")]
    public bool? FirstVisit { get; set; }
}
