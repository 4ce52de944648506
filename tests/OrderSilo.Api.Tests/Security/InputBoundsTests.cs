using System.Net.Http.Headers;
using System.Text;

namespace OrderSilo.Api.Tests.Security;

/// <summary>
/// Bounded inputs with clear answers (docs/security.md): the body size, billingDetails and productDetails, units per
/// product and vouchers per order. A refused request changes nothing.
/// </summary>
public sealed class InputBoundsTests(SystemFixture fixture)
{
    /// <summary>The API host's default <c>Limits:MaxRequestBodyBytes</c> (the shared system leaves it alone).</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Body_OverTheLimit_Answers413PayloadTooLarge_AndPlacesNothing()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var po = TestCatalog.NewPoNumber();

        var response = await tenant.Http.PostAsync(new Uri("/api/v1/orders", UriKind.Relative), Padded(po, product, MaxBodyBytes + 1), Cancel);

        await Problems.AssertAsync(response, 413, "payload_too_large");
        await Problems.AssertAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders/by-po/{po}", UriKind.Relative), Cancel), 404, "not_found");
    }

    [Fact]
    public async Task Body_OverTheLimitWithoutContentLength_Answers413PayloadTooLarge()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var bytes = await Padded(TestCatalog.NewPoNumber(), product, MaxBodyBytes + 1).ReadAsByteArrayAsync(Cancel);
        // A stream of unknown length goes out chunked: the server finds the size only while reading.
        using var chunked = new StreamContent(new UnknownLengthStream(bytes));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await tenant.Http.PostAsync(new Uri("/api/v1/orders", UriKind.Relative), chunked, Cancel);

        Assert.Null(response.RequestMessage!.Content!.Headers.ContentLength);
        await Problems.AssertAsync(response, 413, "payload_too_large");
    }

    [Fact]
    public async Task Body_JustUnderTheLimit_IsRead()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        // Read and refused for its content (a description too long), not for its size.
        var response = await tenant.Http.PostAsync(new Uri("/api/v1/orders", UriKind.Relative), Padded(TestCatalog.NewPoNumber(), product, MaxBodyBytes - 1), Cancel);

        await Problems.AssertAsync(response, 400, "validation_failed", "description");
    }

    [Theory]
    [MemberData(nameof(UnboundedDetails))]
    public async Task Details_BeyondTheirBounds_Answer400NamingTheField(string json, string field)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var response = await tenant.Http.PostAsync(new Uri("/api/v1/orders", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

        await Problems.AssertAsync(response, 400, "validation_failed", field);
    }

    public static TheoryData<string, string> UnboundedDetails()
    {
        var manyKeys = string.Join(',', Enumerable.Range(0, 51).Select(i => $"\"k{i}\":\"v\""));
        var longValue = new string('x', 501);
        var longKey = new string('k', 41);
        return new()
        {
            { Body(billing: $"{{{manyKeys}}}"), "billingDetails" },
            { Body(billing: $"{{\"FirstName\":\"{longValue}\"}}"), "billingDetails.FirstName" },
            { Body(billing: $"{{\"{longKey}\":\"v\"}}"), $"billingDetails.{longKey}" },
            { Body(billing: """{"Person":{"Address":{"Street":{"Line":"1 Main St"}}}}"""), "billingDetails.Person" },
            { Body(billing: $"{{\"Person\":{{\"Note\":\"{new string('x', 490)}\"}}}}"), "billingDetails.Person" },
            { Body(product: $"{{{manyKeys}}}"), "lineItems[0].productDetails" },
            { Body(product: $"{{\"emailAddress\":\"{longValue}\"}}"), "lineItems[0].productDetails.emailAddress" },
            { Body(product: """{"licences":[[["deep"]]]}"""), "lineItems[0].productDetails.licences" },
        };

        static string Body(string? billing = null, string? product = null) =>
            $$"""{"poNumber":"p","lineItems":[{"productId":"prd_x","quantity":1{{(product is null ? "" : $",\"productDetails\":{product}")}}}]{{(billing is null ? "" : $",\"billingDetails\":{billing}")}}}""";
    }

    [Fact]
    public async Task Details_WithinTheirBounds_AreAccepted_ObjectsNestedTwoLevels()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var body = new
        {
            poNumber = TestCatalog.NewPoNumber(),
            lineItems = new[] { new { productId = product, quantity = 1, denomination = "10.00", productDetails = new { emailAddress = "pool@example.com", version = "1.7", numLicences = 2 } } },
            billingDetails = new { Company = "ABC Company", Person = new { FirstName = "John", LastName = "Doe" } },
        };

        var order = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/orders", body, Cancel), 201);

        Assert.Equal("completed", order["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task QuantityLimit_CountsTheProductsUnitsOverAllLines()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var limited = await TestCatalog.PutVoucherAsync(fixture.Admin, quantityLimit: 5);
        var other = await TestCatalog.PutVoucherAsync(fixture.Admin, quantityLimit: 5);
        var po = TestCatalog.NewPoNumber();
        object Line(string productId, int quantity) => new { productId, quantity, denomination = "10.00" };

        var over = await tenant.Http.PostAsJsonAsync("/api/v1/orders",
            new { poNumber = po, lineItems = new[] { Line(limited, 3), Line(other, 5), Line(limited, 3) } }, Cancel);
        var within = await tenant.Http.PostAsJsonAsync("/api/v1/orders",
            new { poNumber = TestCatalog.NewPoNumber(), lineItems = new[] { Line(limited, 3), Line(other, 5), Line(limited, 2) } }, Cancel);

        var problem = await Problems.AssertAsync(over, 409, "quantity_limit_exceeded", "lineItems[2].quantity");
        Assert.Contains("ask for 6", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await Problems.AssertAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders/by-po/{po}", UriKind.Relative), Cancel), 404, "not_found");
        Assert.Equal(10, (await ApiSession.ReadJsonAsync(within, 201))["vouchers"]!.AsArray().Count);
    }

    [Fact]
    public async Task VouchersPerOrder_AboveTheLimit_Answers400NamingLineItems_InOrdersBatchesAndPreviews()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin, quantityLimit: 100_000);
        // The default Limits:MaxVouchersPerOrder is 1000: 11 lines of 91 units are 1001 vouchers.
        var lines = Enumerable.Range(0, 11).Select(_ => new { productId = product, quantity = 91, denomination = "10.00" }).ToArray();
        var order = new { poNumber = TestCatalog.NewPoNumber(), lineItems = lines };

        var placed = await tenant.Http.PostAsJsonAsync("/api/v1/orders", order, Cancel);
        var batch = await tenant.Http.PostAsJsonAsync("/api/v1/orders/batch", new { records = new[] { order } }, Cancel);
        var preview = await tenant.Http.PostAsJsonAsync("/api/v1/pricing/preview", new { lineItems = lines }, Cancel);

        var problem = await Problems.AssertAsync(placed, 400, "validation_failed", "lineItems");
        Assert.Contains("1001", problem["errors"]!["lineItems"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        await Problems.AssertAsync(batch, 400, "validation_failed", "records[0].lineItems");
        await Problems.AssertAsync(preview, 400, "validation_failed", "lineItems");
        await Problems.AssertAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/orders/by-po/{order.poNumber}", UriKind.Relative), Cancel), 404, "not_found");
    }

    /// <summary>A place-order body of exactly <paramref name="size"/> bytes: the description pads it.</summary>
    private static ByteArrayContent Padded(string poNumber, string productId, int size)
    {
        string Json(int padding) =>
            $$"""{"poNumber":"{{poNumber}}","lineItems":[{"productId":"{{productId}}","quantity":1,"denomination":"10.00"}],"description":"{{new string('x', padding)}}"}""";
        var json = Json(size - Json(0).Length);
        Assert.Equal(size, Encoding.UTF8.GetByteCount(json));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A readable stream that will not tell its length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
