namespace OrderSilo.Api.Tests.Accounts;

public sealed class CreditTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OrdersOnAccount_UseCreditUntilTheLimit_AndARefusalLeavesThePoNumberFree()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, denominations: [25m]);
        var set = await SetTermsAsync(tenant.CompanyId, """{"creditLimit":"100.00","paymentTermsDays":45}""");
        Assert.Equal(("100.00", "100.00", 45), (set["creditLimit"]!.GetValue<string>(), set["availableCredit"]!.GetValue<string>(), set["paymentTermsDays"]!.GetValue<int>()));

        await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order("credit-1", product, 2, "25.00"), Cancel), 201);
        var refused = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order("credit-2", product, 3, "25.00"), Cancel);
        var afterRefusal = await CompanyAsync(tenant);
        await SetTermsAsync(tenant.CompanyId, """{"creditLimit":"200.00"}""");
        var retried = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order("credit-2", product, 3, "25.00"), Cancel);

        await Problems.AssertAsync(refused, 422, "credit_limit_exceeded", "companyId");
        Assert.Equal("50.00", afterRefusal["availableCredit"]!.GetValue<string>());
        await ApiSession.ReadJsonAsync(retried, 201);
        Assert.Equal("75.00", (await CompanyAsync(tenant))["availableCredit"]!.GetValue<string>());
    }

    [Fact]
    public async Task SixtyFourConcurrentOrders_OnALimitForTwentyFive_ExactlyTwentyFiveSucceed()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SetTermsAsync(tenant.CompanyId, """{"creditLimit":"250.00"}""");

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order($"hot-{i}", product, 1, "10.00"))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Equal(25, statuses.Count(s => s == 201));
        Assert.Equal(39, statuses.Count(s => s == 422));
        foreach (var refused in responses.Where(r => (int)r.StatusCode == 422))
            await Problems.AssertAsync(refused, 422, "credit_limit_exceeded");
        Assert.Equal("0.00", (await CompanyAsync(tenant))["availableCredit"]!.GetValue<string>());
        Assert.Equal(25, (await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId)).Count);
    }

    [Fact]
    public async Task RemovingTheLimit_UncapsTheCompany()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SetTermsAsync(tenant.CompanyId, """{"creditLimit":"5.00"}""");

        var removed = await SetTermsAsync(tenant.CompanyId, """{"creditLimit":null}""");
        var placed = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(TestCatalog.NewPoNumber(), product, 3), Cancel);

        Assert.Null(removed["creditLimit"]);
        Assert.Null(removed["availableCredit"]);
        await ApiSession.ReadJsonAsync(placed, 201);
    }

    [Theory]
    [InlineData("""{"creditLimit":"-5"}""", "creditLimit")]
    [InlineData("""{"creditLimit":"10.001"}""", "creditLimit")]
    [InlineData("""{"creditLimit":"lots"}""", "creditLimit")]
    [InlineData("""{"paymentTermsDays":400}""", "paymentTermsDays")]
    [InlineData("""{"availableCredit":"1000"}""", "availableCredit")]
    public async Task SetTerms_WithBadValue_AnswersValidationFailedNamingIt(string body, string field)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await fixture.Admin.Http.PatchAsync(new Uri($"/api/v1/admin/companies/{tenant.CompanyId}", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        await Problems.AssertAsync(response, 400, "validation_failed", field);
        Assert.Null((await CompanyAsync(tenant))["creditLimit"]);
    }

    [Fact]
    public async Task SetTerms_IsTheOperators()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var asTenant = await tenant.Http.PatchAsync(new Uri($"/api/v1/admin/companies/{tenant.CompanyId}", UriKind.Relative),
            new StringContent("""{"creditLimit":"1000000.00"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        var unknown = await fixture.Admin.Http.PatchAsync(new Uri("/api/v1/admin/companies/co_nobody", UriKind.Relative),
            new StringContent("""{"creditLimit":"1.00"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);

        await Problems.AssertAsync(asTenant, 403, "forbidden");
        await Problems.AssertAsync(unknown, 404, "not_found");
    }

    private async Task<JsonObject> SetTermsAsync(string companyId, string body) =>
        await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PatchAsync(new Uri($"/api/v1/admin/companies/{companyId}", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel), 200);

    private static async Task<JsonObject> CompanyAsync(ApiSession tenant) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/companies/{tenant.CompanyId}", UriKind.Relative), Cancel), 200);
}
