using System.Text.RegularExpressions;
using static OrderSilo.Api.Tests.Webhooks.WebhookSteps;

namespace OrderSilo.Api.Tests.Operations;

/// <summary>
/// Walks every operation of the OpenAPI document, so that an endpoint added later is covered without anyone
/// remembering to: tenant tokens on admin paths answer 403, and another account's ids in a path answer 404.
/// </summary>
public sealed partial class AuthorizationCoverageTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperation_RefusesTenantsOnAdminPaths_AndHidesOtherAccountsResources()
    {
        using var owner = await fixture.Admin.CreateTenantAsync();
        using var stranger = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var po = TestCatalog.NewPoNumber();
        var order = await ApiSession.ReadJsonAsync(await owner.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product), Cancel), 201);
        // An endpoint registered after the order has no deliveries, so it calls no one during the test.
        var webhook = await ApiSession.ReadJsonAsync(await owner.Http.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://127.0.0.1:9/coverage", events = Events("order.created") }, Cancel), 201);
        // The owner's resources, named as the document names its path parameters; products are one catalog for all.
        var ownersIds = new Dictionary<string, string>
        {
            ["orderId"] = order["orderId"]!.GetValue<string>(),
            ["poNumber"] = po,
            ["companyId"] = owner.CompanyId,
            ["accountId"] = owner.AccountId,
            ["clientId"] = owner.ClientId,
            ["productId"] = product,
            ["code"] = "any",
            ["webhookId"] = webhook["webhookId"]!.GetValue<string>(),
            ["eventId"] = "evt_" + order["orderId"]!.GetValue<string>()[4..] + "_1",
        };
        var document = await ApiSession.ReadJsonAsync(await stranger.Http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel), 200);
        var checkedOperations = new List<string>();

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, _) in operations!.AsObject())
            {
                var concrete = Parameter().Replace(path, m => ownersIds.TryGetValue(m.Groups[1].Value, out var id)
                    ? Uri.EscapeDataString(id)
                    : throw new InvalidOperationException($"No test value for path parameter {m.Value} of {method} {path}: add one."));
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), concrete);
                if (method is "post" or "put" or "patch")
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                var response = await stranger.Http.SendAsync(request, Cancel);

                if (path.StartsWith("/api/v1/admin/", StringComparison.Ordinal))
                    await Problems.AssertAsync(response, 403, "forbidden");
                else if (Parameter().IsMatch(path) && !path.StartsWith("/api/v1/products", StringComparison.Ordinal))
                    await Problems.AssertAsync(response, 404, "not_found");
                else
                    continue;
                checkedOperations.Add($"{method.ToUpperInvariant()} {path}");
            }
        }

        // The owner's order is untouched by all of that.
        var after = await ApiSession.ReadJsonAsync(await owner.Http.GetAsync(new Uri($"/api/v1/orders/{ownersIds["orderId"]}", UriKind.Relative), Cancel), 200);
        Assert.Equal((1, false), (after["version"]!.GetValue<int>(), after["archived"]!.GetValue<bool>()));
        Assert.Contains("PATCH /api/v1/orders/{orderId}", checkedOperations);
        Assert.Contains("GET /api/v1/companies/{companyId}", checkedOperations);
        Assert.Contains("PUT /api/v1/admin/price-lists/{companyId}", checkedOperations);
        Assert.Contains("POST /api/v1/webhooks/{webhookId}/deliveries/{eventId}/replay", checkedOperations);
        Assert.True((await ApiSession.ReadJsonAsync(await owner.Http.GetAsync(new Uri($"/api/v1/webhooks/{ownersIds["webhookId"]}", UriKind.Relative), Cancel), 200))["enabled"]!.GetValue<bool>());
        Assert.True(checkedOperations.Count >= 13, string.Join('\n', checkedOperations));
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Parameter();
}
