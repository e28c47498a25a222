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
            return _instance ??= await QueryServiceSandbox.StartAsync();
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
