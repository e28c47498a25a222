using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// One internal service provider per non-default dialect, built as an application may with
/// <c>AddEntityFrameworkQueryService</c>. The dialect shapes singleton services, so each one needs its own provider, and
/// EF's cache of the providers it builds itself turns a warning into an error past twenty: the suite's many
/// configurations (retries, row caps, token providers) come close to that already.
/// </summary>
internal static class DialectServiceProviders
{
    private static readonly ConcurrentDictionary<QueryServiceDialect, IServiceProvider> Providers = new();

    public static IServiceProvider For(QueryServiceDialect dialect)
        => Providers.GetOrAdd(
            dialect, _ => new ServiceCollection().AddEntityFrameworkNpgsql().AddEntityFrameworkQueryService().BuildServiceProvider());
}
