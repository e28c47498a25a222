using QueryServiceOrm.Sandbox;

namespace QueryServiceOrm.Tests.Support;

/// <summary>One sandbox server for the whole test run, started by the first test that needs it.</summary>
internal static class SharedSandbox
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static QueryServiceSandbox? _instance;

    public static async Task<QueryServiceSandbox> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            // Every fixture's pool keeps idle sessions open for the whole run; the service's limit of 5 has its own tests.
            return _instance ??= await QueryServiceSandbox.StartAsync(new QueryServiceSandboxOptions { SessionLimit = 100 });
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _instance, null) is { } sandbox)
        {
            await sandbox.DisposeAsync();
        }
    }
}
