namespace QueryServiceOrm.Storage;

/// <summary>EF's command builder, building the library's <see cref="QueryServiceRelationalCommand"/>.</summary>
internal sealed class QueryServiceRelationalCommandBuilder(RelationalCommandBuilderDependencies dependencies)
    : RelationalCommandBuilder(dependencies)
{
    public override IRelationalCommand Build()
    {
        var built = base.Build();
        return new QueryServiceRelationalCommand(Dependencies, built.CommandText, built.LogCommandText, built.Parameters);
    }
}
