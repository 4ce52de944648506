using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;

namespace OrderSilo.Api.Tests.Orders;

/// <summary>Invoices, purchase orders, payments, cancellations and free orders, with the credit they hold.</summary>
public sealed class PaymentTests(SystemFixture fixture)
{
    [Fact]
    public async Task AnInvoice_PaidInParts_CompletesWithItsVouchers_CountingEachReferenceOnce()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SetTermsAsync(fixture.Admin, tenant, """{"creditLimit":"50.00"}""");

        var order = await PlaceAsync(tenant, Order(product, new { type = "invoice" }, 2));
        var held = await AvailableCreditAsync(tenant);
        var part = await PayAsync(fixture.Admin, Id(order), "5.00", "wire-1");
        var retried = await PayAsync(fixture.Admin, Id(order), "5.00", "wire-1");
        var sameRefOtherAmount = await PostPaymentAsync(fixture.Admin, Id(order), "6.00", "wire-1");
        var tooMuch = await PostPaymentAsync(fixture.Admin, Id(order), "15.01", "wire-2");
        var badAmount = await PostPaymentAsync(fixture.Admin, Id(order), "1.001", "wire-3");
        var paid = await PayAsync(fixture.Admin, Id(order), "15.00", "wire-2");
        var afterwards = await PostPaymentAsync(fixture.Admin, Id(order), "1.00", "wire-4");
        var lastRetried = await PayAsync(fixture.Admin, Id(order), "15.00", "wire-2");

