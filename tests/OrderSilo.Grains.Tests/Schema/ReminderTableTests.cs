using Microsoft.Extensions.DependencyInjection;
using OrderSilo.Grains.Orders;
using OrderSilo.Grains.Tests.Cluster;
using OrderSilo.Testing;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace OrderSilo.Grains.Tests.Schema;

/// <summary>
/// ADO.NET reminders against <c>sql/03_orleans_reminders.sql</c>, through the one reminder in src: the claim
/// sweeper's. Its cluster ticks every two seconds with no grace period, on a database of its own.
/// </summary>
public sealed class ReminderTableTests
{
    [Fact]
    public async Task SweepReminder_IsStoredAndFires_CompletingAClaimNoClientRetries()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("reminders");
        await using var cluster = await TestClusters.StartAsync<FastSweeperConfigurator>(connectionString);
        var grains = cluster.Client;
        var tenant = await TestTenant.CreateAsync(grains);
        var command = tenant.Order("PO-SWEPT");

        var emptyBacklog = await grains.GetGrain<IClaimSweeperGrain>(0).Sweep();
        var claimedOrderId = await BlockedOrderWrite.PlaceAsync(connectionString, grains, tenant, command);
        var sweptOrderId = await WaitForOrderAsync(connectionString, tenant.AccountId, command.PoNumber, TimeSpan.FromSeconds(30));
        var reminders = await Sql.RowsAsync(connectionString,
            "select grainid, remindername, period from orleansreminderstable where serviceid = $1", cluster.Options.ServiceId);

        Assert.Equal(0, emptyBacklog);
        Assert.Equal(claimedOrderId, sweptOrderId);
        Assert.Empty(await OrderLedger.PendingClaimsAsync(connectionString, tenant.AccountId));
        var reminder = Assert.Single(reminders);
        Assert.Contains("claimsweeper", (string)reminder[0]!, StringComparison.Ordinal);
        Assert.Equal(("sweep-claims", 2000L), ((string)reminder[1]!, (long)reminder[2]!));
    }

    private static async Task<string> WaitForOrderAsync(string connectionString, string accountId, string poNumber, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await OrderLedger.OrdersByPoNumberAsync(connectionString, accountId)).TryGetValue(poNumber, out var ids))
                return Assert.Single(ids);
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No sweep completed '{poNumber}' within {timeout}: the reminder did not fire.");
    }

    /// <summary>Reminders may tick every second here; the sweeper ticks every two and treats every claim as stale.</summary>
    public sealed class FastSweeperConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            siloBuilder.Services.Configure<ClaimSweeperOptions>(options =>
            {
                options.Period = TimeSpan.FromSeconds(2);
                options.Grace = TimeSpan.Zero;
            });
        }
    }
}
