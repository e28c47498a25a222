using System.Diagnostics.CodeAnalysis;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Query;

/// <summary>Creates <see cref="QueryServiceQuerySqlGenerator"/> instances in place of Npgsql's.</summary>
[SuppressMessage(
    "Usage",
    "EF1001:Internal EF Core API usage.",
    Justification = "Reads Npgsql's internal singleton options: its generator needs the PostgreSQL version.")]
internal sealed class QueryServiceQuerySqlGeneratorFactory(
    QuerySqlGeneratorDependencies dependencies,
    IRelationalTypeMappingSource typeMappingSource,
    INpgsqlSingletonOptions npgsqlOptions,
    SqlDialect dialect,
    QueryServiceSingletonOptions options) : IQuerySqlGeneratorFactory
{
    public QuerySqlGenerator Create()
        => new QueryServiceQuerySqlGenerator(dependencies, typeMappingSource, npgsqlOptions.PostgresVersion, dialect, options.RowCap);
}
