using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>The SQL for the PostgreSQL stand-in, which has no SHOW TABLES.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    public override QueryServiceDialect Kind => QueryServiceDialect.PostgreSql;

    // Query Service shows datasets in schema public; the stand-in keeps them there too.
    public override string TableNamesSql =>
        "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname";
}
