namespace QueryServiceOrm.Tests.ChangeTracking;

/// <summary>A keyless entity given to the change tracker gets the library's answer: how rows reach a keyless dataset.</summary>
public sealed class QueryServiceStateManagerTests
{
    public sealed class Visit
    {
        public string? Page { get; set; }

        public DateTime At { get; set; }
    }

    public sealed class Order
    {
        public string Id { get; set; } = "";
    }

    private sealed class VisitContext(DbContextOptions<VisitContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Visit>().ToTable("visits").HasNoKey();
            modelBuilder.Entity<Order>().ToTable("orders").HasKey(o => o.Id);
        }
    }

    private static VisitContext Context(CommandCapture capture) => ContextFactories.CapturingServiceContext<VisitContext>(capture);

    [Test]
    public void Adding_a_keyless_entity_names_AppendAsync_and_sends_nothing()
    {
        var capture = new CommandCapture { Suppress = true };
        using var db = Context(capture);
        var visit = new Visit { Page = "home", At = DateTime.UtcNow };
        var refusals = new[]
        {
            Assert.Throws<InvalidOperationException>(() => db.Add(visit))!,
            Assert.Throws<InvalidOperationException>(() => db.Set<Visit>().AddRange(visit, new Visit()))!,
            Assert.Throws<InvalidOperationException>(() => db.Attach(visit))!,
        };

        Assert.Multiple(() =>
        {
            foreach (var refusal in refusals)
            {
                Assert.That(refusal.Message, Does.StartWith("'Visit' has no key"));
                Assert.That(refusal.Message, Does.Contain("context.AppendAsync(rows)"));
                Assert.That(refusal.Message, Does.Contain("HasKey"));
            }

            Assert.That(capture.Commands, Is.Empty);
        });
    }

    [Test]
    public void A_keyed_entity_is_tracked_as_EF_tracks_it()
    {
        using var db = Context(new CommandCapture { Suppress = true });
        var order = new Order { Id = "o-1" };
        db.Add(order);
        Assert.That(db.Entry(order).State, Is.EqualTo(EntityState.Added));
    }
}
