using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;

namespace OrderSilo.Api.Tests.Orders;

/// <summary>Quotes (seed 000): saved with full costing, accepted with the saved card or for an invoice.</summary>
public sealed class QuoteTests(SystemFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AQuote_AcceptedWithTheSandboxCard_IsPaidAndDelivered_AndAcceptingAgainReplays()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SaveCardAsync(tenant, "tok_visa");

        var quote = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/quotes", Quote(product, 2), Cancel), 201);
        var accepted = await StepAsync(tenant, Id(quote), "accept", new { autoPay = true });
        var again = await StepAsync(tenant, Id(quote), "accept", new { autoPay = true });
        var otherWay = await PostAsync(tenant, Id(quote), "accept", new { autoPay = false });

        Assert.Equal(("quote", null, 0), (Status(quote), quote["paymentType"]?.GetValue<string>(), quote["vouchers"]!.AsArray().Count));
        Assert.Equal("20.00", quote["totals"]!["amountTotal"]!.GetValue<string>());
        Assert.StartsWith("quote-", quote["poNumber"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("completed", "delivered", "card"), (Status(accepted), accepted["deliveryStatus"]!.GetValue<string>(), accepted["paymentType"]!.GetValue<string>()));
        Assert.Equal(2, accepted["vouchers"]!.AsArray().Count);
        Assert.StartsWith("ch_sandbox_", accepted["chargeId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["quoted", "accepted"], Causes(accepted));
        Assert.Equal(accepted.ToJsonString(), again.ToJsonString());
        await Problems.AssertAsync(otherWay, 409, "invalid_state");
    }

    [Fact]
    public async Task ADeclinedCard_LeavesTheQuoteAcceptable()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var quote = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/quotes", Quote(product), Cancel), 201);

        var noCard = await PostAsync(tenant, Id(quote), "accept", new { autoPay = true });
        await SaveCardAsync(tenant, "tok_chargeDeclined");
        var declined = await PostAsync(tenant, Id(quote), "accept", new { autoPay = true });
        var stillQuote = await GetAsync(tenant, Id(quote));
        await SaveCardAsync(tenant, "tok_mastercard");
        var accepted = await StepAsync(tenant, Id(quote), "accept", new { autoPay = true });

        await Problems.AssertAsync(noCard, 422, "saved_card_required", "autoPay");
        await Problems.AssertAsync(declined, 422, "card_declined", "autoPay");
        Assert.Equal("quote", Status(stillQuote));
        Assert.Equal("completed", Status(accepted));
    }

    [Fact]
    public async Task AGatewayTimeout_AnswersUnavailable_AndLeavesTheQuoteAsItWas()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SaveCardAsync(tenant, "tok_timeout");
        var quote = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/quotes", Quote(product), Cancel), 201);

        var timedOut = await PostAsync(tenant, Id(quote), "accept", new { autoPay = true });

        await Problems.AssertAsync(timedOut, 503, "unavailable");
        Assert.Equal("quote", Status(await GetAsync(tenant, Id(quote))));
    }

    [Fact]
    public async Task AcceptedForAnInvoice_ItAwaitsPaymentWithinTheTerms_AndHoldsCredit()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var cardOnly = await TestCatalog.PutVoucherAsync(fixture.Admin, requiresSavedCard: true);
        await SetTermsAsync(fixture.Admin, tenant, """{"creditLimit":"100.00","paymentTermsDays":14}""");
        var quote = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/quotes", Quote(product, 3), Cancel), 201);
        var cardQuote = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/quotes", Quote(cardOnly), Cancel), 201);
        var creditBefore = await AvailableCreditAsync(tenant);

        var invoiced = await StepAsync(tenant, Id(quote), "accept", new { autoPay = false });
        var refused = await PostAsync(tenant, Id(cardQuote), "accept", new { autoPay = false });

        Assert.Equal("100.00", creditBefore);
        Assert.Equal(("awaiting_payment", "invoice"), (Status(invoiced), invoiced["paymentType"]!.GetValue<string>()));
        var accepted = DateTimeOffset.Parse(invoiced["history"]![1]!["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var due = DateTimeOffset.Parse(invoiced["paymentDueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(14), due - accepted);
        Assert.Empty(invoiced["vouchers"]!.AsArray());
        Assert.Equal("70.00", await AvailableCreditAsync(tenant));
        await Problems.AssertAsync(refused, 422, "saved_card_required", "autoPay");
    }

    [Fact]
    public async Task AQuotePastItsValidity_CannotBeAccepted_AndShowsExpired()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var quote = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/quotes",
            Quote(product, validUntil: DateTimeOffset.UtcNow.AddSeconds(2)), Cancel), 201);
        var past = await tenant.Http.PostAsJsonAsync("/api/v1/quotes", Quote(product, validUntil: DateTimeOffset.UtcNow.AddMinutes(-1)), Cancel);

        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        var late = await PostAsync(tenant, Id(quote), "accept", new { autoPay = false });
        var expired = await GetAsync(tenant, Id(quote));

        await Problems.AssertAsync(late, 409, "invalid_state");
        Assert.Equal("expired", Status(expired));
        Assert.Equal(["quoted", "quote_expired"], Causes(expired));
        await Problems.AssertAsync(past, 400, "validation_failed", "validUntil");
    }

    [Fact]
    public async Task AnotherTenantsQuote_IsNotFound()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var other = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var quote = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/quotes", Quote(product), Cancel), 201);

        var accept = await PostAsync(other, Id(quote), "accept", new { autoPay = false });
        var missingFlag = await PostAsync(tenant, Id(quote), "accept", new { });

        await Problems.AssertAsync(accept, 404, "not_found");
        await Problems.AssertAsync(missingFlag, 400, "validation_failed", "autoPay");
    }
}
