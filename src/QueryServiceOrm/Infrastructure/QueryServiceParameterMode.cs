namespace QueryServiceOrm.Infrastructure;

/// <summary>How values reach the server.</summary>
public enum QueryServiceParameterMode
{
    /// <summary>
    /// Values are written into the SQL as literals of the dialect, escaped by its rules. The service's documented
    /// clients send values this way (psycopg2 interpolates on the client); bind parameters are undocumented.
    /// </summary>
    Inline,

    /// <summary>Values travel as bind parameters of the extended protocol (LIMIT and OFFSET stay literals).</summary>
    Bind,
}
