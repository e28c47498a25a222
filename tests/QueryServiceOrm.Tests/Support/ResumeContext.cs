namespace QueryServiceOrm.Tests.Support;

/// <summary>A row without a key: which of its rows landed only a value of the user's own can tell.</summary>
public sealed class ResumeLine
{
    public long Number { get; set; }

    public string? Text { get; set; }
}

/// <summary>Flat rows keyed on Id, and keyless lines, in tables of their own.</summary>
public sealed class ResumeContext(DbContextOptions<ResumeContext> options) : DbContext(options)
{
    public const string Rows = "resume_rows";
    public const string Lines = "resume_lines";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppendRow>().ToTable(Rows).HasKey(r => r.Id);
        modelBuilder.Entity<ResumeLine>().ToTable(Lines).HasNoKey();
    }

    /// <summary>Creates both tables empty.</summary>
    public static Task CreateTablesAsync(QueryServiceOrm.Sandbox.QueryServiceSandbox sandbox)
        => sandbox.ExecuteAdminAsync($"""
            DROP TABLE IF EXISTS {Rows}; DROP TABLE IF EXISTS {Lines};
            CREATE TABLE {Rows} ("Id" bigint NOT NULL, "Name" text, "Amount" double precision, "Price" numeric(18,2), "At" timestamptz NOT NULL, "Day" date, "Flag" boolean NOT NULL, "Count" integer);
            CREATE TABLE {Lines} ("Number" bigint NOT NULL, "Text" text);
            ALTER TABLE {Rows} OWNER TO "{sandbox.Username}"; ALTER TABLE {Lines} OWNER TO "{sandbox.Username}"
            """);
}
