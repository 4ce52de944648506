using Microsoft.Extensions.DependencyInjection;
using OrderSilo.Grains.Orders;
using Orleans.TestingHost;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// The order lifecycle's clock in the test silos (in-process, so one instance serves them all): real time plus an
/// offset a test moves forward, then puts back. Only order deadlines read it; Orleans keeps its own clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public static readonly TestClock Instance = new();

    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}

/// <summary>
/// The shared cluster's silos: <see cref="TestClock.Instance"/> as the order lifecycle's and the sign-in limits'
/// clock, the order storage behind <see cref="LostAnswerStorage"/>, the accounts storage behind
/// <see cref="ReadCountingStorage"/>, the payment gateway behind <see cref="RefundLog"/>.
/// </summary>
public sealed class SharedClusterConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddKeyedSingleton<TimeProvider>(LifecycleOptions.ClockKey, TestClock.Instance);
        siloBuilder.Services.AddKeyedSingleton<TimeProvider>(OrderSilo.Grains.Accounts.SignInOptions.ClockKey, TestClock.Instance);
        LostAnswerStorage.Install(siloBuilder.Services);
        ReadCountingStorage.Install(siloBuilder.Services);
        RefundLog.Install(siloBuilder.Services);
    }
}
