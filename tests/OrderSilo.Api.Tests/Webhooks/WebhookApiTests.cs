using static OrderSilo.Api.Tests.Webhooks.WebhookSteps;

namespace OrderSilo.Api.Tests.Webhooks;

/// <summary>Registering, listing, changing and deleting endpoints; what a registration may not be; tenancy.</summary>
public sealed class WebhookApiTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_AnswersASecretOnce_ThenTheEndpointCanBeListedChangedAndDeleted()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var response = await tenant.Http.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://127.0.0.1:9/orders", events = Events("order.completed", "order.created", "order.completed") }, Cancel);
        var created = await ApiSession.ReadJsonAsync(response, 201);
        var webhookId = created["webhookId"]!.GetValue<string>();
        var secret = created["secret"]!.GetValue<string>();
        Assert.StartsWith("whk_", webhookId, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/webhooks/{webhookId}", response.Headers.Location?.ToString());
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.InRange(Convert.FromBase64String(secret["whsec_".Length..]).Length, 24, 64);
        Assert.Equal(["order.completed", "order.created"], created["events"]!.AsArray().Select(e => e!.GetValue<string>()));

        var shown = await GetWebhookAsync(tenant, webhookId);
        Assert.Null(shown["secret"]);
        Assert.Equal(("https://127.0.0.1:9/orders", true), (shown["url"]!.GetValue<string>(), shown["enabled"]!.GetValue<bool>()));
        var list = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri("/api/v1/webhooks", UriKind.Relative), Cancel), 200);
        Assert.Equal([webhookId], list["data"]!.AsArray().Select(w => w!["webhookId"]!.GetValue<string>()));
        Assert.Null(list["nextCursor"]);

        var disabled = await PatchAsync(tenant, webhookId, new { enabled = false, events = Events("quote.accepted"), url = "https://127.0.0.1:9/v2" });
        Assert.Equal((false, "by_owner", "https://127.0.0.1:9/v2"),
            (disabled["enabled"]!.GetValue<bool>(), disabled["disabledReason"]!.GetValue<string>(), disabled["url"]!.GetValue<string>()));
        Assert.Equal(["quote.accepted"], disabled["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        await Problems.AssertAsync(await tenant.Http.PatchAsJsonAsync($"/api/v1/webhooks/{webhookId}", new { secret = "whsec_AAAA" }, Cancel), 400, "validation_failed", "secret");
        Assert.Empty(await DeliveriesAsync(tenant, webhookId));

        await DeleteAsync(tenant, webhookId);
        await Problems.AssertAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/webhooks/{webhookId}", UriKind.Relative), Cancel), 404, "not_found");
        await Problems.AssertAsync(await tenant.Http.DeleteAsync(new Uri($"/api/v1/webhooks/{webhookId}", UriKind.Relative), Cancel), 404, "not_found");
    }

    [Theory]
    [InlineData("""{"url":"https://127.0.0.1:9/x"}""", "events")]
    [InlineData("""{"url":"https://127.0.0.1:9/x","events":[]}""", "events")]
    [InlineData("""{"url":"https://127.0.0.1:9/x","events":["order.shipped"]}""", "events")]
    [InlineData("""{"events":["order.created"]}""", "url")]
    [InlineData("""{"url":"ftp://127.0.0.1/x","events":["order.created"]}""", "url")]
    [InlineData("""{"url":"/relative","events":["order.created"]}""", "url")]
    [InlineData("""{"url":"https://user:pw@127.0.0.1/x","events":["order.created"]}""", "url")]
    // Plain http only to loopback and private addresses, even with local URLs allowed (as the tests have them).
    [InlineData("""{"url":"http://8.8.8.8/x","events":["order.created"]}""", "url")]
    [InlineData("""{"url":"https://127.0.0.1:9/x","events":["order.created"],"enabled":false}""", "enabled")]
    public async Task Register_RefusesWhatCannotBeAnEndpoint(string body, string field)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var response = await tenant.Http.PostAsync(new Uri("/api/v1/webhooks", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);
        await Problems.AssertAsync(response, 400, "validation_failed", field);
    }

    [Fact]
    public async Task AnAccount_HasAtMostSixteenEndpoints()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var registrations = Enumerable.Range(0, 17).Select(i => new { url = $"https://127.0.0.1:9/{i}", events = Events("order.created") }).ToList();
        // The first sixteen race each other; the account grain counts them one at a time.
        var answers = await Task.WhenAll(registrations.Take(16).Select(r => tenant.Http.PostAsJsonAsync("/api/v1/webhooks", r, Cancel)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        await Problems.AssertAsync(await tenant.Http.PostAsJsonAsync("/api/v1/webhooks", registrations[16], Cancel), 422, "limit_exceeded");
        var page = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri("/api/v1/webhooks?limit=10", UriKind.Relative), Cancel), 200);
        var next = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/webhooks?limit=10&cursor={page["nextCursor"]}", UriKind.Relative), Cancel), 200);
        Assert.Equal(16, page["data"]!.AsArray().Concat(next["data"]!.AsArray()).Select(w => w!["webhookId"]!.GetValue<string>()).Distinct().Count());
        Assert.Null(next["nextCursor"]);
    }

    [Fact]
    public async Task AnotherAccountsEndpoint_IsNotFound_AndStaysAsItWas()
    {
        using var owner = await fixture.Admin.CreateTenantAsync();
        using var stranger = await fixture.Admin.CreateTenantAsync();
        var created = await ApiSession.ReadJsonAsync(await owner.Http.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://127.0.0.1:9/owner", events = Events("order.created") }, Cancel), 201);
        var webhookId = created["webhookId"]!.GetValue<string>();

        await Problems.AssertAsync(await stranger.Http.GetAsync(new Uri($"/api/v1/webhooks/{webhookId}", UriKind.Relative), Cancel), 404, "not_found");
        await Problems.AssertAsync(await stranger.Http.PatchAsJsonAsync($"/api/v1/webhooks/{webhookId}", new { enabled = false }, Cancel), 404, "not_found");
        await Problems.AssertAsync(await stranger.Http.DeleteAsync(new Uri($"/api/v1/webhooks/{webhookId}", UriKind.Relative), Cancel), 404, "not_found");
        await Problems.AssertAsync(await stranger.Http.GetAsync(new Uri($"/api/v1/webhooks/{webhookId}/deliveries", UriKind.Relative), Cancel), 404, "not_found");
        var list = await ApiSession.ReadJsonAsync(await stranger.Http.GetAsync(new Uri("/api/v1/webhooks", UriKind.Relative), Cancel), 200);
        Assert.Empty(list["data"]!.AsArray());

        Assert.True((await GetWebhookAsync(owner, webhookId))["enabled"]!.GetValue<bool>());
        await DeleteAsync(owner, webhookId);
    }
}
