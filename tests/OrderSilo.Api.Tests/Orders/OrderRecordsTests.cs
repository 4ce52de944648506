namespace OrderSilo.Api.Tests.Orders;

public sealed class OrderRecordsTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Patch_ChangesNotesAndVersion_AndAStaleVersionIsRefused()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var orderId = await PlaceAsync(tenant, new { poNumber = TestCatalog.NewPoNumber(), metadata = new { a = "1", b = "2" }, lineItems = await LineAsync() });

        var patched = await ApiSession.ReadJsonAsync(await PatchAsync(tenant, orderId, """{"version":1,"description":"Q4 rewards","tag":"q4","metadata":{"b":null,"c":"3"}}"""), 200);
        var stale = await PatchAsync(tenant, orderId, """{"version":1,"tag":"lost update"}""");
        var cleared = await ApiSession.ReadJsonAsync(await PatchAsync(tenant, orderId, """{"version":2,"tag":null,"metadata":null}"""), 200);

        Assert.Equal((2, "Q4 rewards", "q4"), (patched["version"]!.GetValue<int>(), patched["description"]!.GetValue<string>(), patched["tag"]!.GetValue<string>()));
        Assert.Equal("""{"a":"1","c":"3"}""", patched["metadata"]!.ToJsonString());
        await Problems.AssertAsync(stale, 409, "version_conflict", "version");
        Assert.Equal((3, "Q4 rewards"), (cleared["version"]!.GetValue<int>(), cleared["description"]!.GetValue<string>()));
        Assert.Null(cleared["tag"]);
        Assert.Equal("{}", cleared["metadata"]!.ToJsonString());
        var read = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative), Cancel), 200);
        Assert.Equal(cleared.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Archive_HidesTheOrderFromListsUnlessAskedFor_AndIsIdempotent()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var orderId = await PlaceAsync(tenant, new { poNumber = TestCatalog.NewPoNumber(), lineItems = await LineAsync() });

        var archived = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsync(new Uri($"/api/v1/orders/{orderId}/archive", UriKind.Relative), null, Cancel), 200);
        var again = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsync(new Uri($"/api/v1/orders/{orderId}/archive", UriKind.Relative), null, Cancel), 200);

        Assert.True(archived["archived"]!.GetValue<bool>());
        Assert.Equal(2, again["version"]!.GetValue<int>());
        Assert.Empty((await ListAsync(tenant, ""))["data"]!.AsArray());
        Assert.Equal(orderId, (await ListAsync(tenant, "archived=true"))["data"]![0]!["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task BatchUpdate_AnswersAResultPerRecordInOrder()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var lines = await LineAsync();
        var first = await PlaceAsync(tenant, new { poNumber = TestCatalog.NewPoNumber(), lineItems = lines });
        var second = await PlaceAsync(tenant, new { poNumber = TestCatalog.NewPoNumber(), lineItems = lines });

        var response = await tenant.Http.PostAsync(new Uri("/api/v1/orders/batch-update", UriKind.Relative), new StringContent($$"""
            {"records":[
              {"orderId":"{{first}}","tag":"batch"},
              {"orderId":"ord_missing","tag":"batch"},
              {"orderId":"{{second}}","version":7,"tag":"batch"}]}
            """, System.Text.Encoding.UTF8, "application/json"), Cancel);

        var results = (await ApiSession.ReadJsonAsync(response, 200))["results"]!.AsArray();
        Assert.Equal([200, 404, 409], results.Select(r => r!["status"]!.GetValue<int>()));
        Assert.Equal([first, "ord_missing", second], results.Select(r => r!["orderId"]!.GetValue<string>()));
        Assert.Equal("batch", results[0]!["order"]!["tag"]!.GetValue<string>());
        Assert.Equal("version_conflict", results[2]!["code"]!.GetValue<string>());
        Assert.Equal([first], (await ListAsync(tenant, "tag=batch"))["data"]!.AsArray().Select(o => o!["orderId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Patch_OfAnotherAccountsOrder_AnswersNotFoundAndChangesNothing()
    {
        using var owner = await fixture.Admin.CreateTenantAsync();
        using var stranger = await fixture.Admin.CreateTenantAsync();
        var orderId = await PlaceAsync(owner, new { poNumber = TestCatalog.NewPoNumber(), lineItems = await LineAsync() });

        await Problems.AssertAsync(await PatchAsync(stranger, orderId, """{"tag":"mine now"}"""), 404, "not_found");
        await Problems.AssertAsync(await stranger.Http.PostAsync(new Uri($"/api/v1/orders/{orderId}/archive", UriKind.Relative), null, Cancel), 404, "not_found");
        var order = await ApiSession.ReadJsonAsync(await owner.Http.GetAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative), Cancel), 200);
        Assert.Equal((1, false), (order["version"]!.GetValue<int>(), order["archived"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData("""{"status":"cancelled"}""", "status")]
    [InlineData("""{"version":"one"}""", "version")]
    [InlineData("""{"tag":42}""", "tag")]
    [InlineData("""{"metadata":{"k":7}}""", "metadata.k")]
    public async Task Patch_WithFieldNotAllowed_AnswersValidationFailedNamingIt(string body, string field)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var orderId = await PlaceAsync(tenant, new { poNumber = TestCatalog.NewPoNumber(), lineItems = await LineAsync() });

        await Problems.AssertAsync(await PatchAsync(tenant, orderId, body), 400, "validation_failed", field);
    }

    private async Task<object[]> LineAsync() =>
        [new { productId = await TestCatalog.PutVoucherAsync(fixture.Admin), quantity = 1, denomination = "10.00" }];

    private static async Task<string> PlaceAsync(ApiSession tenant, object body) =>
        (await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", body, Cancel), 201))["orderId"]!.GetValue<string>();

    private static Task<HttpResponseMessage> PatchAsync(ApiSession tenant, string orderId, string body) =>
        tenant.Http.PatchAsync(new Uri($"/api/v1/orders/{orderId}", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

    private static async Task<JsonObject> ListAsync(ApiSession tenant, string query) =>
        await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders?{query}", UriKind.Relative), Cancel), 200);
}
