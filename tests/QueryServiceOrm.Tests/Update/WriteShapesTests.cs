using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Update;

/// <summary>
/// Values beyond the sample's: arrays of scalars inside objects, computed and ignored members, a converted enum, in
/// both bind modes; the table CreateTableAsync makes and the rows appended to it agree field for field.
/// </summary>
[NonParallelizable]
public sealed class WriteShapesTests
{
    private static Shape Shape(long id) => new()
    {
        Id = id,
        Status = id % 2 == 0 ? ShapeStatus.Closed : ShapeStatus.Open,
        Tagged = id % 3 == 0
            ? null
            : new Tagged
            {
                Name = "n" + id,
                Tags = id % 4 == 0 ? [] : ["a", "it's", "b" + id],
                Scores = [id, id * 10],
                Scratch = "not stored"
            },
    };

    [TestCase(QueryServiceParameterMode.Inline)]
    [TestCase(QueryServiceParameterMode.Bind)]
    public async Task Created_table_takes_saved_and_appended_shapes_back_exactly(QueryServiceParameterMode mode)
    {
        var sandbox = await XdmData.SeedAsync();
        await sandbox.ExecuteAdminAsync("DROP TABLE IF EXISTS write_shapes");
        await using (var db = new QueryServiceDbContextFactory<WriteShapesContext>(sandbox.Credentials(), o => o.ParameterMode(mode))
                         .CreateDbContext())
        {
            await db.Database.CreateTableAsync<Shape>();
            db.Shapes.AddRange(Enumerable.Range(1, 6).Select(i => Shape(i)));
            await db.SaveChangesAsync();
            await db.AppendAsync(Enumerable.Range(7, 6).Select(i => Shape(i)));
        }

        var rows = await sandbox.PsqlAsync("""SELECT "Id", "Status", to_jsonb(tagged) FROM write_shapes ORDER BY "Id" """);
        var expected = Enumerable.Range(1, 12).Select(i => Shape(i)).Select(s => new[]
        {
            s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            s.Status.ToString(),
            s.Tagged is null
                ? null
                : System.Text.Json.JsonSerializer.Serialize(new { name = s.Tagged.Name, tags = s.Tagged.Tags, scores = s.Tagged.Scores })
                .Replace(",", ", ", StringComparison.Ordinal)
                .Replace("\\u0027", "'", StringComparison.Ordinal)
                .Replace(":", ": ", StringComparison.Ordinal),
        });
        Assert.That(rows, Is.EqualTo(expected));
    }

    [Test]
    public async Task Service_statements_write_arrays_of_scalars_and_only_stored_fields()
    {
        var create = await ContextFactories.ServiceSqlAsync<WriteShapesContext>(db => db.Database.CreateTableAsync<Shape>());
        var save = await ContextFactories.ServiceSqlAsync<WriteShapesContext>(async db =>
        {
            db.Shapes.AddRange(Shape(1), Shape(3), Shape(4));
            await db.SaveChangesAsync();
        });
        Assert.Multiple(() =>
        {
            Assert.That(QueryServiceSqlConformance.Violations(create + "\n" + save), Is.Empty);
            Assert.That(
                save,
                Does.Contain("array('a', 'it\\u0027s', 'b1')").And.Contain("array(1, 10)").And.Contain("array()").And.Contain("'Open'"));
            Assert.That(save + create, Does.Not.Contain("upper").And.Not.Contain("scratch").IgnoreCase);
            Baseline.AssertMatches("Update/Baselines/Create_table_shapes.sql", create);
            Baseline.AssertMatches("Update/Baselines/Save_shapes.sql", save);
        });
    }

    [Test]
    public void Binary_data_has_no_column_type()
        => Assert.That(
            () => ContextFactories.ServiceSqlAsync<BinaryContext>(db => db.Database.CreateTableAsync<BinaryRow>()),
            Throws.TypeOf<NotSupportedException>().With.Message.Contains("BinaryRow.Data is binary data"));

    public sealed class BinaryRow
    {
        public long Id { get; set; }

        public byte[]? Data { get; set; }
    }

    public sealed class BinaryContext(DbContextOptions<BinaryContext> options) : DbContext(options)
    {
        public DbSet<BinaryRow> Rows => Set<BinaryRow>();
    }
}
