using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Sandbox.Xdm;
using QueryServiceOrm.Tests.Storage;

namespace QueryServiceOrm.Tests.Update;

/// <summary>
/// The append statements in the service dialect: the documented grammar (INSERT INTO t (cols) SELECT ..., nested values
/// built with struct(expr AS field)), checked against baselines and the conformance rules; hostile strings stay single
/// literals that decode back exactly, in flat columns and in nested leaves.
/// </summary>
public sealed class AppendSqlTests
{
    private static readonly DateTime At = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    private static AppendRow Row(long id, string? name)
        => new()
        {
            Id = id,
            Name = name,
            Amount = id * 1.5,
            Price = id / 4m,
            At = At,
            Day = new DateOnly(2024, 5, 6),
            Flag = id % 2 == 0,
            Count = (int)id
        };

    private static ExperienceEvent Event(string id, string pageName) => new()
    {
        Id = id,
        Timestamp = At,
        EventType = "commerce.purchases",
        Web = new Web
        {
            WebPageDetails = new WebPageDetails
            {
                Name = pageName,
                Url = "https://example.com/a?b=c",
                PageViews = new Measure { Value = 1 }
            }
        },
        Commerce = new Commerce
        {
            Order = new CommerceOrder { PurchaseId = "P-1", PriceTotal = 12.5, CurrencyCode = "EUR" },
            Purchases = new Measure { Value = 1 }
        },
        ProductListItems = [
            new ProductListItem { Sku = "SKU-1", Name = "Shoe", Quantity = 2, PriceTotal = 10 },
            new ProductListItem { Sku = "SKU-2", Quantity = 1 }],
        Environment = null,
        Luma = new Luma
        {
            Loyalty = new Loyalty { Tier = "gold", Points = 100 },
            ReservedWordTest = new ReservedWordTest { Order = "first", FirstVisit = true }
        },
    };

    private static Task<string> SaveAsync(params object[] entities)
        => ContextFactories.ServiceSqlAsync<AppendContext>(async db =>
        {
            db.AddRange(entities);
            await db.SaveChangesAsync();
        });

    [Test]
    public async Task Flat_rows_are_one_insert_select_union_all_statement()
    {
        var sql = await SaveAsync(Row(1, "one"), Row(2, null), new AppendRow { Id = 3, At = At });
        Assert.Multiple(() =>
        {
            Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            Baseline.AssertMatches("Update/Baselines/Flat_rows.sql", sql);
        });
    }

    [Test]
    public async Task Nested_objects_arrays_reserved_and_digit_led_fields_become_struct_and_array_expressions()
    {
        var sql = await SaveAsync(Event("evt-1", "Home"), new ExperienceEvent { Id = "evt-2", Timestamp = At });
        Assert.Multiple(() =>
        {
            Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            Assert.That(
                sql, Does.Contain("struct(") & Does.Contain("array(") & Does.Contain(" AS `order`") & Does.Contain(" AS `1stVisit`"));
            Baseline.AssertMatches("Update/Baselines/Nested_events.sql", sql);
        });
    }

    [Test]
    public async Task Profiles_maps_become_map_expressions()
    {
        var sql = await ContextFactories.ServiceSqlAsync<XdmSampleContext>(async db =>
        {
            db.Profiles.Add(new XdmProfile
            {
                Id = "prof-1",
                Person = new Person
                {
                    Name = new PersonName { FirstName = "Ada", LastName = "Lovelace" },
                    BirthDate = new DateOnly(1815, 12, 10)
                },
                IdentityMap = new()
                {
                    ["ECID"] = [new Identity { Id = "123", AuthenticatedState = "ambiguous", Primary = true }],
                    ["Email"] = []
                },
            });
            await db.SaveChangesAsync();
        });
        Assert.Multiple(() =>
        {
            Assert.That(QueryServiceSqlConformance.Violations(sql), Is.Empty, sql);
            Baseline.AssertMatches("Update/Baselines/Profile_with_map.sql", sql);
        });
    }

    [TestCaseSource(typeof(LiteralTests), nameof(LiteralTests.HostileStrings))]
    public async Task A_hostile_string_is_one_literal_in_a_flat_column_and_in_a_nested_leaf(string value)
    {
        var harmless = await SaveAsync(Row(1, "harmless"), Event("evt-1", "harmless"));
        var hostile = await SaveAsync(Row(1, value), Event("evt-1", value));
        Assert.Multiple(() =>
        {
            Assert.That(QueryServiceSqlConformance.Violations(hostile), Is.Empty, hostile);
            Assert.That(Literals(harmless, hostile), Is.EqualTo(new[] { value, value }), hostile);
        });
    }

    // The statement with the hostile value is the harmless one with each 'harmless' literal replaced: the literals
    // found at those places must decode to the value, and everything between them must be unchanged.
    private static List<string> Literals(string harmless, string hostile)
    {
        var parts = harmless.Split("'harmless'");
        var decoded = new List<string>();
        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            Assert.That(
                hostile[position..].StartsWith(parts[i], StringComparison.Ordinal),
                Is.True,
                $"the statement is unchanged around literal {i}");
            position += parts[i].Length;
            if (i == parts.Length - 1)
            {
                break;
            }

            var end = hostile.IndexOf(parts[i + 1].Length > 0 ? parts[i + 1] : "\n", position, StringComparison.Ordinal);
            if (i == parts.Length - 2 && parts[i + 1].Length == 0)
            {
                end = hostile.Length;
            }

            decoded.Add(SparkStringLiteral.Decode(hostile[position..end]));
            position = end;
        }

        return decoded;
    }
}
