namespace QueryServiceOrm.Migrations;

/// <summary>
/// A migration holds an operation Query Service cannot carry out (rename, column type change, dropped column, index,
/// sequence, foreign key, server default...). Thrown when the migration's SQL is generated, before anything is sent.
/// </summary>
public sealed class QueryServiceMigrationException : QueryServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The refused operation, as EF names it (<c>RenameColumn</c>).</param>
    /// <param name="migration">The migration's id, when known.</param>
    /// <param name="reason">Why the service cannot do it, and what to do instead.</param>
    public QueryServiceMigrationException(string operation, string? migration, string reason)
        : base($"{operation}{(migration is null ? "" : $" in migration {migration}")}: {reason}")
    {
        Operation = operation;
        Migration = migration;
        Reason = reason;
    }

    /// <summary>The refused operation (<c>RenameColumn</c>, <c>CreateIndex</c>...).</summary>
    public string Operation { get; }

    /// <summary>The migration that holds it, or null when the SQL was generated outside a migration.</summary>
    public string? Migration { get; }

    /// <summary>Why, and what to do instead.</summary>
    public string Reason { get; }

    /// <summary>The refusal to revert a migration.</summary>
    /// <param name="migration">The migration's id.</param>
    internal static QueryServiceMigrationException Revert(string migration)
        => new(
            "Revert",
            migration,
            "migrations cannot be reverted on Query Service: datasets are append-only, "
            + "so neither the tables nor the history can be undone. Write a new migration that moves forward.");

    /// <summary>The same refusal, naming the migration it was found in.</summary>
    /// <param name="migration">The migration's id.</param>
    internal QueryServiceMigrationException In(string migration) => new(Operation, migration, Reason);
}
