using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Storage;

public sealed class TableNamesTests
{
    [Test]
    public async Task Lists_the_tables_of_the_sandbox_in_ordinal_order()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await sandbox.ExecuteAdminAsync(
            "DROP TABLE IF EXISTS names_b, \"names_A\", names_c; " +
            "CREATE TABLE names_b (id int); CREATE TABLE \"names_A\" (id int); CREATE TABLE names_c (id int); " +
            $"ALTER TABLE names_b OWNER TO \"{sandbox.Username}\"");

        await using var context = new QueryServiceDbContextFactory<EmptyContext>(sandbox.Credentials()).CreateDbContext();
        var names = await context.Database.GetTableNamesAsync();

        Assert.That(
            names.Where(n => n.StartsWith("names_", StringComparison.OrdinalIgnoreCase)),
            Is.EqualTo(new[] { "names_A", "names_b", "names_c" }));
    }

    [Test]
    public async Task The_service_dialect_sends_SHOW_TABLES_and_the_emulator_answers_it()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await using var context = new QueryServiceDbContextFactory<EmptyContext>(
            sandbox.Credentials()).CreateDbContext();

        var names = await context.Database.GetTableNamesAsync();
        var reference = await sandbox.PsqlAsync("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
        Assert.Multiple(() =>
        {
            Assert.That(names.Order(StringComparer.Ordinal), Is.EqualTo(reference.Select(r => r[0]).Order(StringComparer.Ordinal)));
            Assert.That(sandbox.ReadJournal().Select(e => e.Sql), Has.Some.EqualTo("SHOW TABLES"), "sent as written");
        });
    }

    [Test]
    public void A_context_not_configured_for_the_service_is_refused()
    {
        using var context = new EmptyContext(new DbContextOptionsBuilder<EmptyContext>().UseNpgsql("Host=127.0.0.1").Options);
        Assert.Multiple(() =>
        {
            Assert.That(context.Database.IsQueryService(), Is.False);
            Assert.That(
                () => context.Database.GetTableNamesAsync(), Throws.InvalidOperationException.With.Message.Contains("UseQueryService"));
        });
    }
}
