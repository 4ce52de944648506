using System.Net.Http.Headers;

namespace OrderSilo.Api.Tests.Accounts;

public sealed class AdminAccountTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_Account_AnswersItsIdsAndASecretThatIssuesTokens()
    {
        var name = "Reseller " + Guid.NewGuid().ToString("N")[..8];

        var response = await fixture.Admin.Http.PostAsJsonAsync("/api/v1/admin/accounts", Account(name), Cancel);

        var created = await ApiSession.ReadJsonAsync(response, 201);
        var accountId = created["accountId"]!.GetValue<string>();
        Assert.Matches("^acc_[0-9a-z]+$", accountId);
        Assert.Matches("^co_[0-9a-z]+$", created["companyId"]!.GetValue<string>());
        var clientId = created["clientId"]!.GetValue<string>();
        Assert.Matches("^cli_[0-9a-z]+$", clientId);
        var secret = created["clientSecret"]!.GetValue<string>();
        Assert.True(secret.Length >= 32, $"A short secret: {secret}");

        var token = await RequestTokenAsync(clientId, secret);
        var tokenBody = await ApiSession.ReadJsonAsync(token, 200);
        Assert.Equal("orders", tokenBody["scope"]!.GetValue<string>());
        using var session = Bearer(tokenBody["access_token"]!.GetValue<string>());
        await ApiSession.ReadJsonAsync(await session.GetAsync(new Uri("/api/v1/products", UriKind.Relative), Cancel), 200);

        var listed = Assert.Single(await ListAllAsync(100), a => a["accountId"]!.GetValue<string>() == accountId);
        Assert.Equal(name, listed["name"]!.GetValue<string>());
        Assert.Equal("billing@reseller.example", listed["billingEmail"]!.GetValue<string>());
        Assert.Equal("GB", listed["country"]!.GetValue<string>());
        Assert.Equal("GBP", listed["currency"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("name", null)]
    [InlineData("name", "")]
    [InlineData("billingEmail", null)]
    [InlineData("billingEmail", "not-an-email")]
    [InlineData("billingEmail", "billing@example")]
    [InlineData("country", null)]
    [InlineData("country", "gb")]
    [InlineData("country", "GBR")]
    [InlineData("country", "G1")]
    [InlineData("currency", null)]
    [InlineData("currency", "gbp")]
    [InlineData("currency", "XYZ")]
    public async Task Create_WithInvalidField_AnswersValidationFailedNamingIt(string field, string? value)
    {
        var body = Account("Invalid " + field);
        body[field] = value;

        var response = await fixture.Admin.Http.PostAsJsonAsync("/api/v1/admin/accounts", body, Cancel);

        var problem = await Problems.AssertAsync(response, 400, "validation_failed", field);
        Assert.Equal(field, Assert.Single(problem["errors"]!.AsObject()).Key);
    }

    [Fact]
    public async Task Create_WithEveryFieldInvalid_AnswersValidationFailedNamingEachField()
    {
        var response = await fixture.Admin.Http.PostAsJsonAsync("/api/v1/admin/accounts",
            new { name = "", billingEmail = "nobody", country = "gbr", currency = "POUND" }, Cancel);

        var problem = await Problems.AssertAsync(response, 400, "validation_failed");
        Assert.Equal("billingEmail,country,currency,name", string.Join(',', problem["errors"]!.AsObject().Select(e => e.Key).Order()));
    }

    [Fact]
    public async Task List_PagedOneAtATime_ReachesEveryAccountOnce()
    {
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
            mine.Add((await CreateAccountAsync())["accountId"]!.GetValue<string>());

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ApiSession.ReadJsonAsync(await Get("/api/v1/admin/accounts?limit=1" + CursorQuery(cursor, '&')), 200);
            var data = page["data"]!.AsArray();
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.True(data.Count == 1 || (data.Count == 0 && cursor is null), $"A page of limit=1 with {data.Count} accounts: {page}");
            seen.AddRange(data.Select(a => a!["accountId"]!.GetValue<string>()));
            Assert.True(seen.Count < 100_000, "The account pages never end.");
        }
        while (cursor is not null);

        Assert.All(mine, id => Assert.Contains(id, seen));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-1)]
    public async Task List_WithLimitOutOfRange_AnswersValidationFailedNamingLimit(int limit)
    {
        var response = await Get($"/api/v1/admin/accounts?limit={limit}");

        await Problems.AssertAsync(response, 400, "validation_failed", "limit");
    }

    [Fact]
    public async Task List_WithLimitAtTheBounds_AnswersPagesOfAtMostThatMany()
    {
        await CreateAccountAsync();
        await CreateAccountAsync();

        var one = await ApiSession.ReadJsonAsync(await Get("/api/v1/admin/accounts?limit=1"), 200);
        var hundred = await ApiSession.ReadJsonAsync(await Get("/api/v1/admin/accounts?limit=100"), 200);

        Assert.Single(one["data"]!.AsArray());
        Assert.NotNull(one["nextCursor"]?.GetValue<string>());
        Assert.InRange(hundred["data"]!.AsArray().Count, 2, 100);
    }

    [Fact]
    public async Task CreateClient_IssuesASecondClientThatActsOnTheSameAccount()
    {
        using var first = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var response = await fixture.Admin.Http.PostAsJsonAsync($"/api/v1/admin/accounts/{first.AccountId}/clients", new { name = "Warehouse" }, Cancel);

        var client = await ApiSession.ReadJsonAsync(response, 201);
        var clientId = client["clientId"]!.GetValue<string>();
        Assert.Matches("^cli_[0-9a-z]+$", clientId);
        Assert.NotEqual(first.ClientId, clientId);
        using var second = Bearer(await ApiSession.RequestTokenAsync(fixture.System.ApiBaseAddress, clientId, client["clientSecret"]!.GetValue<string>()));
        var po = TestCatalog.NewPoNumber();
        var placed = await ApiSession.ReadJsonAsync(await second.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product), Cancel), 201);
        Assert.Equal(first.CompanyId, placed["companyId"]!.GetValue<string>());

        var byId = await ApiSession.ReadJsonAsync(await first.Http.GetAsync(new Uri($"/api/v1/orders/{placed["orderId"]}", UriKind.Relative), Cancel), 200);
        var byPo = await ApiSession.ReadJsonAsync(await first.Http.GetAsync(new Uri($"/api/v1/orders/by-po/{po}", UriKind.Relative), Cancel), 200);
        Assert.Equal(placed.ToJsonString(), byId.ToJsonString());
        Assert.Equal(placed.ToJsonString(), byPo.ToJsonString());
    }

    [Fact]
    public async Task RevokeClient_RefusesThatClientTokensAndKeepsTheOther()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var second = await ApiSession.ReadJsonAsync(
            await fixture.Admin.Http.PostAsJsonAsync($"/api/v1/admin/accounts/{tenant.AccountId}/clients", new { name = "Temporary" }, Cancel), 201);
        var (secondId, secondSecret) = (second["clientId"]!.GetValue<string>(), second["clientSecret"]!.GetValue<string>());
        await ApiSession.ReadJsonAsync(await RequestTokenAsync(secondId, secondSecret), 200);

        var response = await fixture.Admin.Http.DeleteAsync(new Uri($"/api/v1/admin/accounts/{tenant.AccountId}/clients/{secondId}", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var refused = await ApiSession.ReadJsonAsync(await RequestTokenAsync(secondId, secondSecret), 401);
        Assert.Equal("invalid_client", refused["error"]!.GetValue<string>());
        var kept = await ApiSession.ReadJsonAsync(await RequestTokenAsync(tenant.ClientId, tenant.ClientSecret), 200);
        using var stillWorking = Bearer(kept["access_token"]!.GetValue<string>());
        await ApiSession.ReadJsonAsync(await stillWorking.GetAsync(new Uri("/api/v1/products", UriKind.Relative), Cancel), 200);
    }

    [Theory]
    [InlineData("acc_doesnotexist")]
    [InlineData("abc")]
    [InlineData("0123456789abcdef")]
    public async Task CreateClient_ForUnknownAccount_AnswersNotFound(string accountId)
    {
        var response = await fixture.Admin.Http.PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/clients", new { name = "Ghost" }, Cancel);

        await Problems.AssertAsync(response, 404, "not_found");
    }

    [Theory]
    [InlineData("acc_doesnotexist")]
    [InlineData("abc")]
    public async Task RevokeClient_OfUnknownAccount_AnswersNotFound(string accountId)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await fixture.Admin.Http.DeleteAsync(new Uri($"/api/v1/admin/accounts/{accountId}/clients/{tenant.ClientId}", UriKind.Relative), Cancel);

        await Problems.AssertAsync(response, 404, "not_found");
        await ApiSession.ReadJsonAsync(await RequestTokenAsync(tenant.ClientId, tenant.ClientSecret), 200);
    }

    [Fact]
    public async Task RevokeClient_OfAnotherAccountOrUnknown_AnswersNotFoundAndKeepsTheClient()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var other = await fixture.Admin.CreateTenantAsync();

        var foreign = await fixture.Admin.Http.DeleteAsync(new Uri($"/api/v1/admin/accounts/{tenant.AccountId}/clients/{other.ClientId}", UriKind.Relative), Cancel);
        var unknown = await fixture.Admin.Http.DeleteAsync(new Uri($"/api/v1/admin/accounts/{tenant.AccountId}/clients/cli_doesnotexist", UriKind.Relative), Cancel);

        await Problems.AssertAsync(foreign, 404, "not_found");
        await Problems.AssertAsync(unknown, 404, "not_found");
        await ApiSession.ReadJsonAsync(await RequestTokenAsync(other.ClientId, other.ClientSecret), 200);
    }

    [Fact]
    public async Task List_NeverShowsAClientSecretAgain()
    {
        var created = await CreateAccountAsync();
        var accountId = created["accountId"]!.GetValue<string>();
        var extra = await ApiSession.ReadJsonAsync(
            await fixture.Admin.Http.PostAsJsonAsync($"/api/v1/admin/accounts/{accountId}/clients", new { name = "Second" }, Cancel), 201);
        var secrets = new[] { created["clientSecret"]!.GetValue<string>(), extra["clientSecret"]!.GetValue<string>() };

        var bodies = new List<string>();
        string? cursor = null;
        do
        {
            var response = await Get("/api/v1/admin/accounts?limit=100" + CursorQuery(cursor, '&'));
            var body = await response.Content.ReadAsStringAsync(Cancel);
            bodies.Add(body);
            cursor = (await ApiSession.ReadJsonAsync(response, 200))["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        var all = string.Concat(bodies);
        Assert.Contains(accountId, all, StringComparison.Ordinal);
        Assert.Contains(created["clientId"]!.GetValue<string>(), all, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, all, StringComparison.Ordinal));
    }

    private static JsonObject Account(string name) => new()
    {
        ["name"] = name,
        ["billingEmail"] = "billing@reseller.example",
        ["country"] = "GB",
        ["currency"] = "GBP",
    };

    private async Task<JsonObject> CreateAccountAsync() =>
        await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PostAsJsonAsync("/api/v1/admin/accounts",
            Account("Paged " + Guid.NewGuid().ToString("N")[..8]), Cancel), 201);

    private Task<HttpResponseMessage> Get(string path) => fixture.Admin.Http.GetAsync(new Uri(path, UriKind.Relative), Cancel);

    private static string CursorQuery(string? cursor, char separator) =>
        cursor is null ? "" : $"{separator}cursor={Uri.EscapeDataString(cursor)}";

    private async Task<List<JsonObject>> ListAllAsync(int limit)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await ApiSession.ReadJsonAsync(await Get($"/api/v1/admin/accounts?limit={limit}" + CursorQuery(cursor, '&')), 200);
            items.AddRange(page["data"]!.AsArray().Select(a => a!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(string clientId, string secret)
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.System.ApiBaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        });
        var response = await anonymous.PostAsync(new Uri("/oauth/token", UriKind.Relative), form, Cancel);
        await response.Content.LoadIntoBufferAsync(Cancel);
        return response;
    }

    private HttpClient Bearer(string accessToken)
    {
        var http = new HttpClient { BaseAddress = fixture.System.ApiBaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }
}
