using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace OrderSilo.Bench;

/// <summary>The calls of the HTTP contract (shared/spec/API.md) the benchmark makes.</summary>
internal sealed class OrderSiloApi(HttpClient http)
{
    public const string ProductId = "prd_bench_voucher";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<Tenant> CreateTenantAsync(TokenSource admin, string runId, CancellationToken ct)
    {
        var body = new
        {
            name = $"OrderSilo bench {runId}",
            billingEmail = $"bench+{runId}@example.com",
            country = "US",
            currency = "USD",
        };
        using var json = await SendAsync(HttpMethod.Post, "/api/v1/admin/accounts", body, admin, [HttpStatusCode.Created], ct);
        var root = json.RootElement;
        var tenant = new Tenant(
            Text(root, "accountId"), Text(root, "companyId"), Text(root, "clientId"), Text(root, "clientSecret"));
        // A new company has no credit (docs/security.md): the operator lifts the home company's cap, so the
        // benchmark's orders on account are limited only by the capped companies it makes on purpose.
        using var _ = await SendAsync(HttpMethod.Patch, $"/api/v1/admin/companies/{tenant.CompanyId}", new { creditLimit = (string?)null }, admin, [HttpStatusCode.OK], ct);
        return tenant;
    }

    public async Task PutBenchProductAsync(TokenSource admin, CancellationToken ct)
    {
        var product = new
        {
            code = "BENCH-10",
            name = "Benchmark voucher",
            kind = "voucher",
            currency = "USD",
            taxCategory = "voucher_multi_purpose",
            valueType = "fixed_denomination",
            denominations = new[] { "10.00", "25.00" },
            orderQuantityLimit = 10,
            delivery = "realtime",
            voucherType = "codePin",
            validityDays = 365,
        };
        using var _ = await SendAsync(
            HttpMethod.Put, $"/api/v1/admin/products/{ProductId}", product, admin, [HttpStatusCode.OK, HttpStatusCode.Created], ct);
    }

    /// <summary>
    /// The body of one voucher order. A replay must send the same body, so it depends on the poNumber only.
    /// API.md lists <c>payment</c> among the body's fields; <c>account</c> is charged to the company's credit,
    /// which a new company has without limit.
    /// </summary>
    public static ByteArrayContent OrderBody(string poNumber, string? companyId = null)
    {
        var company = companyId is null ? "" : $$$"""
            "companyId":"{{{companyId}}}",
            """.Trim();
        var body = $$$"""{"poNumber":"{{{poNumber}}}",{{{company}}}"lineItems":[{"productId":"{{{ProductId}}}","quantity":1,"denomination":"10.00"}],"payment":{"type":"account"}}""";
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = Json;
        return content;
    }

    /// <summary>The products of the pricing step's cart, one per line.</summary>
    public const int CartLines = 10;

