namespace OrderSilo.Api.Tests.Security;

/// <summary>
/// Characters that show nothing are refused in a poNumber with 400 naming the field, wherever a poNumber comes in,
/// and nothing is placed.
/// </summary>
public sealed class PoNumberInputTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("\u202E")] // RIGHT-TO-LEFT OVERRIDE (Cf)
    [InlineData("\u200B")] // ZERO WIDTH SPACE (Cf)
    [InlineData("\uFEFF")] // ZERO WIDTH NO-BREAK SPACE (Cf)
    [InlineData("\u2028")] // LINE SEPARATOR (Zl)
    [InlineData("\u2029")] // PARAGRAPH SEPARATOR (Zp)
    [InlineData("\u0007")] // BELL (Cc)
    [InlineData("\u0085")] // NEXT LINE (Cc)
    public async Task ControlOrFormatCharacter_IsRefusedNamingPoNumber_InEveryPlaceAPoNumberComesIn(string character)
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var po = "po-" + Guid.NewGuid().ToString("N")[..8] + character + "1";

        var placed = await tenant.Http.PostAsJsonAsync("/api/v1/orders", TestCatalog.Order(po, product), Cancel);
        var quoted = await tenant.Http.PostAsJsonAsync("/api/v1/quotes", TestCatalog.Order(po, product), Cancel);
        var batch = await tenant.Http.PostAsJsonAsync("/api/v1/orders/batch", new { records = new[] { TestCatalog.Order(po, product) } }, Cancel);
        var byPo = await tenant.Http.GetAsync(new Uri($"/api/v1/orders/by-po/{Uri.EscapeDataString(po)}", UriKind.Relative), Cancel);
        var listed = await tenant.Http.GetAsync(new Uri($"/api/v1/orders?poNumber={Uri.EscapeDataString(po)}", UriKind.Relative), Cancel);

        await Problems.AssertAsync(placed, 400, "validation_failed", "poNumber");
        await Problems.AssertAsync(quoted, 400, "validation_failed", "poNumber");
        await Problems.AssertAsync(batch, 400, "validation_failed", "records[0].poNumber");
        await Problems.AssertAsync(byPo, 400, "validation_failed", "poNumber");
        await Problems.AssertAsync(listed, 400, "validation_failed", "poNumber");
        var all = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri("/api/v1/orders", UriKind.Relative), Cancel), 200);
        Assert.Empty(all["data"]!.AsArray());
    }
}
