namespace QueryServiceOrm.Storage;

/// <summary>
/// Makes every command EF builds (query templates, the commands EF rents per execution, SaveChanges, raw SQL, migrations)
/// a <see cref="QueryServiceRelationalCommand"/>.
/// </summary>
internal sealed class QueryServiceRelationalCommandBuilderFactory(RelationalCommandBuilderDependencies dependencies)
    : IRelationalCommandBuilderFactory
{
    public IRelationalCommandBuilder Create() => new QueryServiceRelationalCommandBuilder(dependencies);
}
