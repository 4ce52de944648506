using System.Runtime.CompilerServices;
using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;
using static OrderSilo.Api.Tests.Webhooks.WebhookSteps;

namespace OrderSilo.Api.Tests.Webhooks;

/// <summary>
/// Deliveries to real HTTP receivers that verify every signature themselves: through a failing spell, replayed,
/// and beside endpoints that never answer.
/// </summary>
public sealed class WebhookDeliveryTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task EveryEvent_ArrivesSignedOnceInItsOrdersSequence_AfterTheEndpointFailedForAWhile()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var failing = new StrongBox<bool>(true);
        receiver.Answer = (_, _) => Task.FromResult(Volatile.Read(ref failing.Value) ? 503 : 200);
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var webhookId = await RegisterAsync(tenant, receiver);

        // Realtime orders on account, side by side: created and completed at once.
        var onAccount = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PlaceAsync(tenant, Order(product, new { type = "account" }))));
        // An invoice paid in two parts.
        var invoice = await PlaceAsync(tenant, Order(product, new { type = "invoice" }, quantity: 2));
        await PayAsync(fixture.Admin, Id(invoice), "5.00", "wire-1");
        await PayAsync(fixture.Admin, Id(invoice), "15.00", "wire-2");
        // A quote accepted as an invoice, then cancelled.
        var quote = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/quotes", Quote(product), Cancel), 201);
        await StepAsync(tenant, Id(quote), "accept", new { autoPay = false });
        await StepAsync(tenant, Id(quote), "cancel", new { reason = "changed our mind" });

        await receiver.WaitUntilAsync(r => r.Deliveries.Count(d => d.Answered == 503) >= 6, Patience, "six refused attempts");
        Volatile.Write(ref failing.Value, false);
        var expected = new Dictionary<string, string[]>
        {
            [Id(invoice)] = ["order.created", "order.payment_received", "order.payment_received", "order.delivery_updated", "order.completed"],
            [Id(quote)] = ["quote.created", "quote.accepted", "order.delivery_updated", "order.cancelled"],
        };
        foreach (var order in onAccount)
            expected[Id(order)] = ["order.created", "order.completed"];
        await receiver.WaitUntilAsync(r => r.Accepted.Count == expected.Values.Sum(t => t.Length), Patience, "every event");

        Assert.All(receiver.Deliveries, d => Assert.Null(d.SignatureProblem));
        foreach (var (orderId, types) in expected)
        {
            var events = receiver.Accepted.Values.Where(d => d.OrderId == orderId).OrderBy(d => d.Sequence).ToList();
            Assert.Equal(types, events.Select(d => d.Type));
            Assert.Equal(Enumerable.Range(1, types.Length), events.Select(d => d.Sequence));
            // The event with the highest sequence carries the order as it is now.
            var now = await GetAsync(tenant, orderId);
            Assert.Equal(now.ToJsonString(), events[^1].Payload["data"]!.ToJsonString());
        }
        // Each event id came with one body, however often it was sent; refused attempts were sent again.
        Assert.All(receiver.Deliveries.GroupBy(d => d.WebhookId), g => Assert.Single(g.Select(d => d.Body).Distinct()));
        Assert.Contains(receiver.Deliveries.GroupBy(d => d.WebhookId), g => g.Count() > 1);

        var deliveries = await SucceededDeliveriesAsync(tenant, webhookId, receiver.Accepted.Count);
        Assert.Equal(receiver.Accepted.Keys.Order(), deliveries.Select(d => d["eventId"]!.GetValue<string>()).Order());
        Assert.All(deliveries, d =>
        {
            Assert.Equal(200, d["lastStatusCode"]!.GetValue<int>());
            Assert.NotNull(d["lastLatencyMs"]);
            Assert.Null(d["nextAttemptAt"]);
            Assert.Equal(d["attempts"]!.GetValue<int>(), d["attemptLog"]!.AsArray().Count);
        });
        Assert.Contains(deliveries, d => d["attemptLog"]!.AsArray().Any(a => a!["statusCode"]?.GetValue<int>() == 503));
        Assert.Null((await GetWebhookAsync(tenant, webhookId))["failingSince"]);
        await DeleteAsync(tenant, webhookId);
    }

    [Fact]
    public async Task Replay_SendsTheEventAgain_WithTheSameWebhookIdAndBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var webhookId = await RegisterAsync(tenant, receiver, ["order.completed"]);
        var order = await PlaceAsync(tenant, Order(product, new { type = "account" }));
        await receiver.WaitUntilAsync(r => r.Accepted.Count == 1, Patience, "order.completed");
        var first = receiver.Accepted.Values.Single();

        var replay = await ReplayAsync(tenant, webhookId, first.WebhookId);
        var accepted = await ApiSession.ReadJsonAsync(replay, 202);
        Assert.Equal((first.WebhookId, "pending"), (accepted["eventId"]!.GetValue<string>(), accepted["status"]!.GetValue<string>()));
        await receiver.WaitUntilAsync(r => r.Deliveries.Count(d => d.WebhookId == first.WebhookId && d.Answered == 200) == 2, Patience, "the replay");

        var sent = receiver.Deliveries.Where(d => d.WebhookId == first.WebhookId).ToList();
        Assert.All(sent, d => Assert.Null(d.SignatureProblem));
        Assert.Equal(first.Body, sent[1].Body);
        // Sequences count every event of the order, subscribed or not: order.created was 1.
        Assert.Equal((Id(order), "order.completed", 2), (first.OrderId, first.Type, first.Sequence));
        var delivery = Assert.Single(await SucceededDeliveriesAsync(tenant, webhookId, 1));
        Assert.Equal(2, delivery["attempts"]!.GetValue<int>());

        await Problems.AssertAsync(await ReplayAsync(tenant, webhookId, "evt_unknown_1"), 404, "not_found", "eventId");
        using var stranger = await fixture.Admin.CreateTenantAsync();
        await Problems.AssertAsync(await ReplayAsync(stranger, webhookId, first.WebhookId), 404, "not_found");
        await DeleteAsync(tenant, webhookId);
    }

    [Fact]
    public async Task EndpointsThatHoldEveryRequest_DoNotDelayAnotherAccountsDeliveries()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        // Three stuck endpoints (more than there are silos), each with more events than it may have requests in flight.
        var stuck = new List<(WebhookReceiver Receiver, ApiSession Tenant, string WebhookId)>();
        for (var i = 0; i < 3; i++)
        {
            var receiver = await WebhookReceiver.StartAsync();
            receiver.Answer = (_, aborted) => release.Task.WaitAsync(aborted);
            var tenant = await fixture.Admin.CreateTenantAsync();
            stuck.Add((receiver, tenant, await RegisterAsync(tenant, receiver)));
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PlaceAsync(tenant, Order(product, new { type = "account" }))));
        }
        try
        {
            await Task.WhenAll(stuck.Select(s => s.Receiver.WaitUntilAsync(r => r.Deliveries.Count > 0, Patience, "a held request")));

            await using var receiver = await WebhookReceiver.StartAsync();
            using var tenant = await fixture.Admin.CreateTenantAsync();
            var webhookId = await RegisterAsync(tenant, receiver);
            await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PlaceAsync(tenant, Order(product, new { type = "account" }))));
            // The requests of the stuck endpoints are held until this test lets them go, which is only after this.
            await receiver.WaitUntilAsync(r => r.Accepted.Count == 6, TimeSpan.FromSeconds(20), "the other account's six events");

            Assert.All(stuck, s => Assert.DoesNotContain(s.Receiver.Deliveries, d => d.Answered is not null));
            await SucceededDeliveriesAsync(tenant, webhookId, 6);
            await DeleteAsync(tenant, webhookId);
        }
        finally
        {
            release.SetResult(200);
            foreach (var (receiver, tenant, webhookId) in stuck)
            {
                await DeleteAsync(tenant, webhookId);
                await receiver.DisposeAsync();
                tenant.Dispose();
            }
        }
    }

    [Fact]
    public async Task AnEndpointAnswering410_IsDisabledAtOnce_AndKeepsItsEvents()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult(410);
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var webhookId = await RegisterAsync(tenant, receiver, ["order.created"]);
        await PlaceAsync(tenant, Order(product, new { type = "account" }));

        var disabled = await WaitForWebhookAsync(tenant, webhookId, Patience, w => !w["enabled"]!.GetValue<bool>());
        Assert.Equal("gone", disabled["disabledReason"]!.GetValue<string>());
        var delivery = Assert.Single(await DeliveriesAsync(tenant, webhookId));
        Assert.Equal(("pending", 410), (delivery["status"]!.GetValue<string>(), delivery["lastStatusCode"]!.GetValue<int>()));
        await Problems.AssertAsync(await ReplayAsync(tenant, webhookId, delivery["eventId"]!.GetValue<string>()), 409, "invalid_state");

        // Enabled again (the receiver changed its mind): what was held is sent.
        receiver.Answer = (_, _) => Task.FromResult(200);
        Assert.Null((await PatchAsync(tenant, webhookId, new { enabled = true }))["disabledReason"]);
        await receiver.WaitUntilAsync(r => r.Accepted.Count == 1, Patience, "the held event");
        await DeleteAsync(tenant, webhookId);
    }
}
