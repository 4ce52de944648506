using PuppeteerSharp;
using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;

namespace OrderSilo.Api.Tests.Trust;

/// <summary>
/// The pay page in a real headless browser, Debian's Chromium (test.sh installs it and names it in
/// <c>ORDERSILO_CHROMIUM</c>) driven by PuppeteerSharp, with JavaScript off and the keyboard alone: a buyer tabs
/// through the card form, is told a declined card was declined, and pays with the good one.
/// </summary>
public sealed class PayPageBrowserTests(SystemFixture fixture)
{
    [Fact]
    public async Task ABuyerWithAKeyboardAndNoJavaScript_PaysAnInvoiceOnItsPayPage()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var invoice = await PlaceAsync(tenant, Order(product, new { type = "invoice" }, quantity: 2));
        await using var browser = await LaunchAsync();
        await using var page = await browser.NewPageAsync();
        await page.SetJavaScriptEnabledAsync(false);

        var opened = await page.GoToAsync(invoice["paymentLink"]!.GetValue<string>());
        var title = await page.GetTitleAsync();
        await FillWithKeyboardAsync(page, "4000 0000 0000 0002");
        var declined = await page.QuerySelectorAsync("[role=alert]") is { } alert ? await alert.EvaluateFunctionAsync<string>("e => e.textContent") : null;
        await FillWithKeyboardAsync(page, "4242 4242 4242 4242");
        var paidText = await page.QuerySelectorAsync("#paid") is { } paid ? await paid.EvaluateFunctionAsync<string>("e => e.textContent") : null;

        Assert.Equal(200, (int)opened.Status);
        Assert.StartsWith("Pay order ", title, StringComparison.Ordinal);
        Assert.Contains("declined", declined, StringComparison.Ordinal);
        Assert.Contains("paid in full", paidText, StringComparison.Ordinal);
        var order = await GetAsync(tenant, Id(invoice));
        Assert.Equal(("completed", 2), (Status(order), order["vouchers"]!.AsArray().Count));
    }

    /// <summary>Tabs from the top of the page into each field of the card form in turn, then sends it with Enter.</summary>
    private static async Task FillWithKeyboardAsync(IPage page, string cardNumber)
    {
        await page.Keyboard.PressAsync("Tab");
        foreach (var (field, value) in new[] { ("cardNumber", cardNumber), ("expiry", "12/39"), ("cvc", "123"), ("name", "A. Buyer") })
        {
            while (await page.EvaluateExpressionAsync<string>("document.activeElement && document.activeElement.id") != field)
                await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(value);
        }
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("Enter"));
    }

    private static Task<IBrowser> LaunchAsync() => Puppeteer.LaunchAsync(new LaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("ORDERSILO_CHROMIUM") is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("ORDERSILO_CHROMIUM is not set: run the tests with ./test.sh, which installs Chromium."),
        Headless = true,
        // As root (CI) Chromium needs --no-sandbox; the rest keep it off this machine's closed network.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"],
    });
}