    /// <summary>
    /// Ten licences at prices that need rounding, with VAT, and two instant promotions on them: one line promotion on
    /// the even lines and one order promotion on all ten, so a priced cart exercises every rule.
    /// </summary>
    public async Task PutPricingCatalogAsync(TokenSource admin, string runId, CancellationToken ct)
    {
        for (var i = 0; i < CartLines; i++)
        {
            var product = new
            {
                code = $"BENCH-LINE-{i}", name = $"Benchmark licence {i}", kind = "licence", currency = "USD", taxCategory = "digital",
                valueType = "fixed_price", unitCost = (9.99m + i * 1.37m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                orderQuantityLimit = 10, delivery = "realtime", affiliateCommissionPercent = 12.5,
            };
            using var _ = await SendAsync(HttpMethod.Put, $"/api/v1/admin/products/{CartProductId(i)}", product, admin, [HttpStatusCode.OK], ct);
        }
        var lines = Enumerable.Range(0, CartLines).Where(i => i % 2 == 0).Select(CartProductId).ToArray();
        var all = Enumerable.Range(0, CartLines).Select(CartProductId).ToArray();
        using var line = await SendAsync(HttpMethod.Post, "/api/v1/admin/promotions", new
        {
            code = $"BENCH-LINE-{runId}", name = "Bench: 15 % off even lines", type = "REGULAR", instantDiscount = true, productIds = lines,
            discount = new { type = "PERCENT", value = 15 },
        }, admin, [HttpStatusCode.Created], ct);
        using var order = await SendAsync(HttpMethod.Post, "/api/v1/admin/promotions", new
        {
            code = $"BENCH-ORDER-{runId}", name = "Bench: 7.50 off the order", type = "GLOBAL", instantDiscount = true, productIds = all,
            discount = new { type = "FIXED", values = new[] { new { currency = "USD", amount = "7.50" } }, defaultCurrency = "USD" },
        }, admin, [HttpStatusCode.Created], ct);
    }

    public static string CartProductId(int line) => $"prd_bench_line_{line}";

    /// <summary>A child company of the tenant in <paramref name="country"/>.</summary>
    public async Task<string> CreateCompanyAsync(TokenSource tenant, string name, string country, CancellationToken ct)
    {
        using var created = await SendAsync(HttpMethod.Post, "/api/v1/companies", new { name, country }, tenant, [HttpStatusCode.Created], ct);
        return Text(created.RootElement, "id");
    }

    /// <summary>A preview of the ten-line cart for <paramref name="companyId"/>: quantities vary with the worker.</summary>
    public static HttpRequestMessage Preview(AccessToken token, string companyId, int worker)
    {
        var lines = string.Join(',', Enumerable.Range(0, CartLines).Select(i => $$"""{"productId":"{{CartProductId(i)}}","quantity":{{1 + (i + worker) % 5}}}"""));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"companyId":"{{companyId}}","lineItems":[{{lines}}]}"""));
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pricing/preview") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return request;
    }

    /// <summary>A child company of the tenant with a credit limit, so that its orders reserve credit.</summary>
    public async Task<string> CreateCappedCompanyAsync(TokenSource tenant, TokenSource admin, string name, CancellationToken ct)
    {
        var companyId = await CreateCompanyAsync(tenant, name, "US", ct);
        using var _ = await SendAsync(HttpMethod.Patch, $"/api/v1/admin/companies/{companyId}", new { creditLimit = "1000000000.00" }, admin, [HttpStatusCode.OK], ct);
        return companyId;
    }

    /// <summary>Registers a webhook endpoint of the tenant for every order event.</summary>
    public async Task RegisterWebhookAsync(TokenSource tenant, Uri url, CancellationToken ct)
    {
        string[] events = ["order.created", "order.completed", "order.cancelled", "order.delivery_updated", "order.payment_received"];
        using var _ = await SendAsync(HttpMethod.Post, "/api/v1/webhooks", new { url = url.ToString(), events }, tenant, [HttpStatusCode.Created], ct);
    }

    public static HttpRequestMessage PlaceOrder(string poNumber, AccessToken token, string? companyId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = OrderBody(poNumber, companyId) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return request;
    }

    /// <summary>The first page of <c>GET /api/v1/orders</c> with the given query string (no leading '?').</summary>
    public static HttpRequestMessage ListOrders(string query, AccessToken token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, query.Length == 0 ? "/api/v1/orders" : $"/api/v1/orders?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return request;
    }

    public static string Truncate(string text, int max = 300) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    private async Task<JsonDocument> SendAsync(
        HttpMethod method, string path, object body, TokenSource tokens, HttpStatusCode[] expected, CancellationToken ct)
    {
        var token = await tokens.GetAsync(ct);
        // Buffered, so the request carries a Content-Length instead of a chunked body.
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!expected.Contains(response.StatusCode))
        {
            throw new InvalidOperationException(
                $"{method} {path} answered {(int)response.StatusCode}, expected {string.Join(" or ", expected.Select(s => (int)s))}: {Truncate(text)}");
        }

        return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidOperationException($"the answer has no '{name}': {Truncate(root.GetRawText())}");
}
