using System.Data;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Maps the service's nested column types (<see cref="XdmStoreTypes"/>) for the JSON text a nested value is read as: an XDM
/// property's converter reads it into the object, and a migration's target model, which has no converter, keeps the type.
/// </summary>
internal sealed class QueryServiceTypeMappingSourcePlugin : IRelationalTypeMappingSourcePlugin
{
    public RelationalTypeMapping? FindMapping(in RelationalTypeMappingInfo mappingInfo)
        => XdmStoreTypes.IsNested(mappingInfo.StoreTypeName) && (mappingInfo.ClrType is null || mappingInfo.ClrType == typeof(string))
            ? new StringTypeMapping(mappingInfo.StoreTypeName!, DbType.String)
            : null;
}
