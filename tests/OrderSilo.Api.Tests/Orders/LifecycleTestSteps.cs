namespace OrderSilo.Api.Tests.Orders;

/// <summary>The HTTP steps of the lifecycle tests: a tenant's company terms, card, orders and transitions.</summary>
internal static class LifecycleTestSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task SetTermsAsync(ApiSession admin, ApiSession tenant, string json) =>
        await ApiSession.ReadJsonAsync(await admin.Http.PatchAsync(new Uri($"/api/v1/admin/companies/{tenant.CompanyId}", UriKind.Relative),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel), 200);

    public static async Task SaveCardAsync(ApiSession tenant, string token) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.PutAsJsonAsync($"/api/v1/companies/{tenant.CompanyId}/saved-card", new { cardToken = token }, Cancel), 200);

    public static async Task SetBillingNameAsync(ApiSession tenant, string name) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.PatchAsync(new Uri($"/api/v1/companies/{tenant.CompanyId}", UriKind.Relative),
            new StringContent($$"""{"billingName":"{{name}}"}""", System.Text.Encoding.UTF8, "application/json"), Cancel), 200);

    public static async Task<string> AvailableCreditAsync(ApiSession tenant) =>
        (await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/companies/{tenant.CompanyId}", UriKind.Relative), Cancel), 200))["availableCredit"]!.GetValue<string>();

    public static object Order(string productId, object payment, int quantity = 1, string denomination = "10.00") => new
    {
        poNumber = TestCatalog.NewPoNumber(),
        lineItems = new[] { new { productId, quantity, denomination } },
        payment,
    };

    /// <summary>The order body for another company of the account.</summary>
    public static JsonObject ForCompany(object order, string companyId)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(order)!.AsObject();
        json["companyId"] = companyId;
        return json;
    }

    public static object Quote(string productId, int quantity = 1, DateTimeOffset? validUntil = null) => new
    {
        lineItems = new[] { new { productId, quantity, denomination = "10.00" } },
        validUntil,
    };

    public static async Task<JsonObject> PlaceAsync(ApiSession tenant, object body, int status = 201) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", body, Cancel), status);

    public static async Task<HttpResponseMessage> PostAsync(ApiSession session, string orderId, string step, object? body = null) =>
        await session.Http.PostAsJsonAsync($"/api/v1/orders/{orderId}/{step}", body ?? new { }, Cancel);

    public static async Task<JsonObject> StepAsync(ApiSession session, string orderId, string step, object? body = null) =>
        await ApiSession.ReadJsonAsync(await PostAsync(session, orderId, step, body), 200);

    /// <summary>The operator's step on an order, under <c>/api/v1/admin/orders</c>.</summary>
    public static async Task<HttpResponseMessage> AdminPostAsync(ApiSession admin, string orderId, string step, object? body = null) =>
        await admin.Http.PostAsJsonAsync($"/api/v1/admin/orders/{orderId}/{step}", body ?? new { }, Cancel);

    /// <summary>The operator records a wire transfer for the order.</summary>
    public static async Task<HttpResponseMessage> PostPaymentAsync(ApiSession admin, string orderId, string amount, string reference) =>
        await AdminPostAsync(admin, orderId, "payments", new { amount, reference, method = "wire" });

    /// <summary>As <see cref="PostPaymentAsync"/>, expecting 200.</summary>
    public static async Task<JsonObject> PayAsync(ApiSession admin, string orderId, string amount, string reference) =>
        await ApiSession.ReadJsonAsync(await PostPaymentAsync(admin, orderId, amount, reference), 200);

    public static async Task<JsonObject> GetAsync(ApiSession tenant, string orderId) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative), Cancel), 200);

    /// <summary>Reads the order until <paramref name="done"/> holds (timed steps run on reminders).</summary>
    public static async Task<JsonObject> WaitForAsync(ApiSession tenant, string orderId, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var order = await GetAsync(tenant, orderId);
            if (done(order))
                return order;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Order {orderId} did not get there in {timeout}: {order.ToJsonString()}");
            await Task.Delay(250, Cancel);
        }
    }

    public static string Status(JsonObject order) => order["status"]!.GetValue<string>();

    public static string Id(JsonObject order) => order["orderId"]!.GetValue<string>();

    public static List<string> Causes(JsonObject order) => [.. order["history"]!.AsArray().Select(t => t!["cause"]!.GetValue<string>())];
}
