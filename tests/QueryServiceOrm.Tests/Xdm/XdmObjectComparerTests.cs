using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Tests.Xdm;

/// <summary>XDM lists and maps compare by their JSON, so a model the library makes raises no EF warning about them.</summary>
public sealed class XdmObjectComparerTests
{
    [Test]
    public void The_sample_model_with_lists_and_maps_logs_no_comparer_warning()
    {
        using var logs = new CapturingLoggerProvider();
        var provider = new ServiceCollection()
            .AddEntityFrameworkQueryService()
            .AddSingleton(logs.CreateFactory())
            .BuildServiceProvider();
        using var db = new QueryServiceDbContextFactory<XdmSampleContext>(
            ContextFactories.ServiceCredentials, configureContext: o => o.UseInternalServiceProvider(provider)).CreateDbContext();

        _ = db.Model;
        Assert.That(
            logs.Entries.Where(
                e => e.Contains(
                    CoreEventId.CollectionWithoutComparer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    StringComparison.Ordinal)
                                             || e.Contains("value comparer", StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }

    [Test]
    public void Values_are_equal_by_their_json_and_snapshots_are_copies()
    {
        var comparer = new XdmObjectComparer<List<ProductListItem>>();
        var items = new List<ProductListItem> { new() { Sku = "A", Quantity = 1 } };
        var snapshot = comparer.Snapshot(items);
        items[0].Quantity = 2;
        Assert.Multiple(() =>
        {
            Assert.That(comparer.Equals(snapshot, [new ProductListItem { Sku = "A", Quantity = 1 }]), Is.True);
            Assert.That(comparer.Equals(snapshot, items), Is.False, "an element changed in place is a change");
            Assert.That(
                comparer.GetHashCode(snapshot), Is.EqualTo(comparer.GetHashCode([new ProductListItem { Sku = "A", Quantity = 1 }])));
        });
    }
}
