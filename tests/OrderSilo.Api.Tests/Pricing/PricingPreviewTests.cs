using OrderSilo.Api.Tests.Promotions;

namespace OrderSilo.Api.Tests.Pricing;

public sealed class PricingPreviewTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_ShowsTheFullBreakdown_AndPlacesNothing()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync(country: "GB", currency: "GBP");
        var licence = await PutLicenceAsync("GBP", "9.99", "digital");
        var code = TestPromotions.NewCode();
        await TestPromotions.CreateAsync(fixture.Admin, new
        {
            code, name = "Five off the order", type = "GLOBAL", instantDiscount = true, productIds = new[] { licence },
            discount = new { type = "FIXED", values = new[] { new { currency = "GBP", amount = "5.00" } }, defaultCurrency = "GBP" },
        });

        var preview = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/pricing/preview", new
        {
            lineItems = new[] { new { productId = licence, quantity = 3 } },
        }, Cancel), 200);

        var line = preview["lineItems"]![0]!;
        Assert.Equal(("GBP", tenant.CompanyId), (preview["currency"]!.GetValue<string>(), preview["companyId"]!.GetValue<string>()));
        // 3 × 9.99 = 29.97, less 5.00 = 24.97; VAT 20 % = 4.994 → 4.99; 29.96 to pay.
        Assert.Equal(("29.97", "5.00", "24.97", "4.99", "20", "35.96", "29.96"), (TestPromotions.Money(line["netPrice"]), TestPromotions.Money(line["discount"]),
            TestPromotions.Money(line["netDiscountedPrice"]), TestPromotions.Money(line["vat"]), TestPromotions.Money(line["vatPercent"]),
            TestPromotions.Money(line["grossPrice"]), TestPromotions.Money(line["grossDiscountedPrice"])));
        Assert.Equal("29.96", TestPromotions.Money(preview["totals"]!["amountTotal"]));
        Assert.Equal(code, Assert.Single(preview["promotions"]!.AsArray())!["code"]!.GetValue<string>());
        Assert.Empty(preview["errors"]!.AsArray());
        Assert.Empty(await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId));
    }

    [Fact]
    public async Task Preview_AfterTheOperatorChangesAPrice_ShowsTheNewPriceOnEverySilo()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var licence = await PutLicenceAsync("USD", "10.00", "digital");
        var before = await PreviewTotalsAsync(tenant, licence, times: 8);

        await PutLicenceAsync("USD", "12.00", "digital", licence);
        var after = await PreviewTotalsAsync(tenant, licence, times: 8);

        Assert.Equal(["10.00"], before);
        Assert.Equal(["12.00"], after);
    }

    [Fact]
    public async Task Preview_OfAnUnknownProductOrAnotherAccountsCompany_IsTheOrdersProblem()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var stranger = await fixture.Admin.CreateTenantAsync();

        var unknown = await tenant.Http.PostAsJsonAsync("/api/v1/pricing/preview", new { lineItems = new[] { new { productId = "prd_nothing_here", quantity = 1 } } }, Cancel);
        var foreign = await tenant.Http.PostAsJsonAsync("/api/v1/pricing/preview", new { companyId = stranger.CompanyId, lineItems = new[] { new { productId = "prd_x", quantity = 1 } } }, Cancel);
        var empty = await tenant.Http.PostAsJsonAsync("/api/v1/pricing/preview", new { lineItems = Array.Empty<object>() }, Cancel);

        await Problems.AssertAsync(unknown, 404, "not_found", "lineItems[0].productId");
        await Problems.AssertAsync(foreign, 404, "not_found", "companyId");
        await Problems.AssertAsync(empty, 400, "validation_failed", "lineItems");
    }

    [Fact]
    public async Task TaxRates_TheOperatorsRowForACategory_AppliesToTheNextPreview()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync(country: "DE", currency: "EUR");
        var category = "ebook-" + Guid.NewGuid().ToString("N")[..8];
        var ebook = await PutLicenceAsync("EUR", "10.00", category);
        var original = await ApiSession.ReadJsonAsync(await fixture.Admin.Http.GetAsync(new Uri("/api/v1/admin/tax-rates", UriKind.Relative), Cancel), 200);
        var rates = original["rates"]!.AsArray().Select(r => r!.DeepClone()).Append(new JsonObject { ["country"] = "DE", ["taxCategory"] = category, ["percent"] = "7" });

        var standard = await VatAsync(tenant, ebook);
        await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PutAsJsonAsync("/api/v1/admin/tax-rates", new { rates }, Cancel), 200);
        var reduced = await VatAsync(tenant, ebook);
        // Other tests price with the defaults: put the table back as it was (it held every default row throughout).
        await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PutAsJsonAsync("/api/v1/admin/tax-rates", new { rates = original["rates"] }, Cancel), 200);

        Assert.Equal(("19", "1.90"), standard);
        Assert.Equal(("7", "0.70"), reduced);
    }

    private async Task<string> PutLicenceAsync(string currency, string unitCost, string taxCategory, string? productId = null)
    {
        productId ??= $"prd_t_{Guid.NewGuid():N}"[..24];
        await fixture.Admin.PutProductAsync(productId, new
        {
            code = productId.ToUpperInvariant(), name = "Licence", kind = "licence", currency, taxCategory,
            valueType = "fixed_price", unitCost, delivery = "realtime",
        });
        return productId;
    }

    private static async Task<List<string>> PreviewTotalsAsync(ApiSession tenant, string productId, int times)
    {
        var totals = new List<string>();
        for (var i = 0; i < times; i++)
        {
            var preview = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/pricing/preview",
                new { lineItems = new[] { new { productId, quantity = 1 } } }, Cancel), 200);
            totals.Add(TestPromotions.Money(preview["totals"]!["amountTotal"]));
        }
        return [.. totals.Distinct()];
    }

    private static async Task<(string Percent, string Vat)> VatAsync(ApiSession tenant, string productId)
    {
        var preview = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/pricing/preview",
            new { lineItems = new[] { new { productId, quantity = 1 } } }, Cancel), 200);
        var line = preview["lineItems"]![0]!;
        return (TestPromotions.Money(line["vatPercent"]), TestPromotions.Money(line["vat"]));
    }
}
