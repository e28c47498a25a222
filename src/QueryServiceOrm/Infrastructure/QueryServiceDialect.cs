namespace QueryServiceOrm.Infrastructure;

/// <summary>
/// Which server the SQL is written for. This is the single switch for everything that differs between
/// Adobe Experience Platform Query Service and the PostgreSQL stand-in used for local work and tests.
/// </summary>
public enum QueryServiceDialect
{
    /// <summary>Adobe Experience Platform Query Service (Spark SQL behind a PostgreSQL wire front).</summary>
    QueryService,

    /// <summary>A real PostgreSQL server set up to look like Query Service (the local sandbox).</summary>
    PostgreSql,
}
