namespace OrderSilo.Api.Tests.Trust;

/// <summary>The HTTP steps of prepaid balances and refunds.</summary>
internal static class BalanceSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static readonly object PaidFromBalance = new { type = "balance" };

    public static async Task<HttpResponseMessage> PostTopUpAsync(ApiSession session, string companyId, string amount, string reference) =>
        await session.Http.PostAsJsonAsync($"/api/v1/admin/companies/{companyId}/top-ups", new { amount, reference }, Cancel);

    /// <summary>The operator tops the tenant's home company up, expecting 201.</summary>
    public static async Task<JsonObject> TopUpAsync(ApiSession admin, ApiSession tenant, string amount, string reference) =>
        await ApiSession.ReadJsonAsync(await PostTopUpAsync(admin, tenant.CompanyId, amount, reference), 201);

    public static async Task<string> BalanceAsync(ApiSession tenant) =>
        (await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/companies/{tenant.CompanyId}", UriKind.Relative), Cancel), 200))["balance"]!.GetValue<string>();

    /// <summary>A page of the tenant's home company's balance movements, newest first.</summary>
    public static async Task<JsonObject> MovementsAsync(ApiSession tenant, string query = "") =>
        await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/companies/{tenant.CompanyId}/balance-transactions{query}", UriKind.Relative), Cancel), 200);

    public static List<string> Kinds(JsonObject page) => [.. page["data"]!.AsArray().Select(m => m!["kind"]!.GetValue<string>())];

    public static async Task<HttpResponseMessage> PostRefundAsync(ApiSession session, string orderId, string amount, string? reason = null) =>
        await session.Http.PostAsJsonAsync($"/api/v1/admin/orders/{orderId}/refunds", new { amount, reason }, Cancel);

    /// <summary>The operator refunds, expecting 201 with the refund.</summary>
    public static async Task<JsonObject> RefundAsync(ApiSession admin, string orderId, string amount, string? reason = null) =>
        await ApiSession.ReadJsonAsync(await PostRefundAsync(admin, orderId, amount, reason), 201);
}
