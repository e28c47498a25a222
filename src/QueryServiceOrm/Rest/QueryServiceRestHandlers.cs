using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace QueryServiceOrm.Rest;

/// <summary>The HTTPS handler of the REST client, and of a token provider that talks to the same host.</summary>
internal static class QueryServiceRestHandlers
{
    /// <summary>
    /// A pooled handler whose connections are renewed (DNS changes are seen), trusting only <paramref name="rootCertificate"/>
    /// (a PEM file, e.g. a local sandbox's authority) when it is given, the system's roots otherwise.
    /// </summary>
    public static SocketsHttpHandler Create(string? rootCertificate, TimeSpan connectTimeout)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = connectTimeout };
        if (rootCertificate is not null)
        {
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { X509CertificateLoader.LoadCertificateFromFile(rootCertificate) },
                RevocationMode = X509RevocationMode.NoCheck,
            };
        }

        return handler;
    }
}
