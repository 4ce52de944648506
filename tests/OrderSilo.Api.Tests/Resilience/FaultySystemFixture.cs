namespace OrderSilo.Api.Tests.Resilience;

/// <summary>Two silos whose grain calls fail at random (<see cref="GrainFaults"/>), and an API host in front of them.</summary>
public sealed class FaultySystemFixture : IAsyncLifetime
{
    public OrderSiloSystem System { get; private set; } = null!;
    public ApiSession Admin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        System = await OrderSiloSystem.StartAsync("faults", silos: 2, GrainFaults.SiloSettings(rate: 0.15), keepAllOutput: true);
        Admin = await ApiSession.ForAdminAsync(System);
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (System is not null)
            await System.DisposeAsync();
    }
}
