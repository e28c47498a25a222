using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Tests.Storage;

/// <summary>One table of store types serves casts, CREATE TABLE, ADD COLUMN and scaffolding.</summary>
public sealed class StoreTypesTests
{
    [TestCase("numeric(10,2)", "decimal", "10,2")]
    [TestCase("NUMERIC(10, 2)", "decimal", "10, 2")]
    [TestCase("timestamp(3) with time zone", "timestamp", "3")]
    [TestCase("character varying(40)", "string", "40")]
    [TestCase("int8", "bigint", null)]
    public void A_store_type_is_found_under_any_spelling_with_its_arguments(string storeType, string cast, string? arguments)
    {
        var row = StoreTypes.Find(storeType, out var found);

        Assert.Multiple(() =>
        {
            Assert.That(row?.Cast, Is.EqualTo(cast));
            Assert.That(found, Is.EqualTo(arguments));
        });
    }

    [Test]
    public void Casts_columns_and_scaffolded_types_of_one_type_come_from_its_one_row()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SqlDialect.Default.CastTypeName("numeric(12,4)"), Is.EqualTo("decimal(12,4)"));
            Assert.That(SqlDialect.Default.CastTypeName("uuid"), Is.EqualTo("string"));
            Assert.That(
                () => SqlDialect.Default.CastTypeName("interval"),
                Throws.TypeOf<NotSupportedException>().With.Message.Contains("'interval'"));
            Assert.That(SqlDialect.Default.ScalarColumnType(typeof(DayOfWeek)), Is.EqualTo("integer"), "an enum by its underlying type");
            Assert.That(SqlDialect.Default.ScalarColumnType(typeof(decimal)), Is.Null, "XDM has no decimal");
            Assert.That(SqlDialect.AddColumnType(typeof(string), 40), Is.EqualTo("varchar(40)"));
            Assert.That(SqlDialect.AddColumnType(typeof(string), null), Is.Null);
            Assert.That(SqlDialect.AddColumnType(typeof(sbyte), null), Is.EqualTo("tinyint"));
            Assert.That(StoreTypes.Find("TIMESTAMP_NTZ", out _)?.Scaffolded, Is.EqualTo("global::System.DateTime"));
            Assert.That(StoreTypes.Find("geometry", out _), Is.Null);
        });
    }

    [Test]
    public void Every_column_type_the_library_creates_is_a_type_the_table_knows()
    {
        var created = new[]
        {
            typeof(int), typeof(long), typeof(short), typeof(sbyte), typeof(double), typeof(float), typeof(bool), typeof(string),
            typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly),
        };

        Assert.Multiple(() =>
        {
            foreach (var type in created)
            {
                var column = SqlDialect.Default.ScalarColumnType(type);
                Assert.That(column is null ? null : StoreTypes.Find(column, out _), Is.Not.Null, type.Name);
            }
        });
    }
}
