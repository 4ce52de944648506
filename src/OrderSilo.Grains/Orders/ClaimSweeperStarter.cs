using Microsoft.Extensions.Logging;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// Registers the sweep reminder when a silo becomes active. Every silo does it; the reminder is durable and
/// registering it again only updates the same row, so one silo succeeding is enough.
/// </summary>
internal sealed partial class ClaimSweeperStarter(IGrainFactory grains, ILogger<ClaimSweeperStarter> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ClaimSweeperStarter), ServiceLifecycleStage.Active, StartAsync);

    private async Task StartAsync(CancellationToken cancellation)
    {
        try
        {
            await grains.GetGrain<IClaimSweeperGrain>(0).Start();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            LogStartFailed(logger, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the claim sweeper's reminder; another silo's registration will do")]
    private static partial void LogStartFailed(ILogger logger, Exception error);
}
