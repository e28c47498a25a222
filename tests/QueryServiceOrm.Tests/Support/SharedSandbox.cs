using System.Diagnostics;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// One sandbox server per backend for the whole test run, each started by the first test that needs it. The container
/// backend's runs where build/test.sh could start a Docker engine and names the image in <see cref="ContainerImageVariable"/>;
/// elsewhere its tests are skipped with the reason.
/// </summary>
internal static class SharedSandbox
{
    public const string ContainerImageVariable = "QSORM_TEST_CONTAINER_IMAGE";

    // Set by build/test.sh when it could not give the tests a Docker engine, with the reason.
    private const string ContainerUnavailableVariable = "QSORM_TEST_CONTAINER_UNAVAILABLE";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<SandboxBackendKind, QueryServiceSandbox> Instances = [];

    public static async Task<QueryServiceSandbox> GetAsync(SandboxBackendKind backend = SandboxBackendKind.Local)
    {
        var options = Options(backend);
        await Gate.WaitAsync();
        try
        {
            if (!Instances.TryGetValue(backend, out var sandbox))
            {
                var started = Stopwatch.StartNew();
                // Every fixture's pool keeps idle sessions open for the whole run; the service's limit of 5 has its own tests.
                sandbox = await QueryServiceSandbox.StartAsync(options with { SessionLimit = 100 });
                TestContext.Progress.WriteLine(
                    $"The shared sandbox on the {backend} backend started in {started.Elapsed.TotalSeconds:0.0} s.");
                Instances[backend] = sandbox;
            }

            return sandbox;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DisposeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            foreach (var sandbox in Instances.Values)
            {
                await sandbox.DisposeAsync();
            }

            Instances.Clear();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Options for a sandbox on <paramref name="backend"/>; a container backend's test is skipped, with the reason, without an image.
    /// </summary>
    public static QueryServiceSandboxOptions Options(SandboxBackendKind backend)
        => backend == SandboxBackendKind.Container
            ? new QueryServiceSandboxOptions { Backend = backend, ContainerImage = ContainerImageOrIgnore() }
            : new QueryServiceSandboxOptions();

    /// <summary>The image build/test.sh names for the container backend; the test is skipped, with the reason, without one.</summary>
    public static string ContainerImageOrIgnore()
    {
        var image = Environment.GetEnvironmentVariable(ContainerImageVariable);
        if (string.IsNullOrEmpty(image))
        {
            Assert.Ignore(
                "The container backend's tests need a Docker engine and a PostgreSQL image, which build/test.sh provides (as root it "
                + "starts " +
                $"dockerd and names the image in {ContainerImageVariable}): "
                + (Environment.GetEnvironmentVariable(ContainerUnavailableVariable) ?? $"{ContainerImageVariable} is not set (not run "
                    + $"through build/test.sh)."));
        }

        return image!;
    }
}
