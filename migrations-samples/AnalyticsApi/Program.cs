// An ASP.NET Core minimal API over Query Service: the context injected per request, nested reads, appends, a CTAS report,
// /health through EF's DbContext health check, and Query Service errors as problem details.
// Credentials: the QueryService section of appsettings.json or the QueryService__* variables (see README.md).
using AnalyticsApi;
using AnalyticsApi.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

var builder = WebApplication.CreateBuilder(args);

// Five sessions, as a Query Service licence often allows: requests beyond them wait for a free one instead of failing.
// EF logs a failed command and a failed query at Error, with the trace, before anything knows whether the failure is the
// caller's (a 404, a 409) or a fault; QueryServiceProblems and the exception handler log each failed request once, at
// the level it deserves, so EF's two events are kept at Debug (where the failed SQL still is).
builder.Services.AddQueryServiceDbContext<AnalyticsContext>(
    builder.Configuration,
    o => o.MaxPoolSize(5).ApplicationName("analytics-api"),
    (_, ef) => ef.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.QueryIterationFailed, LogLevel.Debug))));
builder.Services.AddHealthChecks().AddDbContextCheck<AnalyticsContext>();
builder.Services.AddProblemDetails();
builder.Services.AddValidation();
builder.Services.AddExceptionHandler<QueryServiceProblems>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

// Nested fields in a filter, a group key and a projection.
app.MapGet("/pages/top", (AnalyticsContext db, int? limit, CancellationToken cancellationToken) =>
    db.XdmEvents
        .Where(e => e.Web!.WebPageDetails!.Name != null)
        .GroupBy(e => e.Web!.WebPageDetails!.Name)
        .Select(g => new { Page = g.Key, Views = g.Count() })
        .OrderByDescending(p => p.Views).ThenBy(p => p.Page)
        .Take(Math.Clamp(limit ?? 10, 1, 1000))
        .ToListAsync(cancellationToken));

// Whole nested objects, read as JSON and materialised into the scaffolded classes.
app.MapGet("/events/{id}", async (string id, AnalyticsContext db, CancellationToken cancellationToken) =>
    await db.XdmEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is { } found ? Results.Ok(found) : Results.NotFound());

// The elements of a nested array, as rows.
app.MapGet("/products/top", (AnalyticsContext db, CancellationToken cancellationToken) =>
    db.XdmEvents
        .SelectMany(e => e.ProductListItems!)
        .GroupBy(p => p.Name)
        .Select(g => new { Product = g.Key, Quantity = g.Sum(p => p.Quantity) })
        .OrderByDescending(p => p.Quantity).ThenBy(p => p.Product)
        .ToListAsync(cancellationToken));

// Appends: one INSERT INTO ... SELECT per 1,000 rows, nothing tracked. An event without its id or timestamp is a 400
// validation problem naming it, and then none of the events is appended.
app.MapPost("/events/flat", async (List<FlatEvent> events, AnalyticsContext db, CancellationToken cancellationToken) =>
    Results.Ok(new { Appended = await db.AppendAsync(events.Select(e => e.ToRow()), cancellationToken) }));

// A report table created from a LINQ query (CTAS), then read back.
app.MapPost("/reports/{name}", async (string name, AnalyticsContext db, CancellationToken cancellationToken) =>
{
    ReportName(name);
    await db.XdmEvents
        .GroupBy(e => e.EventType)
        .Select(g => new { EventType = g.Key, Events = g.Count() })
        .CreateTableAsAsync(name, cancellationToken: cancellationToken);
    return Results.Created($"/reports/{name}", await ReadReportAsync(db, name, cancellationToken));
});

app.MapGet("/reports/{name}", async (string name, AnalyticsContext db, CancellationToken cancellationToken) => Results.Ok(await ReadReportAsync(db, name, cancellationToken)));

app.MapHealthChecks("/health");

app.Run();

// Identifiers cannot be parameters: the name is checked as a table name first, before anything is created or read.
static string ReportName(string name)
    => System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9_]{0,62}$") && !name.Contains("__", StringComparison.Ordinal)
        ? name
        : throw new ArgumentException($"'{name}' is not a report name: use lower-case letters, digits and single underscores.", nameof(name));

static Task<List<ReportRow>> ReadReportAsync(AnalyticsContext db, string name, CancellationToken cancellationToken)
{
    var sql = "SELECT \"EventType\", \"Events\" FROM " + ReportName(name) + " ORDER BY \"Events\" DESC, \"EventType\"";
    return db.Database.SqlQueryRaw<ReportRow>(sql).ToListAsync(cancellationToken);
}

/// <summary>A row of a report.</summary>
internal sealed record ReportRow(string? EventType, int Events);
