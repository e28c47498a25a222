using System.Runtime.Versioning;

// The sandbox drives Debian-style PostgreSQL binaries, runuser and /proc: it is for Linux (and Unix-like) machines.
[assembly: UnsupportedOSPlatform("windows")]
