namespace QueryServiceOrm.Metadata;

/// <summary>The model annotations this library reads.</summary>
internal static class QueryServiceAnnotationNames
{
    /// <summary>The identity namespace of a dataset's primary identity column (<c>PRIMARY IDENTITY NAMESPACE 'ns'</c>).</summary>
    public const string PrimaryIdentityNamespace = "QueryService:PrimaryIdentityNamespace";

    /// <summary>Whether a dataset is a profile dataset (<c>WITH (LABEL='PROFILE')</c>), upserting on its primary identity.</summary>
    public const string ProfileDataset = "QueryService:ProfileDataset";

    /// <summary>The snapshot clause of a table read at a snapshot (on the query's table expression, not the model).</summary>
    public const string Snapshot = "QueryService:Snapshot";
}
