using System.Reflection;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Scaffolding;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Design;

/// <summary>
/// Writes <c>optionsBuilder.UseQueryService("...")</c> into the OnConfiguring of a context <c>dotnet ef</c> scaffolds,
/// rather than Npgsql's <c>UseNpgsql</c>, which would lose the library's SQL and its reading of nested columns.
/// </summary>
/// <param name="dependencies">EF's dependencies of provider code generators.</param>
internal sealed class QueryServiceProviderCodeGenerator(ProviderCodeGeneratorDependencies dependencies)
    : ProviderCodeGenerator(dependencies)
{
    private static readonly MethodInfo UseQueryServiceMethod = typeof(QueryServiceDbContextOptionsBuilderExtensions).GetRuntimeMethod(
        nameof(QueryServiceDbContextOptionsBuilderExtensions.UseQueryService),
        [typeof(DbContextOptionsBuilder), typeof(string), typeof(Action<QueryServiceDbContextOptionsBuilder>)])!;

    /// <inheritdoc />
    public override MethodCallCodeFragment GenerateUseProvider(string connectionString, MethodCallCodeFragment? providerOptions)
        => new(
            UseQueryServiceMethod,
            providerOptions is null
                ? [connectionString]
                : [connectionString, new NestedClosureCodeFragment("o", providerOptions)]);
}
