using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Storage;

/// <summary>
/// The SQL that differs between Query Service and the PostgreSQL stand-in. Every such difference is a
/// member here, and <see cref="For"/> is the only place that looks at <see cref="QueryServiceDialect"/>,
/// so no other code branches on the dialect.
/// </summary>
public abstract class SqlDialect
{
    private static readonly SqlDialect Service = new QueryServiceSqlDialect();
    private static readonly SqlDialect Postgres = new PostgreSqlDialect();

    /// <summary>The dialect this instance writes.</summary>
    public abstract QueryServiceDialect Kind { get; }

    /// <summary>A statement whose first column lists the tables visible to the session.</summary>
    public abstract string TableNamesSql { get; }

    /// <summary>The implementation of a dialect.</summary>
    /// <param name="dialect">The dialect chosen in the credentials.</param>
    public static SqlDialect For(QueryServiceDialect dialect)
        => dialect switch
        {
            QueryServiceDialect.QueryService => Service,
            QueryServiceDialect.PostgreSql => Postgres,
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown Query Service dialect."),
        };

    /// <inheritdoc />
    public override string ToString() => Kind.ToString();
}
