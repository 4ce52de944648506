namespace OrderSilo.Api.Tests.Promotions;

public sealed class PromotionOrderTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Order(string productId, params string[] coupons) => new
    {
        poNumber = TestCatalog.NewPoNumber(),
        lineItems = new[] { new { productId, quantity = 2, denomination = "25.00" } },
        couponCodes = coupons,
    };

    [Fact]
    public async Task Order_WithCoupon_IsDiscountedAndEchoesThePromotionAndTheCouponConsumed()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, denominations: [25m]);
        var code = TestPromotions.NewCode();
        var coupon = TestPromotions.NewCode("C");
        await TestPromotions.CreateAsync(fixture.Admin, TestPromotions.PercentOff(code, product, 20, instant: false, coupon: new { type = "SINGLE", code = coupon }));

        var order = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, coupon.ToLowerInvariant()), Cancel), 201);

        var line = order["lineItems"]![0]!;
        Assert.Equal(("25.00", "5.00", "50.00", "10.00", "40.00"), (TestPromotions.Money(line["unitNetPrice"]), TestPromotions.Money(line["unitDiscount"]),
            TestPromotions.Money(line["netPrice"]), TestPromotions.Money(line["discount"]), TestPromotions.Money(line["netDiscountedPrice"])));
        Assert.Equal(code, line["promotionCode"]!.GetValue<string>());
        Assert.Equal("40.00", TestPromotions.Money(order["totals"]!["amountTotal"]));
        var applied = Assert.Single(order["promotions"]!.AsArray())!;
        Assert.Equal((code, coupon, "10.00", "REGULAR"), (applied["code"]!.GetValue<string>(), applied["couponCode"]!.GetValue<string>(),
            TestPromotions.Money(applied["discount"]), applied["type"]!.GetValue<string>()));
        // The vouchers keep their face value.
        Assert.All(order["vouchers"]!.AsArray(), v => Assert.Equal("25.00", TestPromotions.Money(v!["amount"])));
    }

    [Theory]
    [InlineData("unknown", "is unknown")]
    [InlineData("expired", "has expired")]
    [InlineData("not started", "has not started")]
    [InlineData("wrong currency", "wrong currency")]
    [InlineData("not applicable", "not applicable")]
    public async Task Order_WithCouponThatCannotBeUsed_IsRefusedNamingWhy(string situation, string reason)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, denominations: [25m]);
        var other = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var coupon = TestPromotions.NewCode("C");
        object? promotion = situation switch
        {
            "expired" => new { code = TestPromotions.NewCode(), name = "Old", type = "REGULAR", endDate = "2020-01-31", productIds = new[] { product }, discount = new { type = "PERCENT", value = 10 }, coupon = new { type = "SINGLE", code = coupon } },
            "not started" => new { code = TestPromotions.NewCode(), name = "Future", type = "REGULAR", startDate = "2099-01-01", productIds = new[] { product }, discount = new { type = "PERCENT", value = 10 }, coupon = new { type = "SINGLE", code = coupon } },
            "wrong currency" => new { code = TestPromotions.NewCode(), name = "Euro only", type = "GLOBAL", productIds = new[] { product }, discount = new { type = "FIXED", values = new[] { new { currency = "EUR", amount = "5.00" } }, defaultCurrency = "EUR" }, coupon = new { type = "SINGLE", code = coupon } },
            "not applicable" => TestPromotions.PercentOff(TestPromotions.NewCode(), other, 10, instant: false, coupon: new { type = "SINGLE", code = coupon }),
            _ => null,
        };
        if (promotion is not null)
            await TestPromotions.CreateAsync(fixture.Admin, promotion);

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, coupon), Cancel);
        var preview = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/pricing/preview", new
        {
            lineItems = new[] { new { productId = product, quantity = 2, denomination = "25.00" } },
            couponCodes = new[] { coupon },
        }, Cancel), 200);

        var problem = await Problems.AssertAsync(response, 422, "promotion_unavailable", "couponCodes[0]");
        Assert.Contains(reason, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        // The preview prices the cart without the coupon and says why.
        Assert.Equal("50.00", TestPromotions.Money(preview["totals"]!["amountTotal"]));
        var error = Assert.Single(preview["errors"]!.AsArray())!;
        Assert.Equal(("promotion_unavailable", "couponCodes[0]"), (error["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.Contains(reason, error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UniqueCoupon_IsUsedOnce_ButItsOrderReplays()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, denominations: [25m]);
        var code = TestPromotions.NewCode();
        var coupon = TestPromotions.NewCode("U");
        await TestPromotions.CreateAsync(fixture.Admin, TestPromotions.PercentOff(code, product, 10, instant: false, coupon: new { type = "MULTIPLE", codes = new[] { coupon } }));
        var first = Order(product, coupon);

        var placed = await tenant.Http.PostAsJsonAsync("/api/v1/orders", first, Cancel);
        var replayed = await tenant.Http.PostAsJsonAsync("/api/v1/orders", first, Cancel);
        var second = await tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, coupon), Cancel);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (placed.StatusCode, replayed.StatusCode));
        var problem = await Problems.AssertAsync(second, 422, "promotion_unavailable", "couponCodes[0]");
        Assert.Contains("used up", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await TestPromotions.GetAsync(fixture.Admin, code))["coupons"]![0]!["used"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TwoHundredConcurrentOrders_OnAnInstantPromotionCappedAtFifty_DiscountExactlyFifty()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, denominations: [25m]);
        var code = TestPromotions.NewCode();
        await TestPromotions.CreateAsync(fixture.Admin, TestPromotions.PercentOff(code, product, 10, cap: 50));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product), Cancel)));
        var orders = await Task.WhenAll(responses.Select(r => ApiSession.ReadJsonAsync(r, 201)));

        var discounted = orders.Where(o => o["promotions"]!.AsArray().Count == 1).ToList();
        Assert.Equal(50, discounted.Count);
        Assert.All(discounted, o => Assert.Equal("45.00", TestPromotions.Money(o["totals"]!["amountTotal"])));
        Assert.All(orders.Except(discounted), o => Assert.Equal("50.00", TestPromotions.Money(o["totals"]!["amountTotal"])));
        var promotion = await TestPromotions.GetAsync(fixture.Admin, code);
        Assert.Equal((50, true), (promotion["ordersUsed"]!.GetValue<int>(), promotion["usedUp"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task TwoHundredConcurrentOrders_WithACouponCappedAtFifty_PlaceFiftyAndRefuseTheRest()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, denominations: [25m]);
        var code = TestPromotions.NewCode();
        var coupon = TestPromotions.NewCode("C");
        await TestPromotions.CreateAsync(fixture.Admin, TestPromotions.PercentOff(code, product, 10, instant: false, cap: 50, coupon: new { type = "SINGLE", code = coupon }));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, coupon), Cancel)));

        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await Problems.AssertAsync(refused, 422, "promotion_unavailable", "couponCodes[0]");
        var stored = await OrderLedger.OrdersByPoNumberAsync(fixture.System.ConnectionString, tenant.AccountId);
        Assert.Equal(50, stored.Count);
    }
}
