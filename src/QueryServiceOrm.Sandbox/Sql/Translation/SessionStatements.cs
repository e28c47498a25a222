using QueryServiceOrm.Sandbox.Sql.Syntax;
using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>SET, RESET, BEGIN, ROLLBACK and COMMIT, answered by the front itself: they change the session, never the data.</summary>
internal static class SessionStatements
{
    // Settings the front honours, or that change nothing the sandbox emulates; a spark.sql setting it does not honour is
    // refused, since accepting it would pretend to a behaviour the sandbox does not have.
    private static readonly HashSet<string> Honoured = new(StringComparer.OrdinalIgnoreCase)
    {
        "auto_to_json", "resolve_fallback_snapshot_on_failure", "spark.sql.session.timeZone", "spark.sql.ansi.enabled",
    };

    public static FrontStatement Set(SetStatement set)
    {
        if (set.Reset)
        {
            return new LocalStatement(null, [], "RESET", s =>
            {
                if (set.Key.Equals("ALL", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var key in s.Settings.Keys.ToList())
                    {
                        s.Reset(key);
                    }
                }
                else
                {
                    s.Reset(set.Key);
                }
            });
        }

        if (set.Value is null)
        {
            return set.Key == "-v"
                ? new LocalStatement([new PgColumn("key"), new PgColumn("value")], [], "SET")
                : new LocalStatement([new PgColumn("key"), new PgColumn("value")], [[set.Key, "<undefined>"]], "SET");
        }

        Check(set.Key, set.Value);
        return new LocalStatement(null, [], "SET", s => s.Set(set.Key, set.Value));
    }

    private static void Check(string key, string value)
    {
        if (key.StartsWith("spark.", StringComparison.OrdinalIgnoreCase) && !Honoured.Contains(key))
        {
            throw new ServiceErrorException(
                ServiceRules.NotEmulated(
                    $"The setting {key}",
                    "the sandbox follows Spark's defaults and honours auto_to_json and resolve_fallback_snapshot_on_failure."));
        }

        if (key.Equals("spark.sql.session.timeZone", StringComparison.OrdinalIgnoreCase)
            && !value.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            throw new ServiceErrorException(ServiceRules.NotEmulated($"The time zone {value}", "the service and the sandbox run in UTC."));
        }

        if (key.Equals("spark.sql.ansi.enabled", StringComparison.OrdinalIgnoreCase)
            && value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            throw new ServiceErrorException(
                ServiceRules.NotEmulated("ANSI mode", "the sandbox follows Spark's default, non-ANSI semantics."));
        }
    }

    public static FrontStatement Transaction(string kind)
        => kind switch
        {
            "BEGIN" => new LocalStatement(null, [], "BEGIN", s => s.TransactionStatus = (byte)'T'),
            "ROLLBACK" => new LocalStatement(null, [], "ROLLBACK", s => s.TransactionStatus = (byte)'I'),
            _ when ServiceRules.AcceptsCommit => new LocalStatement(null, [], "COMMIT", s => s.TransactionStatus = (byte)'I'),
            _ => throw new ServiceErrorException(ServiceRules.Transaction("COMMIT")),
        };
}
