namespace QueryServiceOrm.Tests.Support;

/// <summary>A flat row of the jobs' source table.</summary>
public sealed class JobSourceRow
{
    public long Id { get; set; }

    public string? Name { get; set; }
}

/// <summary>The source table of the batch-job tests: a million rows, a dataset the sandbox made.</summary>
public sealed class JobSourceContext(DbContextOptions<JobSourceContext> options) : DbContext(options)
{
    public const string Source = "jobs_source";
    public const int SourceRows = 1_000_000;

    public DbSet<JobSourceRow> Rows => Set<JobSourceRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.Entity<JobSourceRow>().ToTable(Source).HasNoKey();

    /// <summary>
    /// A sandbox of its own whose jobs stay SUBMITTED, then IN_PROGRESS, at least <paramref name="jobLatency"/> each (so that
    /// polls see both), with the source table.
    /// </summary>
    public static async Task<QueryServiceSandbox> StartSandboxAsync(TimeSpan jobLatency)
    {
        var sandbox = await QueryServiceSandbox.StartAsync(new QueryServiceSandboxOptions { JobLatency = jobLatency });
        await CreateSourceAsync(sandbox);
        return sandbox;
    }

    /// <summary>Creates the source table with its rows, unless it is there already.</summary>
    public static Task CreateSourceAsync(QueryServiceSandbox sandbox)
        => sandbox.ExecuteAdminAsync($"""
            CREATE TABLE IF NOT EXISTS {Source} AS SELECT g::bigint AS "Id", 'name ' || g AS "Name" FROM generate_series(1, {SourceRows}) g
            """);
}
