namespace QueryServiceOrm.Rest;

/// <summary>The new dataset of a CTAS submitted through <c>ctasParameters</c>.</summary>
/// <param name="DatasetName">The dataset's name.</param>
/// <param name="Description">Its description.</param>
/// <param name="TargetSchemaTitle">The title of an existing XDM schema the dataset follows, if any.</param>
public sealed record QueryServiceCtasParameters(string DatasetName, string? Description = null, string? TargetSchemaTitle = null);
