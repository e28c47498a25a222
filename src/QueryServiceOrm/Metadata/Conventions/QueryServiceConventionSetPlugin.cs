using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace QueryServiceOrm.Metadata.Conventions;

/// <summary>
/// Adds the library's conventions after the provider's (<see cref="AppendOnlyModelConvention"/>, <see cref="XdmColumnTypeConvention"/>).
/// </summary>
internal sealed class QueryServiceConventionSetPlugin(Storage.SqlDialect dialect) : IConventionSetPlugin
{
    public ConventionSet ModifyConventions(ConventionSet conventionSet)
    {
        var convention = new AppendOnlyModelConvention();
        conventionSet.ModelInitializedConventions.Add(convention);
        conventionSet.ModelFinalizingConventions.Add(convention);
        conventionSet.ModelFinalizedConventions.Add(convention);
        conventionSet.ModelFinalizingConventions.Add(new XdmColumnTypeConvention(dialect));
        return conventionSet;
    }
}
