namespace QueryServiceOrm.Rest;

/// <summary>The dataset an <c>insertIntoParameters</c> query appends to.</summary>
/// <param name="DatasetName">The dataset's name.</param>
public sealed record QueryServiceInsertIntoParameters(string DatasetName);
