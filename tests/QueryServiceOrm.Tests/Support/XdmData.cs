using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Support;

/// <summary>100 generated events in the shared sandbox of a backend, once per run.</summary>
internal static class XdmData
{
    public const int Rows = 100;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<SandboxBackendKind> Seeded = [];

    public static async Task<QueryServiceSandbox> SeedAsync(SandboxBackendKind backend = SandboxBackendKind.Local)
    {
        var sandbox = await SharedSandbox.GetAsync(backend);
        await Gate.WaitAsync();
        try
        {
            if (!Seeded.Contains(backend))
            {
                await XdmSampleData.CreateAsync(sandbox, Rows, seed: 11);
                Seeded.Add(backend);
            }
        }
        finally
        {
            Gate.Release();
        }

        return sandbox;
    }
}
