using System.Text;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Names in every statement the library writes (queries, appends, DDL, migrations) as the dialect writes them: on the
/// service, bare where Spark reads the name as it is and back-quoted otherwise, never double-quoted (Spark reads <c>"x"</c>
/// as a string). <see cref="SqlDialect.PathSegment"/> is the one place that decides it.
/// </summary>
internal sealed class QueryServiceSqlGenerationHelper(RelationalSqlGenerationHelperDependencies dependencies, SqlDialect dialect)
    : RelationalSqlGenerationHelper(dependencies)
{
    public override string DelimitIdentifier(string identifier) => dialect.PathSegment(identifier);

    public override void DelimitIdentifier(StringBuilder builder, string identifier) => builder.Append(dialect.PathSegment(identifier));

    public override string DelimitIdentifier(string name, string? schema)
        => schema is null ? DelimitIdentifier(name) : DelimitIdentifier(schema) + "." + DelimitIdentifier(name);

    public override void DelimitIdentifier(StringBuilder builder, string name, string? schema)
        => builder.Append(DelimitIdentifier(name, schema));
}
