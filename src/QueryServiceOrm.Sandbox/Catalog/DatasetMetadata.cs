using System.Text.Json;

namespace QueryServiceOrm.Sandbox.Catalog;

/// <summary>
/// What the service keeps about a dataset beyond its columns: its labels (PROFILE), the XDM schema it was made with, its
/// description, and its identities. The sandbox keeps them as a JSON comment on the table, so they live and die with it.
/// </summary>
internal sealed record DatasetMetadata
{
    private const string Prefix = "qsorm:";

    public static readonly DatasetMetadata None = new();

    public IReadOnlyList<string> Labels { get; init; } = [];

    public string? XdmSchema { get; init; }

    public string? Description { get; init; }

    /// <summary>The columns that are identities, with their namespace; the primary one first.</summary>
    public IReadOnlyList<DatasetIdentity> Identities { get; init; } = [];

    /// <summary>The dataset id SHOW TABLES shows.</summary>
    public string? DataSetId { get; init; }

    public string ToComment() => Prefix + JsonSerializer.Serialize(this);

    public static DatasetMetadata FromComment(string? comment)
    {
        if (comment is null || !comment.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return comment is null ? None : new DatasetMetadata { Description = comment };
        }

        try
        {
            return JsonSerializer.Deserialize<DatasetMetadata>(comment[Prefix.Length..]) ?? None;
        }
        catch (JsonException)
        {
            return None;
        }
    }
}
