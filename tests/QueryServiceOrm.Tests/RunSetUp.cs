namespace QueryServiceOrm.Tests;

/// <summary>Stops the shared sandbox once every test has run.</summary>
[SetUpFixture]
public sealed class RunSetUp
{
    [OneTimeTearDown]
    public Task StopSandboxAsync() => SharedSandbox.DisposeAsync();
}
