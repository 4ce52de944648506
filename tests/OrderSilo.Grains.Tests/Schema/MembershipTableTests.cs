using OrderSilo.Grains.Tests.Cluster;
using Orleans.TestingHost;

namespace OrderSilo.Grains.Tests.Schema;

/// <summary>ADO.NET clustering against <c>sql/01_orleans_clustering.sql</c>.</summary>
[Collection(SharedCluster.Name)]
public sealed class MembershipTableTests(ClusterFixture fixture)
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task SilosJoiningAndLeaving_AreRecordedAsActiveAndThenDead()
    {
        var cluster = fixture.Cluster;
        var running = Keys(cluster.GetActiveSilos());
        var activeAtStart = await SilosWithStatusAsync(Active);
        var leaving = cluster.SecondarySilos[0];

        await fixture.StopSiloAsync(leaving);
        var remaining = Keys(cluster.GetActiveSilos());
        var activeAfterStop = await SilosWithStatusAsync(Active);
        var deadAfterStop = await SilosWithStatusAsync(Dead);
        await fixture.StartSiloAsync();
        var activeAfterJoin = await SilosWithStatusAsync(Active);

        Assert.Equal(2, running.Count);
        Assert.Equal(running, activeAtStart);
        Assert.Equal(running.Except([Key(leaving)]), remaining);
        Assert.Equal(remaining, activeAfterStop);
        Assert.Contains(Key(leaving), deadAfterStop);
        Assert.Equal(Keys(cluster.GetActiveSilos()), activeAfterJoin);
        Assert.Equal(2, activeAfterJoin.Count);
    }

    private async Task<SortedSet<string>> SilosWithStatusAsync(int status)
    {
        var rows = await Sql.RowsAsync(fixture.ConnectionString,
            "select address, port, generation from orleansmembershiptable where deploymentid = $1 and status = $2",
            fixture.Cluster.Options.ClusterId, status);
        return new SortedSet<string>(rows.Select(row => $"{row[0]}:{row[1]}@{row[2]}"), StringComparer.Ordinal);
    }

    private static SortedSet<string> Keys(IEnumerable<SiloHandle> silos) => new(silos.Select(Key), StringComparer.Ordinal);

    private static string Key(SiloHandle silo) =>
        $"{silo.SiloAddress.Endpoint.Address}:{silo.SiloAddress.Endpoint.Port}@{silo.SiloAddress.Generation}";
}
