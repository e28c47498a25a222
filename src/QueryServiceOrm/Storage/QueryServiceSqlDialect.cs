using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>The SQL that Adobe documents for Query Service.</summary>
internal sealed class QueryServiceSqlDialect : SqlDialect
{
    public override QueryServiceDialect Kind => QueryServiceDialect.QueryService;

    // Documented catalog command (sql/metadata); its first column is the table name. pg_catalog coverage is undocumented.
    public override string TableNamesSql => "SHOW TABLES";
}
