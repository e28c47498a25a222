namespace QueryServiceOrm.Tests.Support;

/// <summary>A context with no entities: enough for connection, catalog and raw SQL tests.</summary>
public sealed class EmptyContext(DbContextOptions<EmptyContext> options) : DbContext(options);
