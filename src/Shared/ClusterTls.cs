using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace OrderSilo.Hosting;

/// <summary>
/// Mutual TLS on every Orleans connection, silo to silo and client to gateway: each side presents the cluster
/// certificate and accepts a peer only if it presents the same one. Settings <c>Orleans:Tls:*</c>
/// (docs/configuration.md); plaintext only with <c>Orleans:Tls:Disabled</c>, a development switch.
/// </summary>
internal sealed class ClusterTls(X509Certificate2 certificate, TimeProvider time)
{
    public const string CertificateKey = "Orleans:Tls:CertificatePath";
    public const string KeyKey = "Orleans:Tls:KeyPath";
    public const string DisabledKey = "Orleans:Tls:Disabled";

    public X509Certificate2 Certificate => certificate;

    /// <summary>The cluster's TLS from the settings; null when plaintext was asked for (or a setting failed).</summary>
    public static ClusterTls? Read(SettingsCheck check)
    {
        // A malformed switch is reported once (by Flag), not followed by a second line about the certificate.
        var disabled = check.Value(DisabledKey);
        if (check.Flag(DisabledKey, false) || (disabled is not null && !bool.TryParse(disabled, out _)))
            return null;
        var certificatePath = check.Value(CertificateKey);
        var keyPath = check.Value(KeyKey);
        if (certificatePath is null || keyPath is null)
        {
            check.Fail(certificatePath is null ? CertificateKey : KeyKey,
                "is not set: give the cluster certificate and its key as PEM files (run.sh makes them in .ordersilo/tls; " +
                $"OrderSilo.Silo create-cluster-certificate <dir> makes a pair), or set {SettingsCheck.EnvironmentName(DisabledKey)}=true " +
                "for plaintext Orleans connections in development only.");
            return null;
        }
        try
        {
            return new ClusterTls(ClusterCertificate.Load(certificatePath, keyPath), TimeProvider.System);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            check.Fail(CertificateKey, $"and {SettingsCheck.EnvironmentName(KeyKey)} do not give a usable certificate and key ({error.GetType().Name}: {error.Message}).");
            return null;
        }
    }

    /// <summary>What both hosts give Orleans' <c>UseTls</c>: present the certificate, require the peer's, pin it.</summary>
    public void Configure(TlsOptions options)
    {
        options.LocalCertificate = certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // The peer is judged by the pinned certificate alone: it is self-signed, so the chain and name checks of the
        // platform's trust store say nothing about it.
        options.RemoteCertificateValidation = (remote, _, _) =>
            ClusterCertificate.IsClusterPeer(certificate, remote, time.GetUtcNow().UtcDateTime);
        options.OnAuthenticateAsClient = (_, client) => client.TargetHost = ClusterCertificate.SubjectName;
    }
}
