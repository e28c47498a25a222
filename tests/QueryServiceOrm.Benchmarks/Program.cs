using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using QueryServiceOrm.Benchmarks;

// dotnet run -c Release --project tests/QueryServiceOrm.Benchmarks -- --filter '*'     (the BenchmarkDotNet table)
// dotnet run -c Release --project tests/QueryServiceOrm.Benchmarks -- --memory         (peak memory while streaming)
// dotnet run -c Release --project tests/QueryServiceOrm.Benchmarks -- --appends        (statements, time and memory of appends: flat rows,
// nested events)
// dotnet run -c Release --project tests/QueryServiceOrm.Benchmarks -- --appends --nested   (the nested events only)
if (args.Contains("--memory"))
{
    await PeakMemory.RunAsync();
    return;
}

if (args.Contains("--appends"))
{
    await AppendBench.RunAsync(nestedOnly: args.Contains("--nested"));
    return;
}

var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(StreamingReadBenchmarks).Assembly).Run(args, config);
