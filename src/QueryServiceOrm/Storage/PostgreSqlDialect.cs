using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>The SQL for the PostgreSQL stand-in.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    public override QueryServiceDialect Kind => QueryServiceDialect.PostgreSql;

    // Query Service shows datasets in schema public, and the stand-in keeps them there; PostgreSQL has no SHOW TABLES.
    public override string TableNamesSql =>
        "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY c.relname";

    public override string ExclusiveOrOperator => " # ";

    public override string? RegexMatchOperator => null;

    public override bool SupportsSnapshots => false;

    public override bool AllowsProviderLiterals => true;

    public override string IntegerDivideOperator => " / ";

    public override string SubstringPositionFunction => "strpos";

    public override (string Field, int Offset) DayOfWeekPart => ("dow", 0);

    public override string? UncappedLimitClause => null;

    public override string CastTypeName(string storeType) => storeType;

    /// <summary>
    /// Standard SQL literal (standard_conforming_strings is on): only the quote is doubled, backslash is an ordinary
    /// character. PostgreSQL text cannot hold U+0000 at all, so such a value is refused rather than cut short.
    /// </summary>
    protected override string StringLiteral(string value)
        => value.Contains('\0', StringComparison.Ordinal)
            ? throw new ArgumentException("PostgreSQL text cannot contain the character U+0000 (NUL).", nameof(value))
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    protected override string TimestampLiteral(DateTime utc, bool withTimeZone)
        => withTimeZone ? $"TIMESTAMPTZ '{FormatTimestamp(utc)}Z'" : $"TIMESTAMP '{FormatTimestamp(utc)}'";
}
