namespace OrderSilo.Api.Tests.Accounts;

public sealed class CompanyTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAccount_ShowsTheClientAndTheHomeCompanyFirst()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync(country: "GB", currency: "GBP");

        var account = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri("/api/v1/account", UriKind.Relative), Cancel), 200);

        Assert.Equal(tenant.ClientId, account["user"]!["clientId"]!.GetValue<string>());
        Assert.NotNull(account["user"]!["lastLogin"]?.GetValue<string>());
        var home = account["companies"]!.AsArray().Single()!;
        Assert.Equal(tenant.CompanyId, home["id"]!.GetValue<string>());
        Assert.Null(home["parentCompanyId"]);
        Assert.Equal(("GB", "GBP", 30), (home["country"]!.GetValue<string>(), home["currency"]!.GetValue<string>(), home["paymentTermsDays"]!.GetValue<int>()));
        Assert.Null(home["creditLimit"]);
    }

    [Fact]
    public async Task CreateCompany_AddsAChildOfTheHomeCompanyThatOrdersCanBeFor()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/companies", new
        {
            name = "Child Ltd",
            country = "GB",
            billingEmail = "accounts@child.example",
            vatNumber = "GB 123 4567 89",
        }, Cancel);

        var child = await ApiSession.ReadJsonAsync(response, 201);
        var childId = child["id"]!.GetValue<string>();
        Assert.StartsWith("co_", childId);
        Assert.Equal($"/api/v1/companies/{childId}", response.Headers.Location?.OriginalString);
        Assert.Equal(tenant.CompanyId, child["parentCompanyId"]!.GetValue<string>());
        Assert.Equal("USD", child["currency"]!.GetValue<string>());
        // A new child has no credit of its own until the operator gives it some (here: no cap of its own).
        Assert.Equal(("0.00", "0.00"), (child["creditLimit"]!.GetValue<string>(), child["availableCredit"]!.GetValue<string>()));
        await fixture.Admin.UncapCreditAsync(childId);
        var account = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri("/api/v1/account", UriKind.Relative), Cancel), 200);
        Assert.Equal([tenant.CompanyId, childId], account["companies"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        var order = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", new
        {
            poNumber = TestCatalog.NewPoNumber(),
            companyId = childId,
            lineItems = new[] { new { productId = product, quantity = 1, denomination = "10.00" } },
        }, Cancel), 201);
        Assert.Equal(childId, order["companyId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Companies_OfAnotherAccount_AnswerNotFound()
    {
        using var owner = await fixture.Admin.CreateTenantAsync();
        using var stranger = await fixture.Admin.CreateTenantAsync();
        var child = await ApiSession.ReadJsonAsync(await owner.Http.PostAsJsonAsync("/api/v1/companies", new { name = "Child", country = "US" }, Cancel), 201);
        var childId = child["id"]!.GetValue<string>();

        var get = await stranger.Http.GetAsync(new Uri($"/api/v1/companies/{childId}", UriKind.Relative), Cancel);
        var patch = await stranger.Http.PatchAsJsonAsync($"/api/v1/companies/{childId}", new { city = "Elsewhere" }, Cancel);
        var under = await stranger.Http.PostAsJsonAsync("/api/v1/companies", new { name = "Grandchild", country = "US", parentCompanyId = childId }, Cancel);

        await Problems.AssertAsync(get, 404, "not_found");
        await Problems.AssertAsync(patch, 404, "not_found");
        await Problems.AssertAsync(under, 404, "not_found", "parentCompanyId");
        var unchanged = await ApiSession.ReadJsonAsync(await owner.Http.GetAsync(new Uri($"/api/v1/companies/{childId}", UriKind.Relative), Cancel), 200);
        Assert.Null(unchanged["city"]);
    }

    [Theory]
    [InlineData("""{"country":"US"}""", "name")]
    [InlineData("""{"name":"X"}""", "country")]
    [InlineData("""{"name":"X","country":"XX"}""", "country")]
    [InlineData("""{"name":"X","country":"gb"}""", "country")]
    [InlineData("""{"name":"X","country":"GB","billingEmail":"not-an-email"}""", "billingEmail")]
    [InlineData("""{"name":"X","country":"GB","vatNumber":"GB123"}""", "vatNumber")]
    [InlineData("""{"name":"X","country":"DE","vatNumber":"DE12345678"}""", "vatNumber")]
    [InlineData("""{"name":"X","country":"US","currency":"XYZ"}""", "currency")]
    public async Task CreateCompany_WithBadField_AnswersValidationFailedNamingIt(string body, string field)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await tenant.Http.PostAsync(new Uri("/api/v1/companies", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        await Problems.AssertAsync(response, 400, "validation_failed", field);
        var account = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri("/api/v1/account", UriKind.Relative), Cancel), 200);
        Assert.Single(account["companies"]!.AsArray());
    }

    [Fact]
    public async Task UpdateCompany_SetsAndClearsFieldsAsAMergePatch()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var child = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/companies",
            new { name = "Child", country = "GB", address2 = "Suite 4", city = "Leeds" }, Cancel), 201);
        var uri = $"/api/v1/companies/{child["id"]}";

        var response = await tenant.Http.PatchAsync(new Uri(uri, UriKind.Relative),
            new StringContent("""{"city":"York","address2":null,"vatNumber":"GB123456789"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"), Cancel);

        var updated = await ApiSession.ReadJsonAsync(response, 200);
        Assert.Equal(("York", "GB123456789", "Child"), (updated["city"]!.GetValue<string>(), updated["vatNumber"]!.GetValue<string>(), updated["name"]!.GetValue<string>()));
        Assert.Null(updated["address2"]);
        var read = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri(uri, UriKind.Relative), Cancel), 200);
        Assert.Equal(updated.ToJsonString(), read.ToJsonString());
    }

    [Theory]
    [InlineData("""{"name":null}""", "name")]
    [InlineData("""{"creditLimit":"1000.00"}""", "creditLimit")]
    [InlineData("""{"city":42}""", "city")]
    [InlineData("""{"country":"ZZ"}""", "country")]
    public async Task UpdateCompany_WithChangeNotAllowed_AnswersValidationFailedAndChangesNothing(string patch, string field)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var uri = $"/api/v1/companies/{tenant.CompanyId}";
        var before = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri(uri, UriKind.Relative), Cancel), 200);

        var response = await tenant.Http.PatchAsync(new Uri(uri, UriKind.Relative),
            new StringContent(patch, System.Text.Encoding.UTF8, "application/json"), Cancel);

        await Problems.AssertAsync(response, 400, "validation_failed", field);
        var after = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri(uri, UriKind.Relative), Cancel), 200);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task SaveCard_ShowsBrandAndLast4Only_AndRefusesUnknownTokensAndStrangers()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var stranger = await fixture.Admin.CreateTenantAsync();
        var uri = new Uri($"/api/v1/companies/{tenant.CompanyId}/saved-card", UriKind.Relative);

        var saved = await ApiSession.ReadJsonAsync(await tenant.Http.PutAsJsonAsync(uri, new { cardToken = "tok_mastercard" }, Cancel), 200);
        var unknown = await tenant.Http.PutAsJsonAsync(uri, new { cardToken = "tok_stolen" }, Cancel);
        var foreign = await stranger.Http.PutAsJsonAsync(uri, new { cardToken = "tok_visa" }, Cancel);

        Assert.Equal("""{"brand":"mastercard","last4":"4444"}""", saved["savedCard"]!.ToJsonString());
        Assert.DoesNotContain("tok_", saved.ToJsonString(), StringComparison.Ordinal);
        await Problems.AssertAsync(unknown, 400, "validation_failed", "cardToken");
        await Problems.AssertAsync(foreign, 404, "not_found");
        var company = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/companies/{tenant.CompanyId}", UriKind.Relative), Cancel), 200);
        Assert.Equal("mastercard", company["savedCard"]!["brand"]!.GetValue<string>());
    }
}
