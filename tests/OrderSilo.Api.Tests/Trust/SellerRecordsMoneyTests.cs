using static OrderSilo.Api.Tests.Orders.LifecycleTestSteps;

namespace OrderSilo.Api.Tests.Trust;

/// <summary>
/// Only the seller says money arrived or a purchase order is approved (docs/security.md): the holes a new user
/// found, each now answering 403 with the order unchanged.
/// </summary>
public sealed class SellerRecordsMoneyTests(SystemFixture fixture)
{
    private static readonly object AutoApprovedPurchaseOrder = new { type = "purchase_order", internalPoNumber = "X-1", autoApprove = true };

    [Fact]
    public async Task ATenantsAutoApprovedPurchaseOrder_WaitsForTheOperator_AndItsOwnPaymentIsForbidden()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);

        var order = await PlaceAsync(tenant, Order(product, AutoApprovedPurchaseOrder, quantity: 10));
        var approves = await PostAsync(tenant, Id(order), "approve");
        var pays = await PostAsync(tenant, Id(order), "payments", new { amount = "100.00", reference = "i-say-i-paid" });
        var unchanged = await GetAsync(tenant, Id(order));

        Assert.Equal(("pending_approval", false), (Status(order), order["autoApprove"]!.GetValue<bool>()));
        await Problems.AssertAsync(approves, 403, "forbidden");
        await Problems.AssertAsync(pays, 403, "forbidden");
        Assert.Equal(order.ToJsonString(), unchanged.ToJsonString());
        Assert.Empty(unchanged["vouchers"]!.AsArray());
    }

    [Fact]
    public async Task TheOperator_ApprovesAndRecordsAWire_AndHistoryNamesWhoDidEach()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var order = await PlaceAsync(tenant, Order(product, AutoApprovedPurchaseOrder, quantity: 10));

        var approved = await ApiSession.ReadJsonAsync(await AdminPostAsync(fixture.Admin, Id(order), "approve"), 200);
        var noMethod = await AdminPostAsync(fixture.Admin, Id(order), "payments", new { amount = "100.00", reference = "WIRE-1" });
        var badMethod = await AdminPostAsync(fixture.Admin, Id(order), "payments", new { amount = "100.00", reference = "WIRE-1", method = "card" });
        var paid = await PayAsync(fixture.Admin, Id(order), "100.00", "WIRE-1");
        var cancelled = await PlaceAsync(tenant, Order(product, new { type = "invoice" }));
        cancelled = await StepAsync(tenant, Id(cancelled), "cancel");

        Assert.Equal("awaiting_payment", Status(approved));
        await Problems.AssertAsync(noMethod, 400, "validation_failed", "method");
        await Problems.AssertAsync(badMethod, 400, "validation_failed", "method");
        Assert.Equal(("completed", 10), (Status(paid), paid["vouchers"]!.AsArray().Count));
        var payment = paid["payments"]!.AsArray().Single()!;
        Assert.Equal(("wire", fixture.Admin.ClientId), (payment["method"]!.GetValue<string>(), payment["recordedBy"]!.GetValue<string>()));
        Assert.Equal([null, fixture.Admin.ClientId, fixture.Admin.ClientId],
            paid["history"]!.AsArray().Select(t => t!["actor"]?.GetValue<string>()));
        Assert.Equal(tenant.ClientId, cancelled["history"]!.AsArray()[^1]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheApprovalPolicy_DecidesWhoApproves_AndAChildFollowsItsParent()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();
        var product = await TestCatalog.PutVoucherAsync(fixture.Admin);
        var child = await ApiSession.ReadJsonAsync(await tenant.Http.PostAsJsonAsync("/api/v1/companies", new { name = "Branch", country = "US", billingName = "Branch Ltd" }, TestContext.Current.CancellationToken), 201);
        var childId = child["id"]!.GetValue<string>();
        await SetCompanyAsync(childId, """{"creditLimit":null}""");

        var auto = await SetCompanyAsync(tenant.CompanyId, """{"approvalPolicy":{"mode":"auto","autoApproveUpTo":"50.00"}}""");
        var small = await PlaceAsync(tenant, Order(product, new { type = "purchase_order", internalPoNumber = "S-1" }, quantity: 5));
        var large = await PlaceAsync(tenant, Order(product, new { type = "purchase_order", internalPoNumber = "L-1" }, quantity: 6));
        var childSmall = await PlaceAsync(tenant, ForCompany(Order(product, new { type = "purchase_order", internalPoNumber = "C-1" }), childId));
        await SetCompanyAsync(tenant.CompanyId, """{"approvalPolicy":{"mode":"account"}}""");
        var asked = await PlaceAsync(tenant, Order(product, new { type = "purchase_order", internalPoNumber = "A-1", autoApprove = true }));
        var notAsked = await PlaceAsync(tenant, Order(product, new { type = "purchase_order", internalPoNumber = "A-2" }));
        var ownApproval = await StepAsync(tenant, Id(notAsked), "approve");
        var ownApprovalOfLarge = await StepAsync(tenant, Id(large), "approve");
        var childView = await ApiSession.ReadJsonAsync(await tenant.Http.GetAsync(new Uri($"/api/v1/companies/{childId}", UriKind.Relative), TestContext.Current.CancellationToken), 200);
        var badMode = await PatchCompanyAsync(tenant.CompanyId, """{"approvalPolicy":{"mode":"whoever"}}""");
        var badCap = await PatchCompanyAsync(tenant.CompanyId, """{"approvalPolicy":{"mode":"auto","autoApproveUpTo":"-1"}}""");

        Assert.Equal("auto", auto["approvalPolicy"]!["mode"]!.GetValue<string>());
        Assert.Equal(("awaiting_payment", "pending_approval", "awaiting_payment"), (Status(small), Status(large), Status(childSmall)));
        Assert.Equal(("awaiting_payment", "pending_approval"), (Status(asked), Status(notAsked)));
        Assert.Equal(("awaiting_payment", "awaiting_payment"), (Status(ownApproval), Status(ownApprovalOfLarge)));
        Assert.Equal("account", childView["approvalPolicy"]!["mode"]!.GetValue<string>());
        await Problems.AssertAsync(badMode, 400, "validation_failed", "approvalPolicy.mode");
        await Problems.AssertAsync(badCap, 400, "validation_failed", "approvalPolicy.autoApproveUpTo");
        var log = await ApiSession.ReadJsonAsync(await fixture.Admin.Http.GetAsync(new Uri($"/api/v1/admin/companies/{tenant.CompanyId}/changes", UriKind.Relative), TestContext.Current.CancellationToken), 200);
        var policyChanges = log["data"]!.AsArray().Where(c => c!["field"]!.GetValue<string>() == "approvalPolicy").ToList();
        Assert.Equal(2, policyChanges.Count);
        Assert.All(policyChanges, c => Assert.Equal(fixture.Admin.ClientId, c!["actor"]!.GetValue<string>()));
    }

    private async Task<JsonObject> SetCompanyAsync(string companyId, string json) =>
        await ApiSession.ReadJsonAsync(await PatchCompanyAsync(companyId, json), 200);

    private async Task<HttpResponseMessage> PatchCompanyAsync(string companyId, string json) =>
        await fixture.Admin.Http.PatchAsync(new Uri($"/api/v1/admin/companies/{companyId}", UriKind.Relative),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
