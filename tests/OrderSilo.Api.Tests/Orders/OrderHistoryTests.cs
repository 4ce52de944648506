namespace OrderSilo.Api.Tests.Orders;

public sealed class OrderHistoryTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_PagesThroughEveryOrderNewestFirst()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var placed = new List<string>();
        for (var i = 0; i < 7; i++)
            placed.Add(await PlaceAsync(tenant, new { poNumber = $"page-{i}", lineItems = Line(product) }));

        var listed = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await ListAsync(tenant, "limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            listed.AddRange(page["data"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(placed), listed);
    }

    [Fact]
    public async Task List_EachFilterSelectsExactlyItsOrders()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var child = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/companies", new { name = "Child", country = "US" }, Cancel), 201);
        var childId = child["id"]!.GetValue<string>();
        await fixture.Admin.UncapCreditAsync(childId);
        var plain = await PlaceAsync(tenant, new { poNumber = "plain", lineItems = Line(product) });
        var tagged = await PlaceAsync(tenant, new { poNumber = "tagged", tag = "spring", reference = "REF-9", lineItems = Line(product) });
        var described = await PlaceAsync(tenant, new { poNumber = "described", description = "Gift cards for 100% of the TEAM_A", lineItems = Line(product, 2) });
        var forChild = await PlaceAsync(tenant, new { poNumber = "for-child", companyId = childId, lineItems = Line(product) });

        Assert.Equal([tagged], await IdsAsync(tenant, "tag=spring"));
        Assert.Equal([tagged], await IdsAsync(tenant, "reference=REF-9"));
        Assert.Equal([described], await IdsAsync(tenant, "poNumber=described"));
        Assert.Equal([described], await IdsAsync(tenant, "description=team_a"));
        Assert.Equal([described], await IdsAsync(tenant, "description=100%25"));
        Assert.Empty(await IdsAsync(tenant, "description=100_"));
        Assert.Equal([described], await IdsAsync(tenant, "description=M_A"));
        Assert.Equal([described], await IdsAsync(tenant, "description=0%25"));
        Assert.Empty(await IdsAsync(tenant, "description=m%25a"));
        Assert.Equal([described], await IdsAsync(tenant, "amountTotal=20.00"));
        Assert.Equal([forChild], await IdsAsync(tenant, $"companyId={childId}"));
        Assert.Equal([forChild, described, tagged, plain], await IdsAsync(tenant, "status=completed"));
        Assert.Empty(await IdsAsync(tenant, "status=cancelled"));
        Assert.Empty(await IdsAsync(tenant, "archived=true"));
        Assert.Empty(await IdsAsync(tenant, $"dateStart={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}"));
        Assert.Equal(4, (await IdsAsync(tenant, $"dateStart={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).Count);
        Assert.Empty(await IdsAsync(tenant, $"dateEnd={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}"));
    }

    [Fact]
    public async Task List_WithAFilter_PagesThroughExactlyItsOrdersNewestFirst()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var child = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/companies", new { name = "Child", country = "US" }, Cancel), 201);
        var childId = child["id"]!.GetValue<string>();
        await fixture.Admin.UncapCreditAsync(childId);
        var forChild = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var placed = await PlaceAsync(tenant, new { poNumber = $"mixed-{i}", companyId = i % 2 == 0 ? childId : tenant.CompanyId, lineItems = Line(product) });
            if (i % 2 == 0)
                forChild.Add(placed);
        }

        var listed = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await ListAsync(tenant, $"companyId={childId}&limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            listed.AddRange(page["data"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(2, pages);
        Assert.Equal(Enumerable.Reverse(forChild), listed);
    }

    [Fact]
    public async Task List_ByDescription_PagesThroughEveryMatchNewestFirst()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var first = await PlaceAsync(tenant, new { poNumber = "gift-1", description = "Holiday gifts, Berlin", lineItems = Line(product) });
        await PlaceAsync(tenant, new { poNumber = "other", description = "Staff rewards", lineItems = Line(product) });
        var second = await PlaceAsync(tenant, new { poNumber = "gift-2", description = "Holiday GIFTS, Paris", lineItems = Line(product) });

        var page = await ListAsync(tenant, "description=holiday%20gifts&limit=1");
        var cursor = page["nextCursor"]!.GetValue<string>();
        var rest = await ListAsync(tenant, $"description=holiday%20gifts&limit=1&cursor={cursor}");

        Assert.Equal([second], page["data"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()));
        Assert.Equal([first], rest["data"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()));
        Assert.Null(rest["nextCursor"]);
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallersOrders()
    {
        using var owner = await fixture.Admin.CreateTenantAsync();
        using var stranger = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await PlaceAsync(owner, new { poNumber = "mine", lineItems = Line(product) });

        Assert.Empty(await IdsAsync(stranger, ""));
        Assert.Empty(await IdsAsync(stranger, "poNumber=mine"));
        await Problems.AssertAsync(await stranger.Http.GetAsync(new Uri($"/api/v1/orders?companyId={owner.CompanyId}", UriKind.Relative), Cancel), 404, "not_found", "companyId");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("dateStart=yesterday", "dateStart")]
    [InlineData("status=lost", "status")]
    [InlineData("amountTotal=lots", "amountTotal")]
    [InlineData("archived=maybe", "archived")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task List_WithBadParameter_AnswersValidationFailedNamingIt(string query, string field)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await tenant.Http.GetAsync(new Uri($"/api/v1/orders?{query}", UriKind.Relative), Cancel);

        await Problems.AssertAsync(response, 400, "validation_failed", field);
    }

    private static object[] Line(string product, int quantity = 1) => [new { productId = product, quantity, denomination = "10.00" }];

    private static async Task<string> PlaceAsync(ApiSession tenant, object body) =>
        (await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", body, Cancel), 201))["orderId"]!.GetValue<string>();

    private static async Task<JsonObject> ListAsync(ApiSession tenant, string query) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders?{query}", UriKind.Relative), Cancel), 200);

    private static async Task<List<string>> IdsAsync(ApiSession tenant, string query) =>
        [.. (await ListAsync(tenant, query))["data"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>())];
}
