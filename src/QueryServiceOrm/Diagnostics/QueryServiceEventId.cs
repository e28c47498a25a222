using Microsoft.Extensions.Logging;

namespace QueryServiceOrm.Diagnostics;

/// <summary>Event ids of the log messages this library writes (category <c>QueryServiceOrm</c>).</summary>
public static class QueryServiceEventId
{
    /// <summary>A query without Take returned exactly the row cap: the service probably cut the result short.</summary>
    public static readonly EventId RowCapReached = new(30_001, nameof(RowCapReached));

    /// <summary>Scaffolding could not read part of the catalog and fell back (per-table column reads, nested data as JSON text).</summary>
    public static readonly EventId CatalogFallback = new(30_101, nameof(CatalogFallback));

    /// <summary>Scaffolding met nested columns that EF's scaffolder can only write as JSON text.</summary>
    public static readonly EventId NestedColumnsAsJson = new(30_102, nameof(NestedColumnsAsJson));

    /// <summary>A migration's primary key has no identity namespace, so the service gets no key (nor its NOT NULL).</summary>
    public static readonly EventId KeyNotWritten = new(30_201, nameof(KeyNotWritten));

    /// <summary>A migration's column is NOT NULL, which the service's CREATE TABLE and ADD COLUMN cannot say.</summary>
    public static readonly EventId NotNullNotWritten = new(30_202, nameof(NotNullNotWritten));

    /// <summary>A migration creates a table with a nested column dotnet ef scaffolded as JSON text; applying it is refused.</summary>
    public static readonly EventId ScaffoldedTableInMigration = new(30_203, nameof(ScaffoldedTableInMigration));
}
