namespace OrderSilo.Api.Tests.Pricing;

public sealed class PriceListTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task VoucherDiscount_ShowsInProducts_AndPricesOrders_ButNotOtherTenants()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var other = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, denominations: [25m]);

        await PutListAsync(tenant.CompanyId, $$"""{"entries":[{"productId":"{{product}}","discountPercent":"10"}]}""");

        var shown = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/products/{product}", UriKind.Relative), Cancel), 200);
        var order = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(TestCatalog.NewPoNumber(), product, 2, "25.00"), Cancel), 201);
        var otherSees = await ApiSession.ReadJsonAsync(await other.Http.GetAsync(new Uri($"/api/v1/products/{product}", UriKind.Relative), Cancel), 200);
        Assert.Equal("10", shown["discountPercent"]!.GetValue<string>());
        Assert.Equal(("22.50", "45.00", "45.00"), (order["lineItems"]![0]!["unitNetPrice"]!.GetValue<string>(),
            order["lineItems"]![0]!["netPrice"]!.GetValue<string>(), order["totals"]!["amountTotal"]!.GetValue<string>()));
        Assert.All(order["vouchers"]!.AsArray(), v => Assert.Equal("25.00", v!["amount"]!.GetValue<string>()));
        Assert.Null(otherSees["discountPercent"]);
    }

    [Fact]
    public async Task ChildCompany_UsesItsParentsList_UntilItHasItsOwn()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, denominations: [50m]);
        var child = (await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/companies", new { name = "Child", country = "US" }, Cancel), 201))["id"]!.GetValue<string>();
        await fixture.Admin.UncapCreditAsync(child);
        await PutListAsync(tenant.CompanyId, $$"""{"entries":[{"productId":"{{product}}","discountPercent":"10"}]}""");

        var inherited = await OrderTotalAsync(tenant, child, product);
        await PutListAsync(child, $$"""{"entries":[{"productId":"{{product}}","discountPercent":"20"}]}""");
        var own = await OrderTotalAsync(tenant, child, product);
        var parent = await OrderTotalAsync(tenant, tenant.CompanyId, product);

        Assert.Equal(("45.00", "40.00", "45.00"), (inherited, own, parent));
        var listed = await ListAllAsync(tenant, child);
        Assert.Contains(listed, p => p["productId"]!.GetValue<string>() == product && p["discountPercent"]!.GetValue<string>() == "20");
    }

    /// <summary>
    /// Every page of the company's price list: the catalog is shared by all the tests of the run, so by the time
    /// this one runs it can hold more than one page, and a product made just now may sort onto any of them.
    /// </summary>
    private static async Task<List<JsonNode>> ListAllAsync(ApiSession tenant, string companyId)
    {
        var all = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(
                new Uri($"/api/v1/products?companyId={companyId}&limit=100{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", UriKind.Relative), Cancel), 200);
            all.AddRange(page["data"]!.AsArray().Select(p => p!));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return all;
    }

    [Fact]
    public async Task UnitCost_ReplacesTheListPriceOfOtherProducts()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var productId = $"prd_t_{Guid.NewGuid():N}"[..20];
        await fixture.Admin.PutProductAsync(productId, new
        {
            code = productId.ToUpperInvariant(), name = "Support hours", kind = "service", currency = "USD",
            taxCategory = "service", valueType = "fixed_price", unitCost = "9.99", delivery = "realtime",
        });
        await PutListAsync(tenant.CompanyId, $$"""{"entries":[{"productId":"{{productId}}","unitCost":"7.50"}]}""");

        var order = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", new
        {
            poNumber = TestCatalog.NewPoNumber(),
            lineItems = new[] { new { productId, quantity = 3 } },
        }, Cancel), 201);

        Assert.Equal(("7.50", "22.50"), (order["lineItems"]![0]!["unitNetPrice"]!.GetValue<string>(), order["totals"]!["amountTotal"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"entries":[{"productId":"PRODUCT","discountPercent":"150"}]}""", 400, "validation_failed", "entries[0]")]
    [InlineData("""{"entries":[{"productId":"PRODUCT","unitCost":"1.001"}]}""", 400, "validation_failed", "entries[0]")]
    [InlineData("""{"entries":[{"productId":"PRODUCT"}]}""", 400, "validation_failed", "entries[0]")]
    [InlineData("""{"entries":[{"productId":"prd_nothing_here","discountPercent":"5"}]}""", 404, "not_found", "entries[0]")]
    [InlineData("""{"entries":[{"productId":"PRODUCT","discountPercent":"5"},{"productId":"PRODUCT","discountPercent":"6"}]}""", 400, "validation_failed", "entries[1].productId")]
    [InlineData("""{}""", 400, "validation_failed", "entries")]
    public async Task PutPriceList_WithBadEntry_IsRefusedNamingIt(string template, int status, string code, string field)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var response = await fixture.Admin.Http.PutAsync(new Uri($"/api/v1/admin/price-lists/{tenant.CompanyId}", UriKind.Relative),
            new StringContent(template.Replace("PRODUCT", product, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"), Cancel);

        await Problems.AssertAsync(response, status, code, field);
    }

    [Fact]
    public async Task PutPriceList_IsTheOperatorsAndNeedsAKnownCompany()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var body = """{"entries":[]}""";

        var asTenant = await tenant.Http.PutAsync(new Uri($"/api/v1/admin/price-lists/{tenant.CompanyId}", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);
        var unknown = await fixture.Admin.Http.PutAsync(new Uri("/api/v1/admin/price-lists/co_nobody", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        await Problems.AssertAsync(asTenant, 403, "forbidden");
        await Problems.AssertAsync(unknown, 404, "not_found");
    }

    private async Task PutListAsync(string companyId, string body) =>
        await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PutAsync(new Uri($"/api/v1/admin/price-lists/{companyId}", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel), 200);

    private static async Task<string> OrderTotalAsync(ApiSession tenant, string companyId, string product)
    {
        var order = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", new
        {
            poNumber = TestCatalog.NewPoNumber(),
            companyId,
            lineItems = new[] { new { productId = product, quantity = 1, denomination = "50.00" } },
        }, Cancel), 201);
        return order["totals"]!["amountTotal"]!.GetValue<string>();
    }
}
