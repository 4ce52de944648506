using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Runtime;

namespace OrderSilo.Api.Tests.Security;

/// <summary>
/// An Orleans client that knows the cluster's id and reads its membership table, as anyone with the database or a
/// copy of the settings could, joins only with the cluster certificate; without it no grain can be called.
/// </summary>
public sealed class ClusterClientTests(SystemFixture fixture)
{
    /// <summary>How long a refused client is watched; a member joins within a second or two.</summary>
    private static readonly TimeSpan Refusal = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task AClientWithTheClusterCertificate_JoinsAndCallsGrains()
    {
        using var certificate = TestClusterCertificate.Load();

        // As the hosts do: present the cluster certificate, accept only a silo that presents it too.
        var hosts = await CallManagementGrainAsync(tls =>
        {
            tls.LocalCertificate = certificate;
            tls.RemoteCertificateValidation = (remote, _, _) => remote.RawData.AsSpan().SequenceEqual(certificate.RawData);
        }, TimeSpan.FromSeconds(60));

        Assert.Equal(fixture.System.Silos.Count, hosts.Count(h => h.Value == SiloStatus.Active));
    }

    [Fact]
    public async Task AClientWithoutTls_CannotJoin()
    {
        // The client keeps knocking while the silos keep cutting it off: it never gets to call a grain.
        await Assert.ThrowsAsync<TimeoutException>(() => CallManagementGrainAsync(tls: null, Refusal));
    }

    [Fact]
    public async Task AClientWithACertificateOfItsOwn_CannotJoin()
    {
        using var stranger = TestClusterCertificate.CreateStranger();

        // A stranger trusts whatever the silo shows: only the silo's check of the stranger can keep it out.
        await Assert.ThrowsAsync<TimeoutException>(() => CallManagementGrainAsync(tls =>
        {
            tls.LocalCertificate = stranger;
            tls.AllowAnyRemoteCertificate();
        }, Refusal));
    }

    /// <summary>Starts a client of the fixture's cluster (TLS as <paramref name="tls"/> sets it, none when null) and asks for the silos.</summary>
    private async Task<Dictionary<SiloAddress, SiloStatus>> CallManagementGrainAsync(Action<TlsOptions>? tls, TimeSpan patienceFor)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = fixture.System.ClusterId;
                cluster.ServiceId = "ordersilo";
            });
            client.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = "Npgsql";
                clustering.ConnectionString = fixture.System.ConnectionString;
            });
            if (tls is not null)
                client.UseTls(tls);
        });
        using var host = builder.Build();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(patienceFor);
        try
        {
            await host.StartAsync(patience.Token);
            var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            return await management.GetHosts(onlyActive: true).WaitAsync(patience.Token);
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            throw new TimeoutException($"the client did not join within {patienceFor.TotalSeconds} s");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
