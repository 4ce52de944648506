using OrderSilo.Testing;
using Orleans.TestingHost;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// The cluster the grain tests share: two silos and a client on a database of its own. Tests stay independent by
/// using fresh accounts, companies, products and poNumbers; a test that stops a silo starts a replacement.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = null!;
    public TestCluster Cluster { get; private set; } = null!;
    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync("grains");
        Cluster = await TestClusters.StartAsync<SharedClusterConfigurator>(ConnectionString);
    }

    /// <summary>Stops <paramref name="silo"/> gracefully; the client then uses the remaining gateways only.</summary>
    public async Task StopSiloAsync(SiloHandle silo)
    {
        await Cluster.StopSiloAsync(silo, TestContext.Current.CancellationToken);
        await RestartClientAsync();
    }

    /// <summary>Starts one more silo; the client then uses its gateway too.</summary>
    public async Task<SiloHandle> StartSiloAsync()
    {
        var silo = await Cluster.StartAdditionalSiloAsync();
        await RestartClientAsync();
        return silo;
    }

    // An Orleans client reads the gateway list from the membership table once a minute, and otherwise learns that a
    // gateway left only when a call to it fails undelivered (the API host answers that with 503 for its callers to
    // retry). A new client reads the gateways active now, so no later test pays for a departure or misses a silo.
    private async Task RestartClientAsync()
    {
        await Cluster.StopClusterClientAsync(TestContext.Current.CancellationToken);
        await Cluster.InitializeClientAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
            await Cluster.DisposeAsync();
    }
}
