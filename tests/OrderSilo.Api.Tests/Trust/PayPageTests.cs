using System.Net;
using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;

namespace OrderSilo.Api.Tests.Trust;

/// <summary>
/// The pay page behind an order's paymentLink, over plain HTTP as a browser without JavaScript uses it: the order
/// and the ways to pay, a declined card that changes nothing, a paid card that completes the order once, and a 404
/// page for a link that was changed or whose order is gone.
/// </summary>
public sealed class PayPageTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnOrderAwaitingPayment_HasALink_WhosePageShowsTheOrderAndTheWireReference()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var invoice = await PlaceAsync(tenant, Order(product, new { type = "invoice" }, quantity: 3));
        var onAccount = await PlaceAsync(tenant, Order(product, new { type = "account" }));
        using var buyer = Buyer();

        var page = await buyer.GetAsync(Link(invoice), Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);

        Assert.StartsWith($"{fixture.System.ApiBaseAddress.ToString().TrimEnd('/')}/pay/{Id(invoice)}/", Link(invoice), StringComparison.Ordinal);
        Assert.Null(onAccount["paymentLink"]);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Equal(("no-store", "no-referrer"), (page.Headers.CacheControl?.ToString(), page.Headers.GetValues("Referrer-Policy").Single()));
        Assert.Contains("OrderSilo demo seller", html, StringComparison.Ordinal);
        Assert.Contains($"<td id=\"total\">{invoice["totals"]!["amountTotal"]!.GetValue<string>()} USD</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td id=\"vat\">", html, StringComparison.Ordinal);
        Assert.Contains($"<strong id=\"reference\">{Id(invoice)}</strong>", html, StringComparison.Ordinal);
        Assert.Contains(invoice["paymentDueAt"]!.GetValue<string>()[..10], html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeclinedCardChangesNothing_APaidOneCompletesTheOrderOnce()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var invoice = await PlaceAsync(tenant, Order(product, new { type = "invoice" }, quantity: 2));
        using var buyer = Buyer();

        var declined = await PayAsync(buyer, Link(invoice), "4000 0000 0000 0002");
        var afterDecline = await GetAsync(tenant, Id(invoice));
        var unknownCard = await PayAsync(buyer, Link(invoice), "4111 1111 1111 1111");
        var paid = await PayAsync(buyer, Link(invoice), "4242 4242 4242 4242");
        var afterPayment = await GetAsync(tenant, Id(invoice));
        var again = await PayAsync(buyer, Link(invoice), "4242 4242 4242 4242");
        var paidPage = await buyer.GetAsync(Link(invoice), Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, declined.StatusCode);
        Assert.Contains("Your card was declined", await declined.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal((invoice["version"]!.GetValue<int>(), "awaiting_payment"), (afterDecline["version"]!.GetValue<int>(), Status(afterDecline)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownCard.StatusCode);
        Assert.Equal((HttpStatusCode.SeeOther, new Uri(Link(invoice)).AbsolutePath), (paid.StatusCode, paid.Headers.Location?.ToString()));
        Assert.Equal(("completed", 2, "20.00"), (Status(afterPayment), afterPayment["vouchers"]!.AsArray().Count, afterPayment["amountPaid"]!.GetValue<string>()));
        var payment = Assert.Single(afterPayment["payments"]!.AsArray())!;
        Assert.Equal(("card", "gateway"), (payment["method"]!.GetValue<string>(), payment["recordedBy"]!.GetValue<string>()));
        Assert.Equal("gateway", afterPayment["history"]!.AsArray()[^1]!["actor"]!.GetValue<string>());
        Assert.Null(afterPayment["paymentLink"]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(afterPayment.ToJsonString(), (await GetAsync(tenant, Id(invoice))).ToJsonString());
        Assert.Contains("id=\"paid\"", await paidPage.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(afterPayment["vouchers"]![0]!["code"]!.GetValue<string>(), await paidPage.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedLink_AndTheLinkOfAnOverdueOrder_ShowTheNotFoundPage()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var invoice = await PlaceAsync(tenant, Order(product, new { type = "invoice" }));
        await SetTermsAsync(fixture.Admin, tenant, """{"paymentTermsDays":0}""");
        var overdue = await PlaceAsync(tenant, Order(product, new { type = "invoice" }));
        using var buyer = Buyer();
        var link = Link(invoice);
        var changed = link[..^1] + (link[^1] == 'A' ? 'B' : 'A');

        var tampered = await buyer.GetAsync(changed, Cancel);
        var paidThroughTampered = await PayAsync(buyer, changed, "4242 4242 4242 4242");
        var expired = await buyer.GetAsync(Link(overdue), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Contains("id=\"not-found\"", await tampered.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, paidThroughTampered.StatusCode);
        Assert.Equal("awaiting_payment", Status(await GetAsync(tenant, Id(invoice))));
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal(("cancelled", "payment_overdue"), (Status(await GetAsync(tenant, Id(overdue))), (await GetAsync(tenant, Id(overdue)))["cancelReason"]!.GetValue<string>()));
    }

    /// <summary>A browser: no token, no redirects followed, so each answer is seen as it is.</summary>
    private HttpClient Buyer() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.System.ApiBaseAddress };

    private static string Link(JsonObject order) => order["paymentLink"]!.GetValue<string>();

    private static async Task<HttpResponseMessage> PayAsync(HttpClient buyer, string link, string cardNumber) =>
        await buyer.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["cardNumber"] = cardNumber,
            ["expiry"] = "12/39",
            ["cvc"] = "123",
            ["name"] = "A. Buyer",
        }), Cancel);
}
