using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Query;

public sealed class ParameterModeTests
{
    [Test]
    public async Task Inline_writes_values_and_bind_sends_parameters_with_literal_limits()
    {
        var name = "Ann O'Neil";
        var ids = new[] { 3, 4 };
        var take = 3;
        Func<ShopContext, Task> query = db
            => db.Customers.Where(c => c.Name == name || ids.Contains(c.Id)).OrderBy(c => c.Id).Skip(1).Take(take).ToListAsync();

        var inline = await ContextFactories.ServiceSqlAsync(query);
        var bind = await ContextFactories.ServiceSqlAsync(query, o => o.ParameterMode(QueryServiceParameterMode.Bind));

        Assert.Multiple(() =>
        {
            Assert.That(inline, Does.Contain(@"c.name = 'Ann O\u0027Neil'").And.Contain("c.id IN (3, 4)").And.Not.Contain("@"));
            Assert.That(bind, Does.Contain("c.name = @").And.Contain("c.id IN (@").And.Not.Contain("ANY"));
            Assert.That(inline, Does.EndWith("LIMIT 3 OFFSET 1"));
            Assert.That(bind, Does.EndWith("LIMIT 3 OFFSET 1"), "LIMIT and OFFSET stay literals");
            Assert.That(QueryServiceSqlConformance.Violations(inline), Is.Empty);
            Assert.That(QueryServiceSqlConformance.Violations(bind), Is.Empty);
        });
    }

    [Test]
    public async Task Both_modes_return_the_same_rows_on_the_stand_in()
    {
        var sandbox = await ShopData.SeedAsync();
        var city = "O'Fallon";
        var statuses = new[] { "paid", "new" };
        async Task<List<int>> RunAsync(QueryServiceParameterMode mode)
        {
            await using var db = new QueryServiceDbContextFactory<ShopContext>(
                sandbox.Credentials(), o => o.ParameterMode(mode)).CreateDbContext();
            return await db.Orders.Where(o => o.Customer!.City == city && statuses.Contains(o.Status))
                .OrderBy(o => o.Id)
                .Select(o => o.Id)
                .ToListAsync();
        }

        var inline = await RunAsync(QueryServiceParameterMode.Inline);
        var bind = await RunAsync(QueryServiceParameterMode.Bind);
        var expected = await sandbox.PsqlAsync(
            "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.city = 'O''Fallon' AND o.status IN ('paid', "
            + "'new') ORDER BY o.id");

        Assert.Multiple(() =>
        {
            Assert.That(inline, Is.Not.Empty);
            Assert.That(inline, Is.EqualTo(bind));
            Assert.That(
                inline.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(expected.Select(r => r[0])));
        });
    }
}
