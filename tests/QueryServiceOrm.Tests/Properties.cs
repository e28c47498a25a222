using System.Runtime.Versioning;

// The suite starts a local PostgreSQL through the Unix-only sandbox.
[assembly: UnsupportedOSPlatform("windows")]
