using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Contexts for SQL-shape tests: the service dialect with every command captured and none sent.</summary>
internal static class ContextFactories
{
    public static readonly QueryServiceCredentials ServiceCredentials = new()
    {
        Host = "example.platform-query.adobe.io", Username = "ORG@AdobeOrg", Password = "token",
    };

    public static ShopContext CapturingServiceContext(CommandCapture capture, Action<QueryServiceDbContextOptionsBuilder>? configure = null)
        => CapturingServiceContext<ShopContext>(capture, configure);

    public static TContext CapturingServiceContext<TContext>(
        CommandCapture capture, Action<QueryServiceDbContextOptionsBuilder>? configure = null, QueryServiceDialect? dialect = null)
        where TContext : DbContext
        => new QueryServiceDbContextFactory<TContext>(
            ServiceCredentials with { Dialect = dialect ?? QueryServiceDialect.Default }, configure, o =>
        {
            o.AddInterceptors(capture);
            if (dialect is not null)
            {
                o.UseInternalServiceProvider(DialectServiceProviders.For(dialect));
            }
        }).CreateDbContext();

    /// <summary>Runs a query against a capturing context and returns the SQL it would have sent.</summary>
    public static Task<string> ServiceSqlAsync(
        Func<ShopContext, Task> run, Action<QueryServiceDbContextOptionsBuilder>? configure = null, QueryServiceDialect? dialect = null)
        => ServiceSqlAsync<ShopContext>(run, configure, dialect);

    /// <inheritdoc cref="ServiceSqlAsync(Func{ShopContext, Task}, Action{QueryServiceDbContextOptionsBuilder}?, QueryServiceDialect?)"/>
    public static async Task<string> ServiceSqlAsync<TContext>(
        Func<TContext, Task> run, Action<QueryServiceDbContextOptionsBuilder>? configure = null, QueryServiceDialect? dialect = null)
        where TContext : DbContext
    {
        var capture = new CommandCapture { Suppress = true };
        await using (var db = CapturingServiceContext<TContext>(capture, configure, dialect))
        {
            try
            {
                await run(db);
            }
            catch (InvalidOperationException)
            {
                // With execution suppressed there are no rows: First and Single complain after the SQL was captured.
            }
        }

        return string.Join("\n;\n", capture.Commands);
    }
}
