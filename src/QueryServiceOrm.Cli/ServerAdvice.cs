namespace QueryServiceOrm.Cli;

/// <summary>What a qsorm user can do about an error the server sent, by its SQLSTATE.</summary>
internal static class ServerAdvice
{
    public static string For(string sqlState)
        => sqlState switch
        {
            "42P01" => "Check the table's name and the profile's Database (e.g. prod:all); 'qsorm tables' lists the tables.",
            "42601" => "Check the SQL against Query Service's grammar (Spark SQL; back quotes, not double quotes, around names).",
            "0A000" => "Query Service does not support this; rewrite it with the documented SQL.",
            "42501" => "This user may not do that: only tables made by Query Service or by this user can be dropped.",
            "53400" => "It went past a Query Service limit (10 minutes a query, a LIMIT of 100,000): write the result with CREATE TABLE "
                + "... AS SELECT.",
            "53300" => "All the sessions the licence allows are in use: close one, or wait.",
            "58000" or "XX000" => "The service failed on it (a function it does not define, for instance): check the SQL, then retry.",
            _ => "Check the statement and the profile.",
        };
}
