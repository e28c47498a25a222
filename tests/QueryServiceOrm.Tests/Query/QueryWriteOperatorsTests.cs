using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Query;

namespace QueryServiceOrm.Tests.Query;

/// <summary>
/// The write operators carry their target in the query tree: the statement a job submits is the one the wire form sends,
/// and an equal target is an equal key of EF's compiled-query cache.
/// </summary>
public sealed class QueryWriteOperatorsTests
{
    [Test]
    public async Task A_jobs_statement_is_the_statement_the_wire_form_sends()
    {
        var capture = new CommandCapture { Suppress = true };
        await using var db = ContextFactories.CapturingServiceContext(capture);
        var city = "Basel";
        var rows = db.Customers.Where(c => c.City == city).Select(c => new { c.Id, c.Name });

        await rows.InsertIntoAsync("reporting.customers");
        var statement = QueryWriteOperators.Statement(rows, QueryServiceWriteQueryableExtensions.InsertTarget("reporting.customers"));

        Assert.Multiple(() =>
        {
            Assert.That(capture.Commands, Is.EqualTo(new[] { statement }));
            Assert.That(statement, Does.StartWith("INSERT INTO reporting.customers (Id, Name)").And.Contain("'Basel'"));
        });
    }

    [Test]
    public async Task A_jobs_statement_from_a_context_that_binds_parameters_is_refused_naming_the_switch()
    {
        await using var db = ContextFactories.CapturingServiceContext<ShopContext>(
            new CommandCapture { Suppress = true }, dialect: new QueryServiceDialect { ParameterMode = QueryServiceParameterMode.Bind });
        var city = "Basel";

        Assert.That(() => QueryWriteOperators.Statement(
                db.Customers.Where(c => c.City == city), QueryServiceWriteQueryableExtensions.CreateTableTarget("basel", null)),
            Throws.InvalidOperationException.With.Message.Contains("ParameterMode Inline"));
    }

    [Test]
    public void Targets_with_the_same_table_options_and_columns_are_equal_and_others_are_not()
    {
        var columns = new Dictionary<string, string> { ["PageName"] = "pageName", ["Id"] = "_id" };
        var target = new QueryWriteTarget(CreateTable: false, "events") { ColumnNames = columns };
        var same = new QueryWriteTarget(CreateTable: false, "events") { ColumnNames = new(columns) };
        var otherColumn = new QueryWriteTarget(CreateTable: false, "events")
        {
            ColumnNames = new Dictionary<string, string> { ["PageName"] = "page", ["Id"] = "_id" },
        };

        Assert.Multiple(() =>
        {
            Assert.That(same, Is.EqualTo(target));
            Assert.That(same.GetHashCode(), Is.EqualTo(target.GetHashCode()));
            Assert.That(otherColumn, Is.Not.EqualTo(target));
            Assert.That(target with { ColumnNames = null }, Is.Not.EqualTo(target));
            Assert.That(target with { CreateTable = true }, Is.Not.EqualTo(target));
            Assert.That(target with { Label = "PROFILE" }, Is.Not.EqualTo(target));
        });
    }
}
