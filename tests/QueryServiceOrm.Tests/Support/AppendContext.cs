using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Support;

/// <summary>A flat row with a value of every kind an append writes.</summary>
public sealed class AppendRow
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public double? Amount { get; set; }

    public decimal? Price { get; set; }

    public DateTime At { get; set; }

    public DateOnly? Day { get; set; }

    public bool Flag { get; set; }

    public int? Count { get; set; }
}

/// <summary>Writable tables: flat rows and XDM events (the sample shapes under prefix "wr").</summary>
public sealed class AppendContext(DbContextOptions<AppendContext> options) : DbContext(options)
{
    public static readonly XdmSampleTables XdmTables = XdmSampleData.TablesFor("wr");

    public DbSet<AppendRow> Rows => Set<AppendRow>();

    public DbSet<ExperienceEvent> Events => Set<ExperienceEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        XdmSampleContext.ConfigureModel(modelBuilder, XdmTables);
        modelBuilder.Entity<AppendRow>().ToTable("append_rows");
    }

    // One factory per sandbox (the tests run on both backends) and configuration for the whole run: contexts whose options
    // differ need service providers of their own, and EF refuses more than twenty in a process.
    private static readonly Dictionary<(QueryServiceSandbox Sandbox, string Configuration), QueryServiceDbContextFactory<AppendContext>>
        Factories = [];

    /// <summary>
    /// A context whose statements are logged under the application name <c>append-{configuration}</c>, and a function
    /// returning the statements it (or anything else under that name) sent since.
    /// </summary>
    public static (AppendContext Context, Func<IReadOnlyList<string>> NewStatements) Open(
        QueryServiceSandbox sandbox, string configuration, Action<QueryServiceDbContextOptionsBuilder>? configure = null)
    {
        var application = "append-" + configuration;
        QueryServiceDbContextFactory<AppendContext>? factory;
        lock (Factories)
        {
            if (!Factories.TryGetValue((sandbox, configuration), out factory))
            {
                Factories[(sandbox, configuration)] = factory = new QueryServiceDbContextFactory<AppendContext>(sandbox.Credentials(), o =>
                {
                    o.ApplicationName(application);
                    configure?.Invoke(o);
                });
            }
        }

        var before = FrontLog.Statements(sandbox, application).Count;
        return (factory.CreateDbContext(), () => FrontLog.Statements(sandbox, application).Skip(before).ToList());
    }

    /// <summary>Creates the tables empty (the XDM ones with the sample's composite types).</summary>
    public static async Task CreateTablesAsync(QueryServiceSandbox sandbox)
    {
        await XdmSampleData.CreateAsync(sandbox, rows: 0, prefix: "wr");
        // A dataset's decimal always has a precision (Spark has no unbounded one): Price is decimal(18,2).
        const string Columns =
            "\"Id\" bigint NOT NULL, \"Name\" text, \"Amount\" double precision, \"Price\" numeric(18,2), \"At\" timestamptz NOT NULL, "
            + "\"Day\" date, \"Flag\" boolean NOT NULL, \"Count\" integer";
        await sandbox.ExecuteAdminAsync(
            $"DROP TABLE IF EXISTS append_rows; CREATE TABLE append_rows ({Columns}); ALTER TABLE append_rows OWNER TO \""
            + $"{sandbox.Username}\"");
    }
}
