namespace OrderSilo.Api.Tests.Orders;

public sealed class GetOrderTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_ByIdAndByPoNumber_AnswersThePlacedOrder()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, voucherType: "urlPin");
        var po = TestCatalog.NewPoNumber();
        var placed = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product), Cancel), 201);
        var orderId = placed["orderId"]!.GetValue<string>();

        var byId = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative), Cancel), 200);
        var byPo = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders/by-po/{po}", UriKind.Relative), Cancel), 200);

        Assert.Equal(placed.ToJsonString(), byId.ToJsonString());
        Assert.Equal(placed.ToJsonString(), byPo.ToJsonString());
        Assert.StartsWith("https://", byId["vouchers"]![0]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_OrderOfAnotherAccount_AnswersNotFound()
    {
        using var owner = await fixture.Admin.CreateTenantAsync();
        using var stranger = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var po = TestCatalog.NewPoNumber();
        var placed = await ApiSession.ReadJsonAsync(await owner.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product), Cancel), 201);

        var byId = await stranger.Http.GetAsync(new Uri($"/api/v1/orders/{placed["orderId"]}", UriKind.Relative), Cancel);
        var byPo = await stranger.Http.GetAsync(new Uri($"/api/v1/orders/by-po/{po}", UriKind.Relative), Cancel);

        await Problems.AssertAsync(byId, 404, "not_found");
        await Problems.AssertAsync(byPo, 404, "not_found");
    }

    [Theory]
    [InlineData("ord_doesnotexist")]
    [InlineData("abc123")]
    public async Task Get_UnknownOrderId_AnswersNotFound(string orderId)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await tenant.Http.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative), Cancel);

        await Problems.AssertAsync(response, 404, "not_found");
    }
}
