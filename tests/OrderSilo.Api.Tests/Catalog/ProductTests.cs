namespace OrderSilo.Api.Tests.Catalog;

public sealed class ProductTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_NewProduct_AnswersItWithMoneyAsSortedDistinctStrings()
    {
        var (productId, code) = NewIds();
        var body = Voucher(code);
        body["denominations"] = new JsonArray("25", 10, "10.00", "10");

        var product = await ApiSession.ReadJsonAsync(await Put(productId, body), 200);

        Assert.Equal(productId, product["productId"]!.GetValue<string>());
        Assert.Equal(code, product["code"]!.GetValue<string>());
        Assert.Equal("Gift card " + code, product["name"]!.GetValue<string>());
        Assert.Equal("voucher", product["kind"]!.GetValue<string>());
        Assert.Equal("USD", product["currency"]!.GetValue<string>());
        Assert.Equal("fixed_denomination", product["valueType"]!.GetValue<string>());
        Assert.Equal("""["10.00","25.00"]""", product["denominations"]!.ToJsonString());
        Assert.Equal("codePin", product["voucherType"]!.GetValue<string>());
        Assert.Equal(10, product["orderQuantityLimit"]!.GetValue<int>());
        Assert.Equal("realtime", product["delivery"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("JPY", """[1000, "500"]""", """["500","1000"]""")]
    [InlineData("KWD", """["5", 1.25]""", """["1.250","5.000"]""")]
    [InlineData("GBP", """["0.5", 100]""", """["0.50","100.00"]""")]
    public async Task Put_Denominations_AreWrittenWithTheCurrencysMinorDigits(string currency, string sent, string expected)
    {
        var (productId, code) = NewIds();
        var body = Voucher(code, currency);
        body["denominations"] = JsonNode.Parse(sent);

        var product = await ApiSession.ReadJsonAsync(await Put(productId, body), 200);

        Assert.Equal(expected, product["denominations"]!.ToJsonString());
    }

    [Fact]
    public async Task Put_OpenValueProduct_AnswersMinAndMaxAsMoneyStrings()
    {
        var (productId, code) = NewIds();
        var body = Voucher(code);
        body.Remove("denominations");
        body["valueType"] = "open_value";
        body["minValue"] = 5;
        body["maxValue"] = "100.5";

        var product = await ApiSession.ReadJsonAsync(await Put(productId, body), 200);

        Assert.Equal("open_value", product["valueType"]!.GetValue<string>());
        Assert.Equal("5.00", product["minValue"]!.GetValue<string>());
        Assert.Equal("100.50", product["maxValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_ExistingProduct_ReplacesItEverywhere()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var (productId, oldCode) = NewIds();
        await ApiSession.ReadJsonAsync(await Put(productId, Voucher(oldCode)), 200);
        var newCode = oldCode + "-V2";
        var replacement = Voucher(newCode);
        replacement["name"] = "Renamed gift card";
        replacement["denominations"] = new JsonArray("50");
        replacement["orderQuantityLimit"] = 3;

        var answered = await ApiSession.ReadJsonAsync(await Put(productId, replacement), 200);

        Assert.Equal("Renamed gift card", answered["name"]!.GetValue<string>());
        Assert.Equal("""["50.00"]""", answered["denominations"]!.ToJsonString());
        Assert.Equal(3, answered["orderQuantityLimit"]!.GetValue<int>());
        var byId = await ApiSession.ReadJsonAsync(await Get(tenant, $"/api/v1/products/{productId}"), 200);
        var byNewCode = await ApiSession.ReadJsonAsync(await Get(tenant, $"/api/v1/products/by-code/{newCode}"), 200);
        Assert.Equal(answered.ToJsonString(), byId.ToJsonString());
        Assert.Equal(answered.ToJsonString(), byNewCode.ToJsonString());
        await Problems.AssertAsync(await Get(tenant, $"/api/v1/products/by-code/{oldCode}"), 404, "not_found");
        var listed = (await ListAllAsync(tenant, "/api/v1/products")).Where(p => p["productId"]!.GetValue<string>() == productId).ToList();
        Assert.Equal(answered.ToJsonString(), Assert.Single(listed).ToJsonString());
    }

    [Fact]
    public async Task Get_ByIdAndByCode_AnswersTheProductAsPut()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var (productId, code) = NewIds();
        var put = await ApiSession.ReadJsonAsync(await Put(productId, Voucher(code)), 200);

        var byId = await ApiSession.ReadJsonAsync(await Get(tenant, $"/api/v1/products/{productId}"), 200);
        var byCode = await ApiSession.ReadJsonAsync(await Get(tenant, $"/api/v1/products/by-code/{code}"), 200);

        Assert.Equal(put.ToJsonString(), byId.ToJsonString());
        Assert.Equal(put.ToJsonString(), byCode.ToJsonString());
    }

    [Fact]
    public async Task List_AsTenant_AnswersAPageContainingTheProduct()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var (productId, code) = NewIds();
        var put = await ApiSession.ReadJsonAsync(await Put(productId, Voucher(code)), 200);

        var page = await ApiSession.ReadJsonAsync(await Get(tenant, "/api/v1/products"), 200);

        Assert.True(page.ContainsKey("nextCursor"), $"No nextCursor: {page}");
        Assert.IsType<JsonArray>(page["data"]);
        var listed = await ListAllAsync(tenant, "/api/v1/products");
        Assert.Equal(put.ToJsonString(), Assert.Single(listed, p => p["productId"]!.GetValue<string>() == productId).ToJsonString());
    }

    [Fact]
    public async Task List_WithLimit_AnswersPagesOfAtMostThatManyThatReachEveryProduct()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (productId, code) = NewIds();
            await ApiSession.ReadJsonAsync(await Put(productId, Voucher(code)), 200);
            mine.Add(productId);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ApiSession.ReadJsonAsync(
                await Get(tenant, "/api/v1/products?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))), 200);
            var data = page["data"]!.AsArray();
            Assert.InRange(data.Count, 0, 2);
            seen.AddRange(data.Select(p => p!["productId"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.True(++pages < 10_000, "The product pages never end.");
        }
        while (cursor is not null);

        Assert.All(mine, id => Assert.Contains(id, seen));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task List_ForOwnCompany_AnswersThePriceList()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var productId = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var listed = await ListAllAsync(tenant, $"/api/v1/products?companyId={tenant.CompanyId}");

        Assert.Contains(listed, p => p["productId"]!.GetValue<string>() == productId);
    }

    [Fact]
    public async Task List_ForAnotherTenantsCompany_AnswersNotFound()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var stranger = await fixture.Admin.CreateTenantAsync();

        var response = await Get(tenant, $"/api/v1/products?companyId={stranger.CompanyId}");

        await Problems.AssertAsync(response, 404, "not_found");
        await ApiSession.ReadJsonAsync(await Get(stranger, $"/api/v1/products?companyId={stranger.CompanyId}"), 200);
    }

    [Theory]
    [InlineData("prd_doesnotexist")]
    [InlineData("abc")]
    [InlineData("0123456789abcdef")]
    [InlineData("42")]
    public async Task Get_UnknownOrMalformedId_AnswersNotFound(string productId)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await Get(tenant, $"/api/v1/products/{productId}");

        await Problems.AssertAsync(response, 404, "not_found");
    }

    [Fact]
    public async Task GetByCode_UnknownCode_AnswersNotFound()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await Get(tenant, $"/api/v1/products/by-code/NO-SUCH-{Guid.NewGuid():N}");

        await Problems.AssertAsync(response, 404, "not_found");
    }

    [Theory]
    [InlineData("code", null, "code")]
    [InlineData("code", "\"\"", "code")]
    [InlineData("name", null, "name")]
    [InlineData("kind", "\"gadget\"", "kind")]
    [InlineData("kind", null, "kind")]
    [InlineData("valueType", "\"whatever\"", "valueType")]
    [InlineData("currency", "\"usd\"", "currency")]
    [InlineData("currency", "\"XXX\"", "currency")]
    [InlineData("currency", null, "currency")]
    [InlineData("denominations", null, "denominations")]
    [InlineData("denominations", "[]", "denominations")]
    [InlineData("denominations", "[\"10.001\"]", "denominations")]
    [InlineData("denominations", "[0]", "denominations")]
    public async Task Put_WithInvalidField_AnswersValidationFailedNamingItAndStoresNothing(string field, string? json, string expectedField)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var (productId, code) = NewIds();
        var body = Voucher(code);
        if (json is null)
            body.Remove(field);
        else
            body[field] = JsonNode.Parse(json);

        var response = await Put(productId, body);

        await Problems.AssertAsync(response, 400, "validation_failed", expectedField);
        await Problems.AssertAsync(await Get(tenant, $"/api/v1/products/{productId}"), 404, "not_found");
    }

    [Theory]
    [InlineData(null, null, "minValue")]
    [InlineData(null, "50", "minValue")]
    [InlineData("5", null, "maxValue")]
    public async Task Put_OpenValueWithoutLimits_AnswersValidationFailedNamingTheMissingLimit(string? min, string? max, string expectedField)
    {
        var (productId, code) = NewIds();
        var body = Voucher(code);
        body.Remove("denominations");
        body["valueType"] = "open_value";
        if (min is not null)
            body["minValue"] = min;
        if (max is not null)
            body["maxValue"] = max;

        var response = await Put(productId, body);

        await Problems.AssertAsync(response, 400, "validation_failed", expectedField);
    }

    [Theory]
    [InlineData("gift-card-1")]
    [InlineData("PRD_upper")]
    [InlineData("prd_")]
    public async Task Put_IdWithoutPrdPrefix_AnswersValidationFailedNamingProductId(string productId)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var (_, code) = NewIds();

        var response = await Put(productId, Voucher(code));

        await Problems.AssertAsync(response, 400, "validation_failed", "productId");
        await Problems.AssertAsync(await Get(tenant, $"/api/v1/products/by-code/{code}"), 404, "not_found");
    }

    [Fact]
    public async Task Put_SecondProductWithAnExistingCode_AnswersConflictNamingCode()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var (firstId, code) = NewIds();
        var (secondId, _) = NewIds();
        await ApiSession.ReadJsonAsync(await Put(firstId, Voucher(code)), 200);

        var response = await Put(secondId, Voucher(code));

        await Problems.AssertAsync(response, 409, "conflict", "code");
        await Problems.AssertAsync(await Get(tenant, $"/api/v1/products/{secondId}"), 404, "not_found");
        var holder = await ApiSession.ReadJsonAsync(await Get(tenant, $"/api/v1/products/by-code/{code}"), 200);
        Assert.Equal(firstId, holder["productId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_WithTenantToken_AnswersForbiddenAndStoresNothing()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var (productId, code) = NewIds();

        var response = await tenant.Http.PutAsJsonAsync($"/api/v1/admin/products/{productId}", Voucher(code), Cancel);

        await Problems.AssertAsync(response, 403, "forbidden");
        await Problems.AssertAsync(await Get(tenant, $"/api/v1/products/{productId}"), 404, "not_found");
    }

    private static (string ProductId, string Code) NewIds()
    {
        var unique = Guid.NewGuid().ToString("N")[..12];
        return ($"prd_pt_{unique}", $"PT-{unique}");
    }

    private static JsonObject Voucher(string code, string currency = "USD") => new()
    {
        ["code"] = code,
        ["name"] = "Gift card " + code,
        ["kind"] = "voucher",
        ["currency"] = currency,
        ["taxCategory"] = "voucher_multi_purpose",
        ["valueType"] = "fixed_denomination",
        ["denominations"] = new JsonArray("10", "25"),
        ["delivery"] = "realtime",
        ["voucherType"] = "codePin",
        ["validityDays"] = 30,
    };

    private Task<HttpResponseMessage> Put(string productId, JsonObject body) =>
        fixture.Admin.Http.PutAsJsonAsync($"/api/v1/admin/products/{productId}", body, Cancel);

    private static Task<HttpResponseMessage> Get(ApiSession session, string path) =>
        session.Http.GetAsync(new Uri(path, UriKind.Relative), Cancel);

    /// <summary>Every item of a list, following nextCursor to the last page.</summary>
    private static async Task<List<JsonObject>> ListAllAsync(ApiSession session, string path)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var page = await ApiSession.ReadJsonAsync(
                await Get(session, cursor is null ? path : $"{path}{separator}cursor={Uri.EscapeDataString(cursor)}"), 200);
            items.AddRange(page["data"]!.AsArray().Select(p => p!.AsObject()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }
}
