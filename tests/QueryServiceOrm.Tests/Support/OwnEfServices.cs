using Microsoft.Extensions.DependencyInjection;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// EF services of a context's own, built with <c>AddEntityFrameworkQueryService</c> as an application with one OAuth
/// credential per tenant would build them. A token provider is part of EF's service-provider key, and the suite makes many
/// for one test each: past twenty providers in EF's own cache, EF's warning becomes an error in every later test.
/// </summary>
internal static class OwnEfServices
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options)
        => options.UseInternalServiceProvider(new ServiceCollection().AddEntityFrameworkQueryService().BuildServiceProvider());
}
