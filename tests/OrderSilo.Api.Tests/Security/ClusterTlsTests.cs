using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace OrderSilo.Api.Tests.Security;

/// <summary>
/// The cluster's ports speak mutual TLS with the cluster certificate only: a handshake shows the certificate, and a
/// peer without it, or with a certificate of its own, is cut off before it can say anything to Orleans.
/// </summary>
public sealed class ClusterTlsTests(SystemFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public enum Port { Gateway, Silo }

    private int PortNumber(Port port) => port == Port.Gateway ? fixture.System.GatewayPort(0) : fixture.System.SiloPort(0);

    [Theory]
    [InlineData(Port.Gateway)]
    [InlineData(Port.Silo)]
    public async Task ClusterPort_WithTheClusterCertificate_CompletesAMutualTlsHandshake(Port port)
    {
        using var certificate = TestClusterCertificate.Load();
        X509Certificate? presented = null;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, PortNumber(port), TestContext.Current.CancellationToken);
        // The silo's certificate is self-signed: it is judged by being the cluster's, as the hosts judge it.
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, remote, _, _) =>
        {
            presented = remote;
            return remote is not null && remote.GetRawCertData().AsSpan().SequenceEqual(certificate.RawData);
        });

        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = TestClusterCertificate.SubjectName,
            ClientCertificates = [certificate],
        }, TestContext.Current.CancellationToken);

        Assert.True(tls.IsAuthenticated);
        Assert.True(tls.IsMutuallyAuthenticated, "the silo did not ask for the client's certificate");
        Assert.NotNull(presented);
        Assert.Equal(certificate.RawData, presented.GetRawCertData());
    }

    [Theory]
    [InlineData(Port.Gateway, false)]
    [InlineData(Port.Gateway, true)]
    [InlineData(Port.Silo, false)]
    [InlineData(Port.Silo, true)]
    public async Task ClusterPort_CutsOffAPeerWithoutTheClusterCertificate(Port port, bool withCertificateOfItsOwn)
    {
        using var stranger = withCertificateOfItsOwn ? TestClusterCertificate.CreateStranger() : null;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, PortNumber(port), TestContext.Current.CancellationToken);
        // A stranger trusts whatever the silo shows: only the silo's check of the stranger can keep it out.
#pragma warning disable CA5359
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
#pragma warning restore CA5359
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);

        var outcome = await ReadAfterHandshakeAsync(tls, stranger, patience.Token);

        Assert.True(outcome is "handshake refused" or "connection closed" or "connection reset",
            $"a peer without the cluster certificate got: {outcome}");
    }

    [Fact]
    public async Task Silos_ListenOnTheirConfiguredAddressOnly()
    {
        // /proc/net/tcp{,6} list every listening socket with its bound address: the cluster's must be loopback.
        var ports = new[] { fixture.System.GatewayPort(0), fixture.System.SiloPort(0), fixture.System.GatewayPort(1), fixture.System.SiloPort(1) };

        var listeners = ListeningSockets().Where(socket => ports.Contains(socket.Port)).ToList();

        Assert.Equal(ports.Order(), listeners.Select(l => l.Port).Order());
        Assert.All(listeners, listener => Assert.True(IPAddress.IsLoopback(listener.Address),
            $"port {listener.Port} listens on {listener.Address}, not on the configured 127.0.0.1"));
    }

    private static async Task<string> ReadAfterHandshakeAsync(SslStream tls, X509Certificate2? certificate, CancellationToken cancellation)
    {
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = TestClusterCertificate.SubjectName,
                ClientCertificates = certificate is null ? null : [certificate],
            }, cancellation);
            // Under TLS 1.3 the server judges the client's certificate after the client has finished: its verdict
            // arrives as the first read. A cluster member would get Orleans' preamble here.
            var buffer = new byte[64];
            var read = await tls.ReadAsync(buffer, cancellation);
            return read == 0 ? "connection closed" : $"{read} bytes of Orleans protocol";
        }
        catch (System.Security.Authentication.AuthenticationException)
        {
            return "handshake refused";
        }
        catch (IOException error) when (error.InnerException is SocketException or null or System.ComponentModel.Win32Exception)
        {
            return error.InnerException is SocketException ? "connection reset" : "handshake refused";
        }
        catch (OperationCanceledException)
        {
            return $"a connection still open after {Patience.TotalSeconds} s";
        }
    }

    private static IEnumerable<(IPAddress Address, int Port)> ListeningSockets()
    {
        const string Listen = "0A";
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
                continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields[3] != Listen)
                    continue;
                var (address, port) = (fields[1].Split(':')[0], fields[1].Split(':')[1]);
                yield return (ProcAddress(address), Convert.ToInt32(port, 16));
            }
        }
    }

    /// <summary>An address as /proc/net prints it: hex of 32-bit words, each in host (little-endian) order.</summary>
    private static IPAddress ProcAddress(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
            Array.Reverse(bytes, word, 4);
        return new IPAddress(bytes);
    }
}
