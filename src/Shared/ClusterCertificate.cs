using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrderSilo.Hosting;

/// <summary>
/// The cluster's certificate: one self-signed ECDSA key pair that every silo and API host presents, and the only
/// certificate they accept from a peer (docs/security.md, "A closed cluster"). Two PEM files in one directory.
/// </summary>
internal static class ClusterCertificate
{
    public const string CertificateFile = "cluster.crt";
    public const string KeyFile = "cluster.key";

    /// <summary>The name in the certificate, and the TLS server name clients ask for.</summary>
    public const string SubjectName = "ordersilo-cluster";

    private static readonly TimeSpan Validity = TimeSpan.FromDays(3650);

    /// <summary>
    /// Writes a new certificate and key into <paramref name="directory"/> unless both are already there; the key
    /// file is readable by its owner only. Answers whether it wrote them.
    /// </summary>
    public static bool CreateIfMissing(string directory)
    {
        var certificatePath = Path.Combine(directory, CertificateFile);
        var keyPath = Path.Combine(directory, KeyFile);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
            return false;
        Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={SubjectName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Every node is a TLS server (its ports) and a TLS client (its connections to the others).
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(SubjectName);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Validity));
        // The key first, created private: a reader never finds a certificate whose key is missing or world-readable.
        WritePrivate(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        return true;
    }

    /// <summary>The certificate with its private key, ready for TLS (exceptions name the file's problem).</summary>
    public static X509Certificate2 Load(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        // An exportable in-memory copy: TLS on every platform wants a key it can reopen.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Whether <paramref name="remote"/> is <paramref name="cluster"/>'s certificate, and still valid.</summary>
    public static bool IsClusterPeer(X509Certificate2 cluster, X509Certificate2 remote, DateTime now) =>
        CryptographicOperations.FixedTimeEquals(remote.RawData, cluster.RawData)
        && now >= remote.NotBefore.ToUniversalTime() && now <= remote.NotAfter.ToUniversalTime();

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }
}
