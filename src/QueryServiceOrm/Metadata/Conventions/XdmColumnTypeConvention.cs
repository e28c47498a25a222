using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Metadata.Conventions;

/// <summary>
/// Gives every XDM property (<c>IsXdmObject</c>) its nested column type, <c>ROW(...)</c>, <c>ARRAY&lt;...&gt;</c> or
/// <c>MAP&lt;...&gt;</c>, unless one was configured: <c>dotnet ef migrations add</c> then writes the structure into the
/// snapshot and the migration, and <c>dbcontext optimize</c> into the compiled model.
/// </summary>
/// <param name="dialect">The dialect, whose switches decide some of the types (a double's).</param>
internal sealed class XdmColumnTypeConvention(SqlDialect dialect) : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var property in modelBuilder.Metadata.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (property.GetValueConverter() is IXdmObjectConverter xdm && property.GetColumnType() is null
                && TableDefinitionBuilder.TryColumnType(
                    xdm.ObjectType, dialect, $"{property.DeclaringType.DisplayName()}.{property.Name}") is { } columnType)
            {
                property.Builder.HasColumnType(columnType);
            }
        }
    }
}
