using QueryServiceOrm.Credentials;
using Microsoft.EntityFrameworkCore.Infrastructure;
using QueryServiceOrm.Infrastructure;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Tests.Storage;

/// <summary>Which failures the default execution strategy retries, driven through the strategy EF hands out.</summary>
public sealed class ExecutionStrategyTests
{
    // The library's commands enter themselves in the context's journal before they are sent; an operation told it sent one
    // does the same before it fails.
    private static int Attempts(QueryServiceCredentials credentials, Exception failure, bool? sentWrite = null)
    {
        using var db = new QueryServiceDbContextFactory<EmptyContext>(
            credentials,
            o => o.RetryReads(2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
            o => OwnEfServices.Use(o)).CreateDbContext();
        var attempts = 0;
        try
        {
            db.Database.CreateExecutionStrategy().Execute(() =>
            {
                attempts++;
                if (sentWrite is { } writes)
                {
                    db.GetService<CommandJournal>().Record(writes);
                }

                throw failure;
            });
        }
        catch (Exception)
        {
            // Only the number of attempts matters here.
        }

        return attempts;
    }

    private static QueryServiceCredentials Password => ContextFactories.ServiceCredentials;

    private static QueryServiceCredentials OAuth
        => QueryServiceCredentials.FromOAuth(
            "example.platform-query.adobe.io", new QueryServiceAccessTokenProvider(new QueryServiceOAuthOptions
        {
            ClientId = "c", ClientSecret = "s", OrganizationId = "ORG", TokenEndpoint = new Uri("http://127.0.0.1:1/token"),
        }));

    private static PostgresException Server(string sqlState, string message = "failed")
        => new(message, "ERROR", "ERROR", sqlState);

    [Test]
    public void A_dropped_connection_is_retried()
        => Assert.That(
            Attempts(Password, new NpgsqlException("Exception while reading from stream", new IOException("reset"))), Is.EqualTo(3));

    [Test]
    public void The_session_limit_is_retried_by_message_or_sqlstate()
        => Assert.Multiple(() =>
        {
            Assert.That(Attempts(Password, Server("XX000", "Session Limit Reached")), Is.EqualTo(3));
            Assert.That(Attempts(Password, Server("53300")), Is.EqualTo(3));
        });

    [Test]
    public void A_refused_token_is_retried_only_when_tokens_rotate()
        => Assert.Multiple(() =>
        {
            Assert.That(Attempts(OAuth, Server("28P01")), Is.EqualTo(3), "OAuth: the background refresh may already hold the next token");
            Assert.That(Attempts(Password, Server("28P01")), Is.EqualTo(1), "a fixed password will not get better");
        });

    [TestCase("42P01")]
    [TestCase("42601")]
    [TestCase("53400")]
    public void Errors_that_would_fail_again_are_not_retried(string sqlState)
        => Assert.That(Attempts(Password, Server(sqlState)), Is.EqualTo(1));

    [Test]
    public void A_failed_write_is_never_retried()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Attempts(Password, Server("53300", "Session Limit Reached"), sentWrite: true), Is.EqualTo(1));
            Assert.That(Attempts(Password, Server("53300", "Session Limit Reached"), sentWrite: false), Is.EqualTo(3));
        });
    }

    [Test]
    public void What_escapes_is_the_typed_exception()
    {
        using var db = new QueryServiceDbContextFactory<EmptyContext>(
            Password, o => o.RetryReads(0, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1))).CreateDbContext();
        Assert.That(() => db.Database.CreateExecutionStrategy().Execute(() => throw Server("42P01", "no table")),
            Throws.TypeOf<QueryServiceTableNotFoundException>().With.Property("SqlState").EqualTo("42P01"));
    }

    [Test]
    public void Queries_stream_instead_of_being_buffered_for_retries()
    {
        // EF buffers whole results when the strategy reports RetriesOnFailure; retries here need no buffer (see the strategy).
        using var db = new QueryServiceDbContextFactory<EmptyContext>(Password).CreateDbContext();
        Assert.That(db.Database.CreateExecutionStrategy().RetriesOnFailure, Is.False);
    }
}
