using QueryServiceOrm.Credentials;
using QueryServiceOrm.Infrastructure;

namespace QueryServiceOrm.Tests.Infrastructure;

/// <summary>
/// A token endpoint on 127.0.0.1 issues tokens valid for a few seconds. The stand-in accepts only the newest
/// token, and none once it has expired. An application querying in a loop must keep working across rotations.
/// </summary>
/// <remarks>
/// PostgreSQL holds one password per role and checks it against the role as it stood when the connection's
/// startup packet arrived, while the real service accepts every unexpired token. So the stand-in switches to
/// a newly issued token while no connection is being set up: the endpoint waits for the loop to be between
/// two queries, switches the password, answers, and lets the loop go on once the client has the token.
/// The client's refresh itself stays entirely in the background; the loop never asks for a token.
/// </remarks>
public sealed class TokenRefreshTests
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(3);

    [Test]
    public async Task Queries_keep_working_across_token_rotations()
    {
        var sandbox = await SharedSandbox.GetAsync();
        var original = sandbox.Password;
        var betweenQueries = new SemaphoreSlim(1, 1);
        var accepted = (Token: "", ExpiresAt: DateTimeOffset.MinValue);
        var rotations = -1;
        QueryServiceAccessTokenProvider? provider = null;

        await using var endpoint = new LocalTokenEndpoint("client", "secret", TokenLifetime, async (token, expiresAt) =>
        {
            await betweenQueries.WaitAsync();
            await sandbox.RotatePasswordAsync(token);
            accepted = (token, expiresAt);
            rotations++;
            var fetchedBefore = provider!.TokensFetched;
            _ = Task.Run(async () =>
            {
                // The answer is on its way; resume the loop once the client has stored the token.
                for (var i = 0; i < 2000 && provider.TokensFetched == fetchedBefore; i++)
                {
                    await Task.Delay(1);
                }

                await Task.Delay(5);
                betweenQueries.Release();
            });
        });

        try
        {
            provider = new QueryServiceAccessTokenProvider(new QueryServiceOAuthOptions
            {
                ClientId = "client",
                ClientSecret = "secret",
                OrganizationId = sandbox.OrganizationId,
                TokenEndpoint = endpoint.TokenUri,
                RefreshCheckInterval = TimeSpan.FromMilliseconds(200),
            });
            var firstToken = await provider.GetAccessTokenAsync();

            // Pooling off: every query authenticates anew, so each success proves the client held the accepted token.
            // Retries off: a refused token must show as a failure here, not be papered over by the execution strategy.
            var factory = new QueryServiceDbContextFactory<EmptyContext>(
                QueryServiceCredentials.FromOAuth(sandbox.Host, provider) with { Port = sandbox.Port },
                o => NoPooling(o.RetryReads(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))),
                o => OwnEfServices.Use(o));

            var expiredWithoutSuccessor = 0;
            var succeeded = 0;
            var succeededSince = new Dictionary<int, int>();
            var failures = new List<string>();

            var deadline = DateTime.UtcNow + TokenLifetime * 3.5;
            while (DateTime.UtcNow < deadline)
            {
                await betweenQueries.WaitAsync();
                try
                {
                    if (DateTimeOffset.UtcNow >= accepted.ExpiresAt)
                    {
                        // Expired with no newer token issued: the server accepts nothing the client has.
                        await sandbox.RotatePasswordAsync(SandboxTokens.NewToken());
                        accepted = (accepted.Token, DateTimeOffset.MaxValue);
                        expiredWithoutSuccessor++;
                    }

                    await using var context = factory.CreateDbContext();
                    var one = await context.Database.SqlQueryRaw<int>("SELECT 1 AS Value").ToListAsync();
                    Assert.That(one, Is.EqualTo(new[] { 1 }));
                    succeeded++;
                    succeededSince[rotations] = succeededSince.GetValueOrDefault(rotations) + 1;
                }
                catch (Exception e) when (e is NpgsqlException or QueryServiceException)
                {
                    failures.Add($"after {rotations} rotations: {e.Message}");
                }
                finally
                {
                    betweenQueries.Release();
                }
            }

            await betweenQueries.WaitAsync();

            // A client that kept the first token: refused now, or the test would prove nothing.
            var stale = new QueryServiceDbContextFactory<EmptyContext>(
                sandbox.Credentials() with { Password = firstToken }, o => NoPooling(o));
            await using var staleContext = stale.CreateDbContext();
            var staleError = Assert.ThrowsAsync<QueryServiceAuthenticationException>(
                () => staleContext.Database.SqlQueryRaw<int>("SELECT 1 AS Value").ToListAsync());

            TestContext.Out.WriteLine($"{succeeded} queries, {rotations} rotations, {endpoint.Issued} tokens issued");
            Assert.Multiple(() =>
            {
                Assert.That(failures, Is.Empty, "no query may fail");
                Assert.That(rotations, Is.GreaterThanOrEqualTo(3), "the accepted token changed at least three times");
                Assert.That(succeededSince.Keys, Is.SupersetOf(new[] { 0, 1, 2, 3 }), "queries succeeded after each rotation");
                Assert.That(expiredWithoutSuccessor, Is.Zero, "a fresh token was always there before the accepted one expired");
                Assert.That(staleError!.SqlState, Is.EqualTo(PostgresErrorCodes.InvalidPassword), "an old token is refused");
            });
        }
        finally
        {
            // The provider is not disposed: the data source EF keeps for the rest of the run still polls it.
            await sandbox.RotatePasswordAsync(original);
        }
    }

    private static QueryServiceDbContextOptionsBuilder NoPooling(QueryServiceDbContextOptionsBuilder options)
        => options.ConfigureDataSource(b => b.ConnectionStringBuilder.Pooling = false);
}
