using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Support;

/// <summary>100 generated events in the shared sandbox, once per run.</summary>
internal static class XdmData
{
    public const int Rows = 100;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _seeded;

    public static async Task<QueryServiceOrm.Sandbox.QueryServiceSandbox> SeedAsync()
    {
        var sandbox = await SharedSandbox.GetAsync();
        await Gate.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await XdmSampleData.CreateAsync(sandbox, Rows, seed: 11);
                _seeded = true;
            }
        }
        finally
        {
            Gate.Release();
        }

        return sandbox;
    }
}
