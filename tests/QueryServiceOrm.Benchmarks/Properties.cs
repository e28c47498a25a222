using System.Runtime.Versioning;

// The benchmarks run against the Unix-only sandbox.
[assembly: UnsupportedOSPlatform("windows")]
