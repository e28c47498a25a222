using QueryServiceOrm.Credentials;

namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// The options that shape singleton services, read once from the first context's options (EF's ISingletonOptions), so the
/// services also work in an internal service provider the application builds itself.
/// </summary>
internal sealed class QueryServiceSingletonOptions : ISingletonOptions
{
    public QueryServiceDialect Dialect { get; private set; } = QueryServiceDialect.Default;

    public QueryServiceAccessTokenProvider? AccessTokenProvider { get; private set; }

    public int RowCap { get; private set; } = QueryServiceQueryOptions.DefaultRowCap;

    public void Initialize(IDbContextOptions options)
    {
        var extension = Extension(options);
        Dialect = extension.Dialect;
        AccessTokenProvider = extension.AccessTokenProvider;
        RowCap = extension.QueryOptions.RowCap;
    }

    public void Validate(IDbContextOptions options)
    {
        var extension = Extension(options);
        if (extension.Dialect != Dialect
            || !ReferenceEquals(extension.AccessTokenProvider, AccessTokenProvider)
            || extension.QueryOptions.RowCap != RowCap)
        {
            throw new InvalidOperationException(
                "A context's Query Service options (dialect, token provider, row cap) differ from those the internal service provider "
                + "was built for: give each set of options its own service provider, "
                + "or let EF build them (do not call UseInternalServiceProvider).");
        }
    }

    private static QueryServiceOptionsExtension Extension(IDbContextOptions options)
        => options.FindExtension<QueryServiceOptionsExtension>()
           ?? throw new InvalidOperationException(
               "The Query Service services are registered in the internal service provider, "
               + "but the context is not configured with UseQueryService(...).");
}
