using System.Data.Common;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace OrderSilo.Silo;

/// <summary>
/// Keeps a silo that restarts on the address and port of a silo that died (a killed process started again, a
/// container restarted in place) from opening that port until the other silos have declared the dead one dead.
/// <para>
/// Why: a silo that still believes the dead generation alive connects to the port for it, reaches the new
/// generation, and Orleans keeps that connection under both generations. Ten seconds after the old generation is
/// declared dead, Orleans closes its connections, this one included, and the answers in flight on it are lost:
/// directory registrations and lookups then wait the system response timeout, and every request for those grains
/// with them (measured: 30 s with Orleans' defaults, answered 503, or 500 before the API host retried on any
/// cluster failure). With the port closed until the death is declared, the other silos' probes are refused at
/// once, they declare the old generation dead within ProbeTimeout × NumMissedProbesLimit, and no connection is
/// ever shared.
/// </para>
/// Registered before Orleans, so it runs before the silo starts. Waits only while another silo is alive to do the
/// declaring, and at most <see cref="Bound"/>; then Orleans declares its predecessor dead itself, as it always does.
/// </summary>
internal sealed partial class PredecessorGate(
    NpgsqlDataSource database, IOptions<ClusterOptions> cluster, IOptions<EndpointOptions> endpoint,
    IOptions<ClusterMembershipOptions> membership, TimeProvider clock, ILogger<PredecessorGate> logger) : IHostedService
{
    /// <summary>How long the others may take: ProbeTimeout × (NumMissedProbesLimit + 2).</summary>
    public TimeSpan Bound => membership.Value.ProbeTimeout * (membership.Value.NumMissedProbesLimit + 2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = endpoint.Value.AdvertisedIPAddress ?? IPAddress.Loopback;
        var port = endpoint.Value.SiloPort;
        var endpointName = $"{address}:{port}";
        var started = clock.GetTimestamp();
        var deadline = clock.GetUtcNow() + Bound;
        try
        {
            var waited = false;
            while (await PredecessorAsync(address, port, cancellationToken) is { } predecessor && clock.GetUtcNow() < deadline)
            {
                if (!waited)
                    LogWaiting(logger, endpointName, predecessor, Bound);
                waited = true;
                await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken);
            }
            var elapsed = clock.GetElapsedTime(started);
            if (waited)
                LogWaited(logger, endpointName, elapsed);
        }
        catch (DbException error)
        {
            // The silo's own start needs the database too and says so; nothing to add by failing here.
            LogUnreadable(logger, error);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The generation of an earlier silo on this address and port that the table does not yet hold dead, while
    /// another silo that published its liveness recently can declare it; null when there is nothing to wait for.
    /// </summary>
    private async Task<int?> PredecessorAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            select min(generation) from orleansmembershiptable
            where deploymentid = $1 and address = $2 and port = $3 and status <> $4
              and exists (select 1 from orleansmembershiptable other
                          where other.deploymentid = $1 and other.status = $5
                            and not (other.address = $2 and other.port = $3)
                            and other.iamalivetime > now() - $6)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = cluster.Value.ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = address.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = port });
        command.Parameters.Add(new NpgsqlParameter { Value = (int)SiloStatus.Dead });
        command.Parameters.Add(new NpgsqlParameter { Value = (int)SiloStatus.Active });
        // A silo that missed this many liveness writes is itself about to be declared dead: it declares nothing.
        command.Parameters.Add(new NpgsqlParameter { Value = membership.Value.IAmAliveTablePublishTimeout * membership.Value.NumMissedTableIAmAliveLimit });
        return await command.ExecuteScalarAsync(cancellationToken) is int generation ? generation : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An earlier silo on {Endpoint} (generation {Generation}) is not yet declared dead: waiting up to {Bound} for the cluster to declare it before listening on its port")]
    private static partial void LogWaiting(ILogger logger, string endpoint, int generation, TimeSpan bound);

    [LoggerMessage(Level = LogLevel.Information, Message = "Waited {Elapsed} for the earlier silo on {Endpoint} to be declared dead")]
    private static partial void LogWaited(ILogger logger, string endpoint, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the membership table to wait for an earlier silo on this endpoint; starting at once")]
    private static partial void LogUnreadable(ILogger logger, Exception error);
}
