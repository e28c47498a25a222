using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Tests.Support;

internal static class SandboxCredentials
{
    /// <summary>
    /// The front and its token (what rotation changes) with the PostgreSql dialect the other library tests use, for tests
    /// about tokens whose only SQL (<c>SELECT 1 AS "Value"</c>) both dialects and the front read alike: the same dialect keeps
    /// EF's internal service providers shared with the rest of the run.
    /// </summary>
    public static QueryServiceCredentials TokenCredentials(this QueryServiceSandbox sandbox)
        => sandbox.Credentials(QueryServiceDialect.QueryService) with { Dialect = QueryServiceDialect.PostgreSql };
}
