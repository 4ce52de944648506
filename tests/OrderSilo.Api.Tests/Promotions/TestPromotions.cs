namespace OrderSilo.Api.Tests.Promotions;

/// <summary>Promotions made for one test: fresh codes, and always tied to the test's own products.</summary>
public static class TestPromotions
{
    public static string NewCode(string prefix = "T") => $"{prefix}-{Guid.NewGuid():N}"[..24].ToUpperInvariant();

    /// <summary>Creates a promotion from <paramref name="body"/> (an anonymous object) and answers its JSON.</summary>
    public static async Task<JsonObject> CreateAsync(ApiSession admin, object body) =>
        await ApiSession.ReadJsonAsync(await admin.Http.PostAsJsonAsync("/api/v1/admin/promotions", body, TestContext.Current.CancellationToken), 201);

    public static async Task<JsonObject> GetAsync(ApiSession admin, string code) =>
        await ApiSession.ReadJsonAsync(await admin.Http.GetAsync(new Uri($"/api/v1/admin/promotions/{code}", UriKind.Relative), TestContext.Current.CancellationToken), 200);

    /// <summary>A percent-off REGULAR promotion on one product.</summary>
    public static object PercentOff(string code, string productId, decimal percent, bool instant = true, int? cap = null, object? coupon = null) => new
    {
        code,
        name = $"{percent} % off",
        type = "REGULAR",
        instantDiscount = instant,
        maximumOrdersNumber = cap,
        productIds = new[] { productId },
        discount = new { type = "PERCENT", value = percent },
        coupon,
    };

    public static string Money(JsonNode? node) => node!.GetValue<string>();
}
