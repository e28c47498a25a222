using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QueryServiceOrm.Xdm;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Model configuration for XDM data.</summary>
public static class QueryServicePropertyBuilderExtensions
{
    /// <summary>
    /// Maps a property to an XDM object column (a struct). The whole object is
    /// read as JSON (<c>to_json(column)</c>) and materialised by XDM field names (<see cref="XdmNames"/>); its fields can be
    /// used in LINQ anywhere a scalar can, and become dot paths in SQL.
    /// </summary>
    /// <remarks>
    /// Why not EF's complex types: their columns are one per leaf (or a JSON document), while the service stores one struct
    /// per object, addressed by dot paths, and readable whole only as JSON. A value converter keeps the object one column,
    /// and the library's translators turn member access into the service's paths.
    /// </remarks>
    /// <typeparam name="TProperty">The C# class of the object.</typeparam>
    /// <param name="propertyBuilder">The property.</param>
    /// <returns>The same builder.</returns>
    public static PropertyBuilder<TProperty> IsXdmObject<TProperty>(this PropertyBuilder<TProperty> propertyBuilder)
        where TProperty : class?
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        return propertyBuilder.HasConversion(new XdmObjectConverter<TProperty>(), new XdmObjectComparer<TProperty>());
    }
}
