using System.Security.Cryptography;

namespace QueryServiceOrm.Sandbox;

/// <summary>
/// Makes passwords shaped like IMS access tokens (long, base64url-like), salted with every character that
/// breaks naive connection-string or SQL building, so the tests prove nothing depends on their absence.
/// </summary>
public static class SandboxTokens
{
    /// <summary>Characters every generated token contains at least once.</summary>
    public const string HostileCharacters = "@:/?#%'\"\\ ;=";

    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    /// <summary>A new random token-like password.</summary>
    /// <param name="length">Its length; 1,200 by default (real tokens exceed 1,000 characters).</param>
    public static string NewToken(int length = 1200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, HostileCharacters.Length * 4);
        var builder = new StringBuilder(length);
        builder.Append("eyJ");
        var stride = length / (HostileCharacters.Length + 1);
        var next = 0;
        while (builder.Length < length)
        {
            // Never first or last: surrounding white space is trimmed by design, and that must not change the token.
            if (builder.Length % stride == stride / 2 && next < HostileCharacters.Length)
            {
                builder.Append(HostileCharacters[next++]);
            }
            else
            {
                builder.Append(TokenAlphabet[RandomNumberGenerator.GetInt32(TokenAlphabet.Length)]);
            }
        }

        return builder.ToString();
    }
}
