using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;
using static OrderSilo.Api.Tests.Webhooks.WebhookSteps;

namespace OrderSilo.Api.Tests.Webhooks;

/// <summary>
/// A deployment of its own (one silo) with a retry window of seconds: a silo killed while an event is on its
/// way, and an endpoint that fails for the whole window.
/// </summary>
public sealed class WebhookResilienceTests(WebhookResilienceTests.OneSilo deployment) : IClassFixture<WebhookResilienceTests.OneSilo>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public sealed class OneSilo : IAsyncLifetime
    {
        public OrderSiloSystem System { get; private set; } = null!;
        public ApiSession Admin { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            System = await OrderSiloSystem.StartAsync("webhooks", silos: 1, new Dictionary<string, string>
            {
                ["OrderSilo__Webhooks__AllowLocalUrls"] = "true",
                ["OrderSilo__Webhooks__PollInterval"] = "00:00:00.200",
                ["OrderSilo__Webhooks__InitialRetryDelay"] = "00:00:00.200",
                ["OrderSilo__Webhooks__MaxRetryDelay"] = "00:00:01",
                // A silo's claim on an endpoint then lasts 2 × 2 + 5 = 9 s past its last attempt.
                ["OrderSilo__Webhooks__Timeout"] = "00:00:02",
                ["OrderSilo__Webhooks__RetryWindow"] = "00:00:04",
            });
            Admin = await ApiSession.ForAdminAsync(System);
        }

        public async ValueTask DisposeAsync()
        {
            Admin?.Dispose();
            if (System is not null)
                await System.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASiloKilledWhileAnEventIsOnItsWay_TheEventStillArrives_WithTheSameWebhookId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Every request is held until the silo is dead, so that only a silo started after the kill can deliver.
        var killed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Answer = (_, aborted) => killed.Task.WaitAsync(aborted);
        using var tenant = await deployment.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(deployment.Admin);
        var webhookId = await RegisterAsync(tenant, receiver, Events("order.created"));

        var order = await PlaceAsync(tenant, Order(product, new { type = "account" }));
        await receiver.WaitUntilAsync(r => r.Deliveries.Count > 0, Patience, "the first attempt");
        var inFlight = receiver.Deliveries[0];
        await deployment.System.RestartSiloAsync(0);
        killed.SetResult(200);

        await receiver.WaitUntilAsync(r => r.Accepted.Count == 1, Patience, "the event, from the restarted silo");
        var arrived = receiver.Accepted.Values.Single();
        Assert.Null(arrived.SignatureProblem);
        Assert.Equal((inFlight.WebhookId, inFlight.Body), (arrived.WebhookId, arrived.Body));
        Assert.Equal((Id(order), "order.created", 1), (arrived.OrderId, arrived.Type, arrived.Sequence));
        Assert.Single(await SucceededDeliveriesAsync(tenant, webhookId, 1));
        await DeleteAsync(tenant, webhookId);
    }

    [Fact]
    public async Task AnEndpointFailingForTheWholeWindow_IsDisabled_AndGetsEverythingWhenEnabledAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult(500);
        using var tenant = await deployment.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(deployment.Admin);
        var webhookId = await RegisterAsync(tenant, receiver, Events("order.created", "order.completed"));
        var before = await PlaceAsync(tenant, Order(product, new { type = "account" }));

        var disabled = await WaitForWebhookAsync(tenant, webhookId, Patience, w => !w["enabled"]!.GetValue<bool>());
        Assert.Equal("failing", disabled["disabledReason"]!.GetValue<string>());
        Assert.NotNull(disabled["failingSince"]);
        Assert.All(await DeliveriesAsync(tenant, webhookId), d => Assert.Equal(500, d["lastStatusCode"]!.GetValue<int>()));

        // Events of a disabled endpoint are kept, and held: nothing is attempted.
        var during = await PlaceAsync(tenant, Order(product, new { type = "account" }));
        var held = (await DeliveriesAsync(tenant, webhookId)).Where(d => d["orderId"]!.GetValue<string>() == Id(during)).ToList();
        Assert.Equal(2, held.Count);
        Assert.All(held, d => Assert.Equal(("pending", 0), (d["status"]!.GetValue<string>(), d["attempts"]!.GetValue<int>())));
        // Whether the first order's deliveries gave up or were still being retried when the endpoint was disabled
        // depends on which attempt came last; either way they are kept.
        var gaveUp = (await DeliveriesAsync(tenant, webhookId, "&status=failed")).Select(d => d["eventId"]!.GetValue<string>()).ToList();
        await Problems.AssertAsync(await ReplayAsync(tenant, webhookId, held[0]["eventId"]!.GetValue<string>()), 409, "invalid_state");

        receiver.Answer = (_, _) => Task.FromResult(200);
        Assert.True((await PatchAsync(tenant, webhookId, new { enabled = true }))["enabled"]!.GetValue<bool>());
        // Enabling sends what was held; what was given up on comes back by replay.
        foreach (var eventId in gaveUp)
            await ApiSession.ReadJsonAsync(await ReplayAsync(tenant, webhookId, eventId), 202);
        await receiver.WaitUntilAsync(r => r.Accepted.Count == 4, Patience, "both orders' two events");

        Assert.Equal([Id(before), Id(before), Id(during), Id(during)], receiver.Accepted.Values.Select(d => d.OrderId).Order());
        Assert.All(receiver.Deliveries, d => Assert.Null(d.SignatureProblem));
        await SucceededDeliveriesAsync(tenant, webhookId, 4);
        Assert.Null((await GetWebhookAsync(tenant, webhookId))["failingSince"]);
        await DeleteAsync(tenant, webhookId);
    }
}
