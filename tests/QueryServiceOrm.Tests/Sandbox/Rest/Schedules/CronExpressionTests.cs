using QueryServiceOrm.Sandbox.Rest.Schedules;

namespace QueryServiceOrm.Tests.Sandbox.Rest.Schedules;

/// <summary>The cron expressions the emulator accepts for a schedule: five fields, or one of Adobe's shorthands.</summary>
public sealed class CronExpressionTests
{
    [TestCase("30 * * * *")]
    [TestCase("*/15 9-17 * JAN-MAR MON-FRI")]
    [TestCase("0 0 1,15 * 0")]
    [TestCase("0 12 * * 7")]
    [TestCase("0-30/5 *  * * *")]
    [TestCase("@once")]
    [TestCase("@yearly")]
    public void A_valid_expression_is_accepted(string expression)
        => Assert.That(CronExpression.Check(expression), Is.Null);

    [TestCase("", "is required")]
    [TestCase("* * * * * *", "6 fields")]
    [TestCase("0 24 * * *", "hour field '24'")]
    [TestCase("0 0 0 * *", "day of month field '0'")]
    [TestCase("0 0 * 13 *", "month field '13'")]
    [TestCase("0 0 * * 8", "day of week field '8'")]
    [TestCase("30-10 * * * *", "minute field '30-10'")]
    [TestCase("0 0 * * MON-", "day of week field 'MON-'")]
    [TestCase("@every5m", "not a shorthand")]
    public void An_invalid_expression_is_refused_with_what_is_wrong_and_a_valid_form(string expression, string reason)
        => Assert.That(CronExpression.Check(expression), Does.Contain(reason).And.Contain("\"30 * * * *\""));
}
