using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace OrderSilo.Api.Tests.Observability;

/// <summary>
/// A deployment of its own (one silo, one API host) whose every output line is kept, with every log category at
/// Information and OTLP export to an <see cref="OtlpReceiver"/>; and a session run through it once: token
/// requests (form, Basic, a wrong secret, a forged token), tenant and client creation, orders with vouchers,
/// a replay, a refusal and a dashboard sign-in. It remembers every secret and voucher code the session saw.
/// </summary>
public sealed class ObservedSession : IAsyncLifetime
{
    private readonly List<(string What, string Value)> _secrets = [];

    public OtlpReceiver Otlp { get; } = OtlpReceiver.Start();
    public OrderSiloSystem System { get; private set; } = null!;
    public IReadOnlyList<(string Host, string Line)> Output { get; private set; } = [];
    public IReadOnlyList<(string What, string Value)> Secrets => _secrets;
    public string AccountId { get; private set; } = "";
    public string ClientId { get; private set; } = "";
    public string PoNumber { get; } = TestCatalog.NewPoNumber();
    public string OrderId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var settings = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Orleans"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Otlp.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        System = await OrderSiloSystem.StartAsync("observed", silos: 1, settings, settings, keepAllOutput: true, databasePassword: password);
        _secrets.Add(("the database password", password));
        _secrets.Add(("the signing key", System.SigningKey));
        _secrets.Add(("the signing key in hex", Convert.ToHexString(Convert.FromBase64String(System.SigningKey))));
        _secrets.Add(("the operator's client secret", System.AdminClientSecret));
        await RunAsync();
        await System.StopAsync();
        Output = System.AllOutput();
    }

    private async Task RunAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var admin = await ApiSession.ForAdminAsync(System);
        using var tenant = await admin.CreateTenantAsync();
        (AccountId, ClientId) = (tenant.AccountId, tenant.ClientId);
        _secrets.Add(("the tenant's client secret", tenant.ClientSecret));
        Token("the operator's token", admin);
        Token("the tenant's token", tenant);

        var extra = await ApiSession.ReadJsonAsync(await admin.Http.PostAsJsonAsync($"/api/v1/admin/accounts/{tenant.AccountId}/clients", new { name = "second" }, cancel), 201);
        var (extraId, extraSecret) = (extra["clientId"]!.GetValue<string>(), extra["clientSecret"]!.GetValue<string>());
        _secrets.Add(("a second client's secret", extraSecret));
        _secrets.Add(("a second client's token", await ApiSession.RequestTokenAsync(System.ApiBaseAddress, extraId, extraSecret)));

        using var anonymous = new HttpClient { BaseAddress = System.ApiBaseAddress };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{extraId}:{extraSecret}"));
        _secrets.Add(("Basic credentials", basic));
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = Form(("grant_type", "client_credentials")) })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(request, cancel)).StatusCode);
        }
        var wrong = "wrong-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        _secrets.Add(("a wrong secret", wrong));
        var refused = await anonymous.PostAsync(new Uri("/oauth/token", UriKind.Relative),
            Form(("grant_type", "client_credentials"), ("client_id", tenant.ClientId), ("client_secret", wrong)), cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var forged = tenant.Http.DefaultRequestHeaders.Authorization!.Parameter![..^4] + "AAAA";
        _secrets.Add(("a forged token", forged));
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(request, cancel)).StatusCode);
        }

        var product = await TestCatalog.PutVoucherAsync(admin);
        var order = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(PoNumber, product, 3), cancel), 201);
        OrderId = order["orderId"]!.GetValue<string>();
        await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(PoNumber, product, 3), cancel), 200);
        await Problems.AssertAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(PoNumber, product, 1), cancel), 422, "po_number_reused");
        var second = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(TestCatalog.NewPoNumber(), product, 2), cancel), 201);
        foreach (var voucher in order["vouchers"]!.AsArray().Concat(second["vouchers"]!.AsArray()))
        {
            var code = voucher!["code"]!.GetValue<string>();
            _secrets.Add(("a voucher code", code));
            _secrets.Add(("a voucher code without dashes", code.Replace("-", "", StringComparison.Ordinal)));
            _secrets.Add(("a voucher PIN", voucher["pin"]!.GetValue<string>()));
        }
        await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders/{OrderId}", UriKind.Relative), cancel), 200);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = System.ApiBaseAddress };
        var signIn = await browser.PostAsync(new Uri("/dashboard/login", UriKind.Relative),
            Form(("client_id", System.AdminClientId), ("client_secret", System.AdminClientSecret)), cancel);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        _secrets.Add(("the dashboard cookie's token", signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=', 2)[1]));

        // Exports run every second: wait for both hosts' metrics and traces before stopping them.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!ExportsArrived() && DateTime.UtcNow < deadline)
            await Task.Delay(250, cancel);
    }

    public bool ExportsArrived() =>
        Otlp.Received("/v1/metrics", "ordersilo-api", "ordersilo.orders.placed")
        && Otlp.Received("/v1/metrics", "ordersilo-silo", "ordersilo.storage.duration")
        && Otlp.Received("/v1/traces", "ordersilo-api", "/api/v1/orders")
        && Otlp.Received("/v1/traces", "ordersilo-silo", "IPoNumberGrain");

    private void Token(string what, ApiSession session) => _secrets.Add((what, session.Http.DefaultRequestHeaders.Authorization!.Parameter!));

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public async ValueTask DisposeAsync()
    {
        if (System is not null)
            await System.DisposeAsync();
        await Otlp.DisposeAsync();
    }
}
