namespace QueryServiceOrm.Sandbox.Rest;

/// <summary>An item of a paged list of the API (a query, a template): what its order and paging read.</summary>
internal interface IRestListed
{
    string Id { get; }

    DateTimeOffset Created { get; }

    DateTimeOffset Updated { get; }
}
