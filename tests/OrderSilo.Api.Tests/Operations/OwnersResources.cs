using System.Text.RegularExpressions;
using OrderSilo.Api.Tests.Promotions;
using OrderSilo.Api.Tests.Webhooks;
using static OrderSilo.Api.Tests.Webhooks.WebhookSteps;

namespace OrderSilo.Api.Tests.Operations;

/// <summary>
/// What the owning tenant of <see cref="AuthorizationMatrixTests"/> has, by the names the OpenAPI document gives its
/// path parameters: an order (completed as it is placed), a webhook with one delivery, and the operator's product and
/// promotion. A row that consumes what it names gets a new order, webhook or API client of its own.
/// </summary>
internal sealed partial class OwnersResources
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly ApiSession _admin;
    private readonly ApiSession _owner;
    private readonly Dictionary<string, string> _ids;
    private readonly string _promotionCode;

    private OwnersResources(ApiSession admin, ApiSession owner, Dictionary<string, string> ids, string promotionCode) =>
        (_admin, _owner, _ids, _promotionCode) = (admin, owner, ids, promotionCode);

    public string OrderId => _ids["orderId"];

    public string WebhookId => _ids["webhookId"];

    public static async Task<OwnersResources> CreateAsync(ApiSession admin, ApiSession owner, WebhookReceiver receiver)
    {
        var product = await TestCatalog.PutVoucherAsync(admin);
        var promotionCode = TestPromotions.NewCode();
        await TestPromotions.CreateAsync(admin, TestPromotions.PercentOff(promotionCode, product, 10m));
        // Registered before the order, so that the order's event has a delivery to replay.
        var webhookId = await RegisterAsync(owner, receiver, Events("order.created"));
        var po = TestCatalog.NewPoNumber();
        var order = await ApiSession.ReadJsonAsync(await owner.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product), Cancel), 201);
        await receiver.WaitUntilAsync(r => r.Accepted.Count == 1, TimeSpan.FromSeconds(45), "order.created");
        var productCode = (await ApiSession.ReadJsonAsync(await owner.Http.GetAsync(new Uri($"/api/v1/products/{product}", UriKind.Relative), Cancel), 200))["code"]!;
        return new OwnersResources(admin, owner, new Dictionary<string, string>
        {
            ["accountId"] = owner.AccountId,
            ["companyId"] = owner.CompanyId,
            ["clientId"] = owner.ClientId,
            ["orderId"] = order["orderId"]!.GetValue<string>(),
            ["poNumber"] = po,
            ["productId"] = product,
            ["code"] = productCode.GetValue<string>(),
            ["webhookId"] = webhookId,
            ["eventId"] = receiver.Accepted.Keys.Single(),
        }, promotionCode);
    }

    /// <summary>The path with the owner's ids in it; <paramref name="ownIds"/> makes new ones for what the call may use up.</summary>
    public async Task<string> PathAsync(string template, bool ownIds)
    {
        var path = template;
        foreach (Match parameter in Parameter().Matches(template))
        {
            var name = parameter.Groups[1].Value;
            var id = ownIds && await NewAsync(name) is { } own ? own : IdOf(template, name);
            path = path.Replace(parameter.Value, Uri.EscapeDataString(id), StringComparison.Ordinal);
        }
        return path;
    }

    private string IdOf(string template, string parameter) =>
        parameter == "code" && template.StartsWith("/api/v1/admin/promotions/", StringComparison.Ordinal) ? _promotionCode
        : _ids.TryGetValue(parameter, out var id) ? id
        : throw new InvalidOperationException($"No id for the path parameter {{{parameter}}} of {template}: add one to {nameof(OwnersResources)}.");

    private async Task<string?> NewAsync(string parameter) => parameter switch
    {
        "orderId" => (await ApiSession.ReadJsonAsync(await _owner.Http.PostAsJsonAsync("/api/v1/orders",
            TestCatalog.Order(TestCatalog.NewPoNumber(), _ids["productId"]), Cancel), 201))["orderId"]!.GetValue<string>(),
        // An event that this test never causes: the endpoint is never called.
        "webhookId" => (await ApiSession.ReadJsonAsync(await _owner.Http.PostAsJsonAsync("/api/v1/webhooks",
            new { url = "https://127.0.0.1:9/matrix", events = Events("quote.expired") }, Cancel), 201))["webhookId"]!.GetValue<string>(),
        "clientId" => (await ApiSession.ReadJsonAsync(await _admin.Http.PostAsJsonAsync($"/api/v1/admin/accounts/{_owner.AccountId}/clients",
            new { name = "spare client" }, Cancel), 201))["clientId"]!.GetValue<string>(),
        _ => null,
    };

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Parameter();
}
