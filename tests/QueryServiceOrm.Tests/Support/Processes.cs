using System.Diagnostics;

namespace QueryServiceOrm.Tests.Support;

/// <summary>Waiting for a child process without leaving it (and what it started) running when the wait gives up.</summary>
internal static class Processes
{
    public static async Task WaitOrKillAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} ran longer than {timeout} and was "
                + $"stopped.");
        }
    }
}
