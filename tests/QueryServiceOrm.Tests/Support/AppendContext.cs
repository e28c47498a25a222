using Microsoft.EntityFrameworkCore;
using QueryServiceOrm.Sandbox;
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

    /// <summary>Creates the tables empty (the XDM ones with the sample's composite types).</summary>
    public static async Task CreateTablesAsync(QueryServiceSandbox sandbox)
    {
        await XdmSampleData.CreateAsync(sandbox, rows: 0, prefix: "wr");
        const string Columns = "\"Id\" bigint NOT NULL, \"Name\" text, \"Amount\" double precision, \"Price\" numeric, \"At\" timestamptz NOT NULL, \"Day\" date, \"Flag\" boolean NOT NULL, \"Count\" integer";
        await sandbox.ExecuteAdminAsync(
            $"DROP TABLE IF EXISTS append_rows; CREATE TABLE append_rows ({Columns}); ALTER TABLE append_rows OWNER TO \"{sandbox.Username}\"");
    }
}
