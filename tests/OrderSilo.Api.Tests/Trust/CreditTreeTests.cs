using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;

namespace OrderSilo.Api.Tests.Trust;

/// <summary>Credit starts at zero and holds over a company's whole tree: a child never orders past its parent's limit.</summary>
public sealed class CreditTreeTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewAccountAndANewChild_HaveNoCredit_UntilTheOperatorGivesSome()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync(uncappedCredit: false);
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var home = await CompanyAsync(tenant, tenant.CompanyId);
        var refused = await tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, new { type = "account" }), Cancel);
        var child = await CreateChildAsync(tenant, "Shell Co");
        var childRefused = await tenant.Http.PostAsJsonAsync("/api/v1/orders", ForCompany(Order(product, new { type = "account" }), Id(child)), Cancel);

        Assert.Equal(("0.00", "0.00"), (home["creditLimit"]!.GetValue<string>(), home["availableCredit"]!.GetValue<string>()));
        Assert.Equal(("0.00", "0.00"), (child["creditLimit"]!.GetValue<string>(), child["availableCredit"]!.GetValue<string>()));
        await Problems.AssertAsync(refused, 422, "credit_limit_exceeded");
        await Problems.AssertAsync(childRefused, 422, "credit_limit_exceeded");
        Assert.Empty(await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task AChildOrders_WithinItsOwnLimitAndItsParents_AndShowsTheTightestCredit()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync(uncappedCredit: false);
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SetLimitAsync(tenant.CompanyId, "\"100.00\"");
        var child = await CreateChildAsync(tenant, "Shell Co");
        await SetLimitAsync(Id(child), "null");

        await PlaceAsync(tenant, OnAccount(product, 6, Id(child)));
        var (parentOpen, childOpen) = (await AvailableAsync(tenant, tenant.CompanyId), await AvailableAsync(tenant, Id(child)));
        var pastTheParent = await tenant.Http.PostAsJsonAsync("/api/v1/orders", OnAccount(product, 5, Id(child)), Cancel);
        await SetLimitAsync(Id(child), "\"30.00\"");
        var childCapped = await AvailableAsync(tenant, Id(child));
        var pastTheChild = await tenant.Http.PostAsJsonAsync("/api/v1/orders", OnAccount(product, 4, Id(child)), Cancel);
        await PlaceAsync(tenant, OnAccount(product, 3, Id(child)));

        Assert.Equal(("40.00", "40.00"), (parentOpen, childOpen));
        await Problems.AssertAsync(pastTheParent, 422, "credit_limit_exceeded");
        Assert.Equal("30.00", childCapped);
        await Problems.AssertAsync(pastTheChild, 422, "credit_limit_exceeded");
        Assert.Equal(("10.00", "0.00"), (await AvailableAsync(tenant, tenant.CompanyId), await AvailableAsync(tenant, Id(child))));
        Assert.Equal(2, (await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId)).Count);
    }

    [Fact]
    public async Task TwoChildrenOrderingAtOnce_AgainstAParentLimitForFive_PlaceExactlyFive()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync(uncappedCredit: false);
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SetLimitAsync(tenant.CompanyId, "\"50.00\"");
        var children = new[] { await CreateChildAsync(tenant, "East"), await CreateChildAsync(tenant, "West") };
        foreach (var child in children)
            await SetLimitAsync(Id(child), "null");

        var responses = await Task.WhenAll(children.SelectMany(child => Enumerable.Range(0, 24).Select(_ =>
            tenant.Http.PostAsJsonAsync("/api/v1/orders", ForCompany(Order(product, new { type = "account" }), Id(child)), Cancel))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.Equal((5, 43), (statuses.Count(s => s == 201), statuses.Count(s => s == 422)));
        foreach (var refused in responses.Where(r => (int)r.StatusCode == 422))
            await Problems.AssertAsync(refused, 422, "credit_limit_exceeded");
        Assert.Equal("0.00", (await CompanyAsync(tenant, tenant.CompanyId))["availableCredit"]!.GetValue<string>());
        Assert.Equal(5, (await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId)).Count);
    }

    private static JsonObject OnAccount(string product, int quantity, string companyId) =>
        ForCompany(Order(product, new { type = "account" }, quantity), companyId);

    private static async Task<string> AvailableAsync(ApiSession tenant, string companyId) =>
        (await CompanyAsync(tenant, companyId))["availableCredit"]!.GetValue<string>();

    private static string Id(JsonObject company) => company["id"]!.GetValue<string>();

    private static async Task<JsonObject> CreateChildAsync(ApiSession tenant, string name) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/companies", new { name, country = "US" }, Cancel), 201);

    private static async Task<JsonObject> CompanyAsync(ApiSession tenant, string companyId) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/companies/{companyId}", UriKind.Relative), Cancel), 200);

    private async Task SetLimitAsync(string companyId, string limitJson) =>
        await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PatchAsync(new Uri($"/api/v1/admin/companies/{companyId}", UriKind.Relative),
            new StringContent($$"""{"creditLimit":{{limitJson}}}""", System.Text.Encoding.UTF8, "application/json"), Cancel), 200);
}
