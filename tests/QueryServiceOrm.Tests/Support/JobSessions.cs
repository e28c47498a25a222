namespace QueryServiceOrm.Tests.Support;

/// <summary>A sandbox job's backend session, as pg_stat_activity shows it (application name <c>qsorm-job-&lt;id&gt;</c>).</summary>
internal static class JobSessions
{
    /// <summary>Waits (bounded) until the job's statement is running; fails the test if it never is.</summary>
    public static async Task RunningAsync(QueryServiceSandbox sandbox, string jobId)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if ((await CountAsync(sandbox, jobId)).Active > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The statement of job {jobId} never appeared in pg_stat_activity.");
    }

    /// <summary>Waits (bounded) until the job's session is gone; returns how many are left.</summary>
    public static async Task<long> LeftAsync(QueryServiceSandbox sandbox, string jobId)
    {
        var left = -1L;
        for (var attempt = 0; attempt < 300 && left != 0; attempt++)
        {
            left = (await CountAsync(sandbox, jobId)).All;
            if (left != 0)
            {
                await Task.Delay(100);
            }
        }

        return left;
    }

    private static async Task<(long Active, long All)> CountAsync(QueryServiceSandbox sandbox, string jobId)
    {
        var row = (await sandbox.PsqlAsync(
            $"SELECT count(*) FILTER (WHERE state = 'active'), count(*) FROM pg_stat_activity "
            + $"WHERE application_name = 'qsorm-job-{jobId}'"))[0];
        return (long.Parse(row[0]!, CultureInfo.InvariantCulture), long.Parse(row[1]!, CultureInfo.InvariantCulture));
    }
}
