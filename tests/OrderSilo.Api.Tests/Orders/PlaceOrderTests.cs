namespace OrderSilo.Api.Tests.Orders;

public sealed class PlaceOrderTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Place_NewPoNumber_CreatesCompletedOrderWithOneVoucherPerUnit()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, voucherType: "codePin");
        var po = TestCatalog.NewPoNumber();

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product, quantity: 3, denomination: "25.00"), Cancel);

        var order = await ApiSession.ReadJsonAsync(response, 201);
        Assert.StartsWith("ord_", order["orderId"]!.GetValue<string>());
        Assert.Equal($"/api/v1/orders/{order["orderId"]}", response.Headers.Location?.OriginalString);
        Assert.Equal(po, order["poNumber"]!.GetValue<string>());
        Assert.Equal(tenant.CompanyId, order["companyId"]!.GetValue<string>());
        Assert.Equal("completed", order["status"]!.GetValue<string>());
        Assert.Equal("delivered", order["deliveryStatus"]!.GetValue<string>());
        Assert.Equal("account", order["paymentType"]!.GetValue<string>());
        Assert.Equal("75.00", order["totals"]!["amountTotal"]!.GetValue<string>());
        var vouchers = order["vouchers"]!.AsArray();
        Assert.Equal(3, vouchers.Count);
        Assert.All(vouchers, v =>
        {
            Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", v!["code"]!.GetValue<string>());
            Assert.Matches("^[0-9]{8}$", v["pin"]!.GetValue<string>());
            Assert.Equal("25.00", v["amount"]!.GetValue<string>());
            Assert.Equal("USD", v["currency"]!.GetValue<string>());
        });
        Assert.Equal(3, vouchers.Select(v => v!["code"]!.GetValue<string>()).Distinct().Count());
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Place_SamePoNumberAndBodyAgain_ReplaysSameOrderAndVouchers()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var po = TestCatalog.NewPoNumber();
        var first = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product, 2, "10.00"), Cancel), 201);

        // The same amount as a JSON number is the same body.
        var again = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product, 2, 10), Cancel);

        var replay = await ApiSession.ReadJsonAsync(again, 200);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first["orderId"]!.ToJsonString(), replay["orderId"]!.ToJsonString());
        Assert.Equal(first["vouchers"]!.ToJsonString(), replay["vouchers"]!.ToJsonString());
    }

    [Fact]
    public async Task Place_SamePoNumberWithDifferentBody_AnswersPoNumberReused()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var po = TestCatalog.NewPoNumber();
        await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product, 1), Cancel), 201);

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product, 2), Cancel);

        await Problems.AssertAsync(response, 422, "po_number_reused", "poNumber");
    }

    [Fact]
    public async Task Place_SamePoNumberInAnotherAccount_CreatesASeparateOrder()
    {
        using var first = await fixture.Admin.CreateTenantAsync();
        using var second = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var po = TestCatalog.NewPoNumber();

        var a = await ApiSession.ReadJsonAsync(await first.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product, 1), Cancel), 201);
        var b = await ApiSession.ReadJsonAsync(await second.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product, 2), Cancel), 201);

        Assert.NotEqual(a["orderId"]!.GetValue<string>(), b["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Place_QuantityAboveProductLimit_AnswersQuantityLimitExceeded()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, quantityLimit: 3);

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(TestCatalog.NewPoNumber(), product, quantity: 4), Cancel);

        await Problems.AssertAsync(response, 409, "quantity_limit_exceeded", "lineItems[0].quantity");
    }

    [Fact]
    public async Task Place_DenominationNotOffered_AnswersInvalidDenomination()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(TestCatalog.NewPoNumber(), product, 1, "11.00"), Cancel);

        await Problems.AssertAsync(response, 422, "invalid_denomination", "lineItems[0].denomination");
    }

    [Fact]
    public async Task Place_PhoneMandatoryProductWithoutPhone_AnswersPhoneRequired()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, phoneMandatory: true);
        var po = TestCatalog.NewPoNumber();

        var refused = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product), Cancel);
        var placed = await tenant.Http.PostAsJsonAsync("/api/v1/orders", new
        {
            poNumber = po,
            lineItems = new[] { new { productId = product, quantity = 1, denomination = "10.00" } },
            recipient = new { email = "someone@example.com", phone = "+44 20 7946 0000" },
        }, Cancel);

        await Problems.AssertAsync(refused, 422, "phone_required", "recipient.phone");
        // A refusal changes nothing: the same poNumber is still free for the corrected request.
        await ApiSession.ReadJsonAsync(placed, 201);
    }

    [Fact]
    public async Task Place_UnknownProduct_AnswersNotFound()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(TestCatalog.NewPoNumber(), "prd_does_not_exist"), Cancel);

        await Problems.AssertAsync(response, 404, "not_found", "lineItems[0].productId");
    }

    [Fact]
    public async Task Place_ForCompanyOfAnotherAccount_AnswersNotFound()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var other = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", new
        {
            poNumber = TestCatalog.NewPoNumber(),
            companyId = other.CompanyId,
            lineItems = new[] { new { productId = product, quantity = 1, denomination = "10.00" } },
        }, Cancel);

        await Problems.AssertAsync(response, 404, "not_found", "companyId");
    }

    [Theory]
    [InlineData("""{"lineItems":[{"productId":"prd_x","quantity":1}]}""", "poNumber")]
    [InlineData("""{"poNumber":"","lineItems":[{"productId":"prd_x","quantity":1}]}""", "poNumber")]
    [InlineData("""{"poNumber":"p","lineItems":[]}""", "lineItems")]
    [InlineData("""{"poNumber":"p","lineItems":[{"productId":"prd_x","quantity":0}]}""", "lineItems[0].quantity")]
    [InlineData("""{"poNumber":"p","lineItems":[{"productId":"prd_x","quantity":"many"}]}""", "lineItems[0].quantity")]
    [InlineData("""{"poNumber":"p","lineItems":[{"productId":"prd_x","quantity":1,"denomination":"ten"}]}""", "lineItems[0].denomination")]
    [InlineData("""{"poNumber":"p","currency":"usd","lineItems":[{"productId":"prd_x","quantity":1}]}""", "currency")]
    [InlineData("""{"poNumber":"p","lineItems":[{"productId":"prd_x","quantity":1}],"payment":{"type":"cash"}}""", "payment.type")]
    [InlineData("""{"poNumber":"p","lineItems":[{"productId":"prd_x","quantity":1}],"recipient":{"email":"nope"}}""", "recipient.email")]
    public async Task Place_MalformedBody_AnswersValidationFailedNamingTheField(string body, string field)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await tenant.Http.PostAsync(new Uri("/api/v1/orders", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        await Problems.AssertAsync(response, 400, "validation_failed", field);
    }

    [Fact]
    public async Task Place_PoNumberOf101Characters_AnswersValidationFailed()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(new string('p', 101), product), Cancel);

        await Problems.AssertAsync(response, 400, "validation_failed", "poNumber");
    }

    [Theory]
    [InlineData("JPY", "500", "1000")]
    [InlineData("KWD", "1.250", "2.500")]
    public async Task Place_InCurrencyWithOtherMinorUnit_WritesAmountsWithItsDigits(string currency, string denomination, string total)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, currency: currency,
            denominations: [decimal.Parse(denomination, System.Globalization.CultureInfo.InvariantCulture)]);

        var response = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(TestCatalog.NewPoNumber(), product, 2, denomination), Cancel);

        var order = await ApiSession.ReadJsonAsync(response, 201);
        Assert.Equal(currency, order["currency"]!.GetValue<string>());
        Assert.Equal(total, order["totals"]!["amountTotal"]!.GetValue<string>());
        Assert.Equal(denomination, order["vouchers"]![0]!["amount"]!.GetValue<string>());
    }
}
