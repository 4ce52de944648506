using OrderSilo.Testing;

[assembly: AssemblyFixture(typeof(OrderSilo.Api.Tests.SystemFixture))]

namespace OrderSilo.Api.Tests;

/// <summary>
/// One deployment shared by the API tests: two silo processes and one API host on a database of its own.
/// Tests stay independent by creating their own tenants, products and poNumbers.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public OrderSiloSystem System { get; private set; } = null!;
    public ApiSession Admin { get; private set; } = null!;

    /// <summary>Lifecycles on a test's time scale: deliveries, reminders and gateway timeouts in seconds.</summary>
    public static readonly IReadOnlyDictionary<string, string> SiloSettings = new Dictionary<string, string>
    {
        ["OrderSilo__Reminders__MinimumReminderPeriod"] = "00:00:01",
        ["OrderSilo__Lifecycle__ReminderPeriod"] = "00:00:02",
        ["OrderSilo__Lifecycle__FulfilmentDelay"] = "00:00:02",
        ["OrderSilo__Lifecycle__FailFulfilmentProductCodePrefix"] = "FAILFUL-",
        ["OrderSilo__Payments__Timeout"] = "00:00:02",
        // Webhooks to the tests' receivers on loopback, retried within a second. The long timeout lets a test
        // hold requests at an endpoint for as long as it checks that other endpoints are served meanwhile.
        ["OrderSilo__Webhooks__AllowLocalUrls"] = "true",
        ["OrderSilo__Webhooks__PollInterval"] = "00:00:00.200",
        ["OrderSilo__Webhooks__InitialRetryDelay"] = "00:00:00.200",
        ["OrderSilo__Webhooks__MaxRetryDelay"] = "00:00:01",
        ["OrderSilo__Webhooks__Timeout"] = "00:00:30",
    };

    public async ValueTask InitializeAsync()
    {
        System = await OrderSiloSystem.StartAsync("api", silos: 2, SiloSettings);
        Admin = await ApiSession.ForAdminAsync(System);
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (System is not null)
            await System.DisposeAsync();
    }
}
