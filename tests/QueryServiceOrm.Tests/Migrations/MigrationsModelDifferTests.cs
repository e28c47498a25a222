using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Diagnostics;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Migrations;

/// <summary>The warnings of the model differ, as EF events: each names its table and column, and EF's warning switches apply.</summary>
public sealed class MigrationsModelDifferTests
{
    /// <summary>
    /// A dataset as dotnet ef scaffolds it (a nested column as JSON text) and a keyed table without an identity namespace.
    /// </summary>
    private sealed class DifferContext(DbContextOptions<DifferContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity("Scaffolded", b =>
            {
                b.ToTable("xdm_scaffolded").HasNoKey();
                b.Property<string>("web").HasColumnType("json");
            });
            modelBuilder.Entity("Keyed", b =>
            {
                b.ToTable("keyed").Property<long>("Id").ValueGeneratedNever();
                b.Property<string>("Name").IsRequired();
            });
        }
    }

    [Test]
    public void Each_thing_the_service_cannot_keep_is_one_warning_naming_table_and_column()
    {
        using var logs = new CapturingLoggerProvider();
        using var db = Context(logs, o => { });
        db.GetService<IMigrationsModelDiffer>().GetDifferences(null, db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        Assert.Multiple(() =>
        {
            Assert.That(logs.Entries, Has.Exactly(1).Contains("Table 'keyed': its primary key (Id) is not written"));
            Assert.That(logs.Entries, Has.Exactly(1).Contains("Table 'keyed', column 'Name': NOT NULL is not written"));
            Assert.That(
                logs.Entries, Has.Exactly(1).Contains("Table 'xdm_scaffolded': web is a nested column dotnet ef scaffolded as JSON text")
                .And.Some.Contains("ExcludeFromMigrations()"));
        });
    }

    [Test]
    public void Ef_warning_switches_apply_to_them()
    {
        using var logs = new CapturingLoggerProvider();
        using var db = Context(logs, o => o.ConfigureWarnings(w => w.Throw(QueryServiceEventId.KeyNotWritten)));
        Assert.That(
            () => db.GetService<IMigrationsModelDiffer>()
                .GetDifferences(null, db.GetService<IDesignTimeModel>().Model.GetRelationalModel()),
            Throws.InvalidOperationException.With.Message.Contains("QueryServiceEventId.KeyNotWritten"));
    }

    // An internal service provider of the test's own, logging to the capture: EF's cache of providers stays as it is.
    private static DifferContext Context(CapturingLoggerProvider logs, Action<DbContextOptionsBuilder<DifferContext>> configure)
        => new QueryServiceDbContextFactory<DifferContext>(ContextFactories.ServiceCredentials, configureContext: o =>
        {
            o.UseInternalServiceProvider(new ServiceCollection().AddEntityFrameworkQueryService()
                .AddSingleton(logs.CreateFactory()).BuildServiceProvider());
            configure(o);
        }).CreateDbContext();
}
