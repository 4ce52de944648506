namespace OrderSilo.Api.Tests.Promotions;

public sealed class PromotionAdminTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ThenGet_ShowsTheDefinitionDiscountAndCoupon()
    {
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var code = TestPromotions.NewCode();

        var created = await TestPromotions.CreateAsync(fixture.Admin, new
        {
            code,
            name = "Winter sale",
            description = "Ten off",
            type = "REGULAR",
            startDate = "2026-01-01",
            endDate = "2026-12-31",
            maximumOrdersNumber = 100,
            maximumQuantity = 3,
            productIds = new[] { product },
            discount = new { type = "FIXED", values = new object[] { new { currency = "USD", amount = "10.00" }, new { currency = "EUR", amount = 9 } }, defaultCurrency = "USD" },
            coupon = new { type = "SINGLE", code = "winter-10" },
        });
        var read = await TestPromotions.GetAsync(fixture.Admin, code);

        Assert.Equal(created.ToJsonString(), read.ToJsonString());
        Assert.Equal((code, "Winter sale", "REGULAR", true, false), (read["code"]!.GetValue<string>(), read["name"]!.GetValue<string>(),
            read["type"]!.GetValue<string>(), read["enabled"]!.GetValue<bool>(), read["instantDiscount"]!.GetValue<bool>()));
        Assert.Equal(("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"), (read["startDate"]!.GetValue<string>(), read["endDate"]!.GetValue<string>()));
        Assert.Equal((100, 3, 0), (read["maximumOrdersNumber"]!.GetValue<int>(), read["maximumQuantity"]!.GetValue<int>(), read["ordersUsed"]!.GetValue<int>()));
        Assert.Equal(["10.00", "9.00"], read["discount"]!["values"]!.AsArray().Select(v => v!["amount"]!.GetValue<string>()));
        var coupon = Assert.Single(read["coupons"]!.AsArray())!;
        Assert.Equal(("WINTER-10", "SINGLE", false), (coupon["code"]!.GetValue<string>(), coupon["type"]!.GetValue<string>(), coupon["used"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Discount_AndCoupons_CanBeChanged()
    {
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var code = TestPromotions.NewCode();
        await TestPromotions.CreateAsync(fixture.Admin, new { code, name = "Later", type = "GLOBAL", productIds = new[] { product } });
        var prefix = TestPromotions.NewCode("M");

        var discounted = await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PutAsJsonAsync($"/api/v1/admin/promotions/{code}/discount", new { type = "PERCENT", value = 12.5 }, Cancel), 200);
        var added = await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PostAsJsonAsync($"/api/v1/admin/promotions/{code}/coupons",
            new { type = "MULTIPLE", codes = new[] { prefix + "-1", prefix + "-2", prefix + "-3" } }, Cancel), 200);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/admin/promotions/{code}/coupons")
        {
            Content = JsonContent.Create(new { type = "MULTIPLE", codes = new[] { prefix + "-2" } }),
        };
        var deleted = await ApiSession.ReadJsonAsync(await fixture.Admin.Http.SendAsync(delete, Cancel), 200);

        Assert.Equal(("PERCENT", "12.5"), (discounted["discount"]!["type"]!.GetValue<string>(), discounted["discount"]!["value"]!.GetValue<string>()));
        Assert.Equal(3, added["coupons"]!.AsArray().Count);
        Assert.Equal([prefix + "-1", prefix + "-3"], deleted["coupons"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_WithACodeInUse_OrACouponOfAnotherPromotion_IsAConflict()
    {
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var first = TestPromotions.NewCode();
        var shared = TestPromotions.NewCode("C");
        await TestPromotions.CreateAsync(fixture.Admin, TestPromotions.PercentOff(first, product, 5, coupon: new { type = "SINGLE", code = shared }));
        var second = TestPromotions.NewCode();
        await TestPromotions.CreateAsync(fixture.Admin, TestPromotions.PercentOff(second, product, 5));

        var sameCode = await fixture.Admin.Http.PostAsJsonAsync("/api/v1/admin/promotions", TestPromotions.PercentOff(first, product, 5), Cancel);
        var takenCoupon = await fixture.Admin.Http.PostAsJsonAsync($"/api/v1/admin/promotions/{second}/coupons", new { type = "MULTIPLE", codes = new[] { "FREE-" + shared, shared.ToLowerInvariant() } }, Cancel);

        await Problems.AssertAsync(sameCode, 409, "conflict", "code");
        await Problems.AssertAsync(takenCoupon, 409, "conflict", "codes[1]");
        // All or nothing: the free code of the refused call was not kept.
        Assert.Empty((await TestPromotions.GetAsync(fixture.Admin, second))["coupons"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"code":"CODE","name":"x","type":"SPECIAL"}""", 400, "type")]
    [InlineData("""{"code":"bad code!","name":"x","type":"REGULAR"}""", 400, "code")]
    [InlineData("""{"code":"CODE","type":"REGULAR"}""", 400, "name")]
    [InlineData("""{"code":"CODE","name":"x","type":"REGULAR","startDate":"soon"}""", 400, "startDate")]
    [InlineData("""{"code":"CODE","name":"x","type":"REGULAR","startDate":"2026-05-01","endDate":"2026-04-01"}""", 400, "endDate")]
    [InlineData("""{"code":"CODE","name":"x","type":"GLOBAL","maximumQuantity":2}""", 400, "maximumQuantity")]
    [InlineData("""{"code":"CODE","name":"x","type":"REGULAR","discount":{"type":"PERCENT","value":"120"}}""", 400, "discount.value")]
    [InlineData("""{"code":"CODE","name":"x","type":"REGULAR","discount":{"type":"FIXED","values":[{"currency":"JPY","amount":"10.5"}],"defaultCurrency":"JPY"}}""", 400, "discount.values[0].amount")]
    [InlineData("""{"code":"CODE","name":"x","type":"REGULAR","discount":{"type":"FIXED","values":[{"currency":"USD","amount":"1"}],"defaultCurrency":"EUR"}}""", 400, "discount.defaultCurrency")]
    [InlineData("""{"code":"CODE","name":"x","type":"REGULAR","coupon":{"type":"SINGLE","codes":["A"]}}""", 400, "coupon.code")]
    [InlineData("""{"code":"CODE","name":"x","type":"REGULAR","productIds":["prd_nothing_here"]}""", 404, "productIds[0]")]
    public async Task Create_WithBadField_IsRefusedNamingIt(string template, int status, string field)
    {
        var body = template.Replace("\"CODE\"", $"\"{TestPromotions.NewCode()}\"", StringComparison.Ordinal);

        var response = await fixture.Admin.Http.PostAsync(new Uri("/api/v1/admin/promotions", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        await Problems.AssertAsync(response, status, status == 404 ? "not_found" : "validation_failed", field);
    }

    [Fact]
    public async Task UnknownPromotion_IsNotFound()
    {
        var get = await fixture.Admin.Http.GetAsync(new Uri("/api/v1/admin/promotions/NO-SUCH-PROMO", UriKind.Relative), Cancel);
        var discount = await fixture.Admin.Http.PutAsJsonAsync("/api/v1/admin/promotions/NO-SUCH-PROMO/discount", new { type = "PERCENT", value = 5 }, Cancel);

        await Problems.AssertAsync(get, 404, "not_found");
        await Problems.AssertAsync(discount, 404, "not_found");
    }
}
