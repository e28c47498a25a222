namespace QueryServiceOrm.Infrastructure;

/// <summary>How names that need quoting are quoted.</summary>
public enum QueryServiceIdentifierQuote
{
    /// <summary><c>`name`</c>, Spark's quoting and the one Adobe documents for dot paths.</summary>
    Backquote,

    /// <summary><c>"name"</c>, the PostgreSQL form, which Spark reads as a string unless told otherwise.</summary>
    DoubleQuote,
}
