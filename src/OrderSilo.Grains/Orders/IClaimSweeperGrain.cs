namespace OrderSilo.Grains.Orders;

/// <summary>Finds poNumber claims whose order was never written and completes them (one per cluster).</summary>
[Alias("OrderSilo.IClaimSweeperGrain")]
public interface IClaimSweeperGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the sweep reminder is registered.</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>Completes every claim older than the grace period; answers how many it resumed.</summary>
    [Alias("Sweep")]
    Task<int> Sweep();
}
