using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrderSilo.Testing;

/// <summary>An HTTP client of the API acting with a real token of one client: the operator or a tenant.</summary>
public sealed class ApiSession : IDisposable
{
    private ApiSession(Uri baseAddress, string clientId, string clientSecret, string accessToken)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    public HttpClient Http { get; }
    public string ClientId { get; }
    public string ClientSecret { get; }
    public string AccountId { get; private init; } = "";
    public string CompanyId { get; private init; } = "";

    public static async Task<ApiSession> ForAdminAsync(OrderSiloSystem system) =>
        new(system.ApiBaseAddress, system.AdminClientId, system.AdminClientSecret,
            await RequestTokenAsync(system.ApiBaseAddress, system.AdminClientId, system.AdminClientSecret));

    /// <summary>Creates a new tenant through the admin API and answers a session of its first client.</summary>
    /// <summary>
    /// Creates a tenant through the admin API. A new company has no credit: <paramref name="uncappedCredit"/> has the
    /// operator lift the cap, as most tests that place orders on account need.
    /// </summary>
    public async Task<ApiSession> CreateTenantAsync(string country = "US", string currency = "USD", bool uncappedCredit = true)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/admin/accounts", new
        {
            name = "Tenant " + Guid.NewGuid().ToString("N")[..6],
            billingEmail = "billing@tenant.example",
            country,
            currency,
        });
        var created = await ReadJsonAsync(response, 201);
        var (clientId, secret) = (created["clientId"]!.GetValue<string>(), created["clientSecret"]!.GetValue<string>());
        if (uncappedCredit)
            await UncapCreditAsync(created["companyId"]!.GetValue<string>());
        return new ApiSession(Http.BaseAddress!, clientId, secret, await RequestTokenAsync(Http.BaseAddress!, clientId, secret))
        {
            AccountId = created["accountId"]!.GetValue<string>(),
            CompanyId = created["companyId"]!.GetValue<string>(),
        };
    }

    /// <summary>The operator lifts the credit cap of a company (a new company, home or child, has no credit).</summary>
    public async Task UncapCreditAsync(string companyId)
    {
        using var uncap = new StringContent("""{"creditLimit":null}""", System.Text.Encoding.UTF8, "application/json");
        await ReadJsonAsync(await Http.PatchAsync(new Uri($"/api/v1/admin/companies/{companyId}", UriKind.Relative), uncap), 200);
    }

    /// <summary>Creates or replaces a product through the admin API.</summary>
    public async Task PutProductAsync(string productId, object product) =>
        await ReadJsonAsync(await Http.PutAsJsonAsync($"/api/v1/admin/products/{productId}", product), 200);

    public static async Task<string> RequestTokenAsync(Uri baseAddress, string clientId, string clientSecret)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        var token = await ReadJsonAsync(await http.PostAsync(new Uri("/oauth/token", UriKind.Relative), form), 200);
        return token["access_token"]!.GetValue<string>();
    }

    /// <summary>The response body as JSON after checking the status; the body is in the message when it differs.</summary>
    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, int expectedStatus)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expectedStatus)
            throw new HttpRequestException($"Expected {expectedStatus}, got {(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return JsonNode.Parse(body) as JsonObject ?? throw new JsonException($"Not a JSON object: {body}");
    }

    public void Dispose() => Http.Dispose();
}
