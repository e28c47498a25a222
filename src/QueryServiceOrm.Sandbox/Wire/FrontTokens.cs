using System.Security.Cryptography;
using System.Text.Json;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>
/// The token the front accepts now, kept in an owner-only file of the instance, so that a process attached to a sandbox
/// (qsorm) can rotate it for the process that runs the front. An expired or replaced token is refused on the next connection;
/// sessions already open stay open, as on the service.
/// </summary>
internal sealed class FrontTokens
{
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly object _renewal = new();
    private (DateTime Written, Record Value)? _cache;

    public FrontTokens(string path, TimeProvider? time = null)
    {
        _path = path;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Makes <paramref name="token"/> the only one accepted, until <paramref name="expiresAt"/> if given.</summary>
    public void Write(string token, DateTimeOffset? expiresAt)
    {
        var temporary = _path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Record(token, expiresAt)));
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, _path, overwrite: true);
    }

    /// <summary>The token accepted now.</summary>
    public string Current => Read().Token;

    /// <summary>
    /// The token to hand out to a client that asks the token endpoint: the current one while it lives (a token without an
    /// expiry counts as living <paramref name="lifetime"/> more), or a new one living <paramref name="lifetime"/> once it
    /// has expired.
    /// </summary>
    public (string Token, DateTimeOffset ExpiresAt) CurrentOrRenewed(TimeSpan lifetime)
    {
        lock (_renewal)
        {
            var record = Read();
            var now = _time.GetUtcNow();
            if (record.ExpiresAt is not { } expiresAt)
            {
                return (record.Token, now + lifetime);
            }

            if (now < expiresAt)
            {
                return (record.Token, expiresAt);
            }

            var renewed = SandboxTokens.NewToken();
            Write(renewed, now + lifetime);
            return (renewed, now + lifetime);
        }
    }

    /// <summary>Whether a password is the current, unexpired token (compared in constant time).</summary>
    public bool Accepts(string password)
    {
        var record = Read();
        if (record.ExpiresAt is { } expiresAt && _time.GetUtcNow() >= expiresAt)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(record.Token));
    }

    private Record Read()
    {
        var written = File.GetLastWriteTimeUtc(_path);
        if (_cache is { } cached && cached.Written == written)
        {
            return cached.Value;
        }

        var value = JsonSerializer.Deserialize<Record>(File.ReadAllText(_path))
                    ?? throw new InvalidOperationException($"The sandbox's token file {_path} is empty.");
        _cache = (written, value);
        return value;
    }

    private sealed record Record(string Token, DateTimeOffset? ExpiresAt);
}
