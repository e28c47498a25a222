using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QueryServiceOrm.Metadata;

// ReSharper disable once CheckNamespace
namespace Microsoft.EntityFrameworkCore;

/// <summary>Dataset configuration for Query Service tables: primary identities and profile datasets.</summary>
public static partial class QueryServiceModelBuilderExtensions
{
    /// <summary>
    /// Makes a column the dataset's primary identity in an identity namespace (<c>PRIMARY IDENTITY NAMESPACE 'Email'</c>),
    /// written by <c>CreateTableAsync</c>; profile datasets upsert on it.
    /// </summary>
    /// <typeparam name="TProperty">The property type.</typeparam>
    /// <param name="propertyBuilder">The property.</param>
    /// <param name="identityNamespace">The namespace code, such as <c>Email</c> or <c>ECID</c>.</param>
    /// <returns>The same builder.</returns>
    public static PropertyBuilder<TProperty> HasPrimaryIdentity<TProperty>(
        this PropertyBuilder<TProperty> propertyBuilder, string identityNamespace)
    {
        ArgumentNullException.ThrowIfNull(propertyBuilder);
        return propertyBuilder.HasAnnotation(
            QueryServiceAnnotationNames.PrimaryIdentityNamespace,
            identityNamespace is not null && NamespacePattern().IsMatch(identityNamespace)
                ? identityNamespace
                : throw new ArgumentException(
                    $"'{identityNamespace}' is not an identity namespace code: use letters, digits and underscores.",
                    nameof(identityNamespace)));
    }

    /// <summary>
    /// Marks the entity's table as a profile dataset (<c>WITH (LABEL='PROFILE')</c>), written by <c>CreateTableAsync</c>.
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="entityTypeBuilder">The entity type.</param>
    /// <returns>The same builder.</returns>
    public static EntityTypeBuilder<TEntity> IsProfileDataset<TEntity>(this EntityTypeBuilder<TEntity> entityTypeBuilder)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entityTypeBuilder);
        return entityTypeBuilder.HasAnnotation(QueryServiceAnnotationNames.ProfileDataset, true);
    }

    /// <summary>The identity namespace of a property configured with <see cref="HasPrimaryIdentity{TProperty}"/>, or null.</summary>
    /// <param name="property">The property.</param>
    public static string? GetPrimaryIdentityNamespace(this IReadOnlyProperty property)
        => (string?)(property ?? throw new ArgumentNullException(nameof(property)))[QueryServiceAnnotationNames.PrimaryIdentityNamespace];

    /// <summary>Whether an entity type is configured with <see cref="IsProfileDataset{TEntity}"/>.</summary>
    /// <param name="entityType">The entity type.</param>
    public static bool IsProfileDataset(this IReadOnlyEntityType entityType)
        => (bool?)(entityType ?? throw new ArgumentNullException(nameof(entityType)))[QueryServiceAnnotationNames.ProfileDataset] == true;

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex NamespacePattern();
}