        Assert.Equal(("awaiting_payment", "pending", 0), (Status(order), order["deliveryStatus"]!.GetValue<string>(), order["vouchers"]!.AsArray().Count));
        Assert.Equal("30.00", held);
        Assert.Equal(("awaiting_payment", "5.00"), (Status(part), part["amountPaid"]!.GetValue<string>()));
        Assert.Equal(part.ToJsonString(), retried.ToJsonString());
        await Problems.AssertAsync(sameRefOtherAmount, 409, "conflict", "reference");
        await Problems.AssertAsync(tooMuch, 422, "overpayment", "amount");
        await Problems.AssertAsync(badAmount, 400, "validation_failed", "amount");
        Assert.Equal(("completed", "delivered", "20.00"), (Status(paid), paid["deliveryStatus"]!.GetValue<string>(), paid["amountPaid"]!.GetValue<string>()));
        Assert.Equal(2, paid["vouchers"]!.AsArray().Count);
        Assert.Equal(["placed", "payment", "paid"], Causes(paid));
        Assert.Equal(2, paid["payments"]!.AsArray().Count);
        await Problems.AssertAsync(afterwards, 409, "invalid_state");
        Assert.Equal(paid.ToJsonString(), lastRetried.ToJsonString());
        Assert.Equal("50.00", await AvailableCreditAsync(tenant));
    }

    [Fact]
    public async Task CancellingAnInvoice_GivesItsCreditBack_AndRefusesPaymentsAndASecondCancel()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        await SetTermsAsync(fixture.Admin, tenant, """{"creditLimit":"50.00"}""");
        var order = await PlaceAsync(tenant, Order(product, new { type = "invoice" }, 3));

        var cancelled = await StepAsync(tenant, Id(order), "cancel", new { reason = "changed our mind" });
        var payment = await PostPaymentAsync(fixture.Admin, Id(order), "1.00", "late");
        var twice = await PostAsync(tenant, Id(order), "cancel");

        Assert.Equal(("cancelled", "changed our mind", "cancelled"),
            (Status(cancelled), cancelled["cancelReason"]!.GetValue<string>(), cancelled["deliveryStatus"]!.GetValue<string>()));
        Assert.Equal(["placed", "cancelled"], Causes(cancelled));
        Assert.Equal("50.00", await AvailableCreditAsync(tenant));
        await Problems.AssertAsync(payment, 409, "invalid_state");
        await Problems.AssertAsync(twice, 409, "invalid_state");
    }

    [Fact]
    public async Task APurchaseOrder_NeedsABillingName_ThenWaitsForApproval_ThenIsPaid_WhereTheAccountMayApprove()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        using var other = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var purchaseOrder = new { type = "purchase_order", internalPoNumber = "PO-778", autoApprove = false };
        await SetTermsAsync(fixture.Admin, tenant, """{"approvalPolicy":{"mode":"account"}}""");
        await ApiSession.ReadJsonAsync(await tenant.Http.PatchAsync(new Uri($"/api/v1/companies/{tenant.CompanyId}", UriKind.Relative),
            new StringContent("""{"billingName":null}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken), 200);

        var noBillingName = await tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, purchaseOrder), TestContext.Current.CancellationToken);
        var noInternalNumber = await tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, new { type = "purchase_order" }), TestContext.Current.CancellationToken);
        await SetBillingNameAsync(tenant, "Acme Finance Ltd");
        var pending = await PlaceAsync(tenant, Order(product, purchaseOrder));
        var payBeforeApproval = await PostPaymentAsync(fixture.Admin, Id(pending), "10.00", "early");
        var strangerApproves = await PostAsync(other, Id(pending), "approve");
        var approved = await StepAsync(tenant, Id(pending), "approve");
        var byOperator = await PlaceAsync(tenant, Order(product, purchaseOrder));
        var operatorApproved = await ApiSession.ReadJsonAsync(await AdminPostAsync(fixture.Admin, Id(byOperator), "approve"), 200);
        var autoApproved = await PlaceAsync(tenant, Order(product, purchaseOrder with { autoApprove = true }));
        var paid = await PayAsync(fixture.Admin, Id(approved), "10.00", "PO-778-pay");

        await Problems.AssertAsync(noBillingName, 422, "billing_name_required", "billingName");
        await Problems.AssertAsync(noInternalNumber, 400, "validation_failed", "payment.internalPoNumber");
        Assert.Equal(("pending_approval", "PO-778"), (Status(pending), pending["internalPoNumber"]!.GetValue<string>()));
        Assert.Null(pending["paymentDueAt"]);
        await Problems.AssertAsync(payBeforeApproval, 409, "invalid_state");
        await Problems.AssertAsync(strangerApproves, 404, "not_found");
        Assert.Equal("awaiting_payment", Status(approved));
        Assert.NotNull(approved["paymentDueAt"]);
        Assert.Equal(["placed", "approved"], Causes(approved));
        Assert.Equal("awaiting_payment", Status(operatorApproved));
        Assert.Equal("awaiting_payment", Status(autoApproved));
        Assert.Equal("completed", Status(paid));
    }

    [Fact]
    public async Task AFreeOrder_NeedsAZeroTotal()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var notFree = await tenant.Http.PostAsJsonAsync("/api/v1/orders", Order(product, new { type = "free" }), TestContext.Current.CancellationToken);
        await ApiSession.ReadJsonAsync(await fixture.Admin.Http.PutAsJsonAsync($"/api/v1/admin/price-lists/{tenant.CompanyId}",
            new { entries = new[] { new { productId = product, discountPercent = "100" } } }, TestContext.Current.CancellationToken), 200);
        var free = await PlaceAsync(tenant, Order(product, new { type = "free" }));

        await Problems.AssertAsync(notFree, 422, "not_free", "payment.type");
        Assert.Equal(("completed", "free", "0.00"), (Status(free), free["paymentType"]!.GetValue<string>(), free["totals"]!["amountTotal"]!.GetValue<string>()));
        Assert.Single(free["vouchers"]!.AsArray());
    }

    [Fact]
    public async Task CardOrders_ChargeTheSavedCard_AndADeclineLeavesThePoNumberFree()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var body = Order(product, new { type = "card" });

        var noCard = await tenant.Http.PostAsJsonAsync("/api/v1/orders", body, TestContext.Current.CancellationToken);
        await SaveCardAsync(tenant, "tok_chargeDeclined");
        var declined = await tenant.Http.PostAsJsonAsync("/api/v1/orders", body, TestContext.Current.CancellationToken);
        await SaveCardAsync(tenant, "tok_visa");
        var charged = await PlaceAsync(tenant, body);

        await Problems.AssertAsync(noCard, 422, "saved_card_required", "payment.type");
        await Problems.AssertAsync(declined, 422, "card_declined", "payment.type");
        Assert.Equal(("completed", "card"), (Status(charged), charged["paymentType"]!.GetValue<string>()));
        Assert.NotNull(charged["chargeId"]);
    }
}
