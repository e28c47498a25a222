using QueryServiceOrm.Update;

namespace QueryServiceOrm.Tests.Update;

/// <summary>What the data lake cannot do is refused before any statement leaves, with what to do instead.</summary>
[NonParallelizable]
public sealed class AppendOnlyRefusalTests
{
    private QueryServiceSandbox _sandbox = null!;

    [SetUp]
    public async Task CreateTables()
    {
        _sandbox = await XdmData.SeedAsync();
        await AppendContext.CreateTablesAsync(_sandbox);
        await _sandbox.ExecuteAdminAsync(
            """INSERT INTO append_rows ("Id", "Name", "At", "Flag") VALUES (1, 'one', now(), true), (2, 'two', now(), false)""");
    }

    private static void AssertRefusal(QueryServiceAppendOnlyException refusal, params string[] naming)
        => Assert.Multiple(() =>
        {
            foreach (var name in naming)
            {
                Assert.That(refusal.Message, Does.Contain(name));
            }

            Assert.That(refusal.Message, Does.Contain("append-only"));
            Assert.That(refusal.Message, Does.Contain("CreateTableAsAsync (CTAS)"));
            Assert.That(refusal.Message, Does.Contain("upsert on their primary identity"));
        });

    private async Task AssertNothingSentAsync(Func<IReadOnlyList<string>> newStatements)
    {
        Assert.That(newStatements(), Is.Empty, "no statement reached the server");
        Assert.That(await _sandbox.PsqlAsync("""SELECT "Id", "Name" FROM append_rows ORDER BY "Id" """),
            Is.EqualTo(new[] { new[] { "1", "one" }, new[] { "2", "two" } }));
    }

    [Test]
    public async Task SaveChanges_with_a_modified_entity_is_refused_whole_even_beside_added_ones()
    {
        var (db, newStatements) = AppendContext.Open(_sandbox, "refusals");
        await using (db)
        {
            // Reads track nothing unless asked (UseQueryService's default); this one asks.
            var existing = await db.Rows.AsTracking().SingleAsync(r => r.Id == 1);
            existing.Name = "changed";
            db.Rows.Add(new AppendRow { Id = 3, Name = "three", At = DateTime.UtcNow });

            var statementsBefore = newStatements().Count;
            AssertRefusal(Assert.ThrowsAsync<QueryServiceAppendOnlyException>(() => db.SaveChangesAsync())!, "1 AppendRow modified");
            Assert.That(newStatements(), Has.Count.EqualTo(statementsBefore), "the read was the only statement");
        }

        Assert.That(await _sandbox.PsqlAsync("""SELECT count(*) FROM append_rows"""), Is.EqualTo(new[] { new[] { "2" } }));
    }

    [Test]
    public async Task SaveChanges_after_Update_of_an_untracked_read_is_refused()
    {
        var (db, newStatements) = AppendContext.Open(_sandbox, "refusals");
        await using (db)
        {
            var existing = await db.Rows.SingleAsync(r => r.Id == 1);
            Assert.That(db.Entry(existing).State, Is.EqualTo(EntityState.Detached), "reads track nothing by default");
            existing.Name = "changed";
            db.Update(existing);

            var statementsBefore = newStatements().Count;
            AssertRefusal(Assert.ThrowsAsync<QueryServiceAppendOnlyException>(() => db.SaveChangesAsync())!, "1 AppendRow modified");
            Assert.That(newStatements(), Has.Count.EqualTo(statementsBefore), "the read was the only statement");
        }

        Assert.That(await _sandbox.PsqlAsync("""SELECT "Name" FROM append_rows WHERE "Id" = 1"""), Is.EqualTo(new[] { new[] { "one" } }));
    }

    [Test]
    public async Task SaveChanges_with_a_deleted_entity_is_refused()
    {
        var (db, newStatements) = AppendContext.Open(_sandbox, "refusals");
        await using (db)
        {
            db.Rows.Remove(new AppendRow { Id = 2 });
            AssertRefusal(Assert.Throws<QueryServiceAppendOnlyException>(() => db.SaveChanges())!, "1 AppendRow deleted");
        }

        await AssertNothingSentAsync(newStatements);
    }

    [Test]
    public async Task ExecuteUpdate_is_refused()
    {
        var (db, newStatements) = AppendContext.Open(_sandbox, "refusals");
        await using (db)
        {
            AssertRefusal(
                Assert.ThrowsAsync<QueryServiceAppendOnlyException>(
                    () => db.Rows.Where(r => r.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, "x")))!,
                "ExecuteUpdate");
        }

        await AssertNothingSentAsync(newStatements);
    }

    [Test]
    public async Task ExecuteDelete_is_refused()
    {
        var (db, newStatements) = AppendContext.Open(_sandbox, "refusals");
        await using (db)
        {
            AssertRefusal(
                Assert.Throws<QueryServiceAppendOnlyException>(() => db.Rows.Where(r => r.Id == 2).ExecuteDelete())!, "ExecuteDelete");
        }

        await AssertNothingSentAsync(newStatements);
    }
}
