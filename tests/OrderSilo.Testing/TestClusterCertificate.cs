using System.Security.Cryptography.X509Certificates;
using OrderSilo.Hosting;

namespace OrderSilo.Testing;

/// <summary>
/// The cluster certificate of every test deployment in this process, made once the way run.sh makes one
/// (<see cref="ClusterCertificate"/>) in a private temporary directory that goes with the process.
/// </summary>
public static class TestClusterCertificate
{
    private static readonly Lazy<string> Folder = new(Create);

    public static string CertificatePath => Path.Combine(Folder.Value, ClusterCertificate.CertificateFile);
    public static string KeyPath => Path.Combine(Folder.Value, ClusterCertificate.KeyFile);

    /// <summary>The name the hosts' certificate carries, which a TLS client asks for.</summary>
    public static string SubjectName => ClusterCertificate.SubjectName;

    /// <summary>The settings that give a host this certificate.</summary>
    public static IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Orleans__Tls__CertificatePath"] = CertificatePath,
        ["Orleans__Tls__KeyPath"] = KeyPath,
    };

    /// <summary>The certificate with its key, as a member of the cluster holds it.</summary>
    public static X509Certificate2 Load() => ClusterCertificate.Load(CertificatePath, KeyPath);

    /// <summary>Another certificate made the same way: what a stranger who ran the same tool would hold.</summary>
    public static X509Certificate2 CreateStranger()
    {
        var folder = Directory.CreateTempSubdirectory("ordersilo-stranger-tls-").FullName;
        try
        {
            ClusterCertificate.CreateIfMissing(folder);
            return ClusterCertificate.Load(Path.Combine(folder, ClusterCertificate.CertificateFile), Path.Combine(folder, ClusterCertificate.KeyFile));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Create()
    {
        var folder = Directory.CreateTempSubdirectory("ordersilo-test-tls-").FullName;
        ClusterCertificate.CreateIfMissing(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return folder;
    }
}
