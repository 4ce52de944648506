using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// Real two-silo clusters on PostgreSQL: ADO.NET membership instead of the test cluster's own and TCP instead of
/// the in-memory transport, so silos and the client meet through <c>orleansmembershiptable</c> as deployed hosts do.
/// </summary>
internal static class TestClusters
{
    // Configurators are created by type inside each silo and client host, so the database travels as configuration.
    private const string ConnectionStringKey = "ConnectionStrings:OrderSilo";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration[ConnectionStringKey] ?? throw new InvalidOperationException($"The test cluster has no {ConnectionStringKey}.");

    /// <summary>Starts two silos and a client on <paramref name="connectionString"/>.</summary>
    public static Task<TestCluster> StartAsync(string connectionString) => DeployAsync(Builder(connectionString));

    /// <summary>Same, with <typeparamref name="TConfigurator"/> applied to every silo after the OrderSilo setup.</summary>
    public static Task<TestCluster> StartAsync<TConfigurator>(string connectionString) where TConfigurator : ISiloConfigurator, new() =>
        DeployAsync(Builder(connectionString).AddSiloBuilderConfigurator<TConfigurator>());

    private static TestClusterBuilder Builder(string connectionString)
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        var id = Guid.NewGuid().ToString("N")[..12];
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ClusterId = "cluster-" + id;
        builder.Options.ServiceId = "service-" + id;
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Properties[ConnectionStringKey] = connectionString;
        builder.AddSiloBuilderConfigurator<PostgresSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClientConfigurator>();
        return builder;
    }

    private static async Task<TestCluster> DeployAsync(TestClusterBuilder builder)
    {
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }
}
