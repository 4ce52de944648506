using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>Deadlines against a clock the test moves: payment terms and quote validity, decided by state and clock.</summary>
[Collection(SharedCluster.Name)]
public sealed class OrderDeadlineTests(ClusterFixture fixture) : IDisposable
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task AnInvoice_UnpaidAtItsDueDate_IsCancelledOnce_AndItsCreditComesBack()
    {
        var (tenant, company) = await TenantWithTermsAsync(limit: 100m, days: 30);
        var placed = await tenant.PoNumber(Grains, "INV-1").Place(tenant.Order("INV-1", 2, PaymentTypes.Invoice));
        var order = Grains.GetGrain<IOrderGrain>(placed.Order!.OrderId);

        TestClock.Instance.Advance(TimeSpan.FromDays(29));
        var partly = await order.RecordPayment(TestTenant.Operator, "part-1", 10m, PaymentMethods.Wire);
        var creditWhileOpen = (await company.GetAny())!.AvailableCredit;
        TestClock.Instance.Advance(TimeSpan.FromDays(2));
        var overdue = await order.Get(tenant.AccountId);
        var again = await order.Get(tenant.AccountId);
        var latePayment = await order.RecordPayment(TestTenant.Operator, "part-2", 5m, PaymentMethods.Wire);

        Assert.Equal(OrderStatuses.AwaitingPayment, placed.Order.Status);
        Assert.Equal(10.00m, partly.Value!.AmountPaid);
        Assert.Equal(100m - placed.Order.Totals.AmountTotal, creditWhileOpen);
        Assert.Equal((OrderStatuses.Cancelled, "payment_overdue"), (overdue!.Status, overdue.CancelReason));
        Assert.Equal((overdue.Version, overdue.History.Length), (again!.Version, again.History.Length));
        Assert.Single(overdue.History, t => t.Cause == "payment_overdue");
        Assert.Equal("invalid_state", latePayment.Error!.Code);
        Assert.Equal(100m, (await company.GetAny())!.AvailableCredit);
    }

    [Fact]
    public async Task APaymentAtTheDueMoment_LosesToTheDeadline_AndOneBeforeItWins()
    {
        var (tenant, _) = await TenantWithTermsAsync(limit: null, days: 10);
        var late = (await tenant.PoNumber(Grains, "INV-LATE").Place(tenant.Order("INV-LATE", 1, PaymentTypes.Invoice))).Order!;
        var early = (await tenant.PoNumber(Grains, "INV-EARLY").Place(tenant.Order("INV-EARLY", 1, PaymentTypes.Invoice))).Order!;

        TestClock.Instance.Advance(late.PaymentDueAt!.Value - TestClock.Instance.GetUtcNow() - TimeSpan.FromSeconds(30));
        var inTime = await Grains.GetGrain<IOrderGrain>(early.OrderId).RecordPayment(TestTenant.Operator, "pay", early.Totals.AmountTotal, PaymentMethods.Wire);
        TestClock.Instance.Advance(TimeSpan.FromSeconds(30));
        var atDue = await Grains.GetGrain<IOrderGrain>(late.OrderId).RecordPayment(TestTenant.Operator, "pay", late.Totals.AmountTotal, PaymentMethods.Wire);

        Assert.Equal(OrderStatuses.Completed, inTime.Value!.Status);
        Assert.Equal("invalid_state", atDue.Error!.Code);
        Assert.Equal(OrderStatuses.Cancelled, (await Grains.GetGrain<IOrderGrain>(late.OrderId).Get(tenant.AccountId))!.Status);
    }

    [Fact]
    public async Task AQuote_PastItsValidity_Expires_AndCannotBeAccepted()
    {
        var (tenant, _) = await TenantWithTermsAsync(limit: null, days: 30);
        var command = tenant.Order("Q-1") with { Quote = true, ValidUntil = TestClock.Instance.GetUtcNow().AddDays(7) };
        var quote = (await tenant.PoNumber(Grains, "Q-1").Place(command)).Order!;

        TestClock.Instance.Advance(TimeSpan.FromDays(8));
        var accepted = await Grains.GetGrain<IOrderGrain>(quote.OrderId).Accept(tenant.Actor, autoPay: false);
        var stored = await Grains.GetGrain<IOrderGrain>(quote.OrderId).Get(tenant.AccountId);

        Assert.Equal(OrderStatuses.Quote, quote.Status);
        Assert.Equal("invalid_state", accepted.Error!.Code);
        Assert.Equal((OrderStatuses.Expired, "quote_expired"), (stored!.Status, stored.History[^1].Cause));
    }

    public void Dispose() => TestClock.Instance.Reset();

    private async Task<(TestTenant Tenant, ICompanyGrain Company)> TenantWithTermsAsync(decimal? limit, int days)
    {
        var tenant = await TestTenant.CreateAsync(Grains);
        var company = Grains.GetGrain<ICompanyGrain>(tenant.Company.Id);
        Assert.Null((await company.SetTerms(TestTenant.Operator, new CompanyTerms(limit is not null, limit, days))).Error);
        return (tenant, company);
    }
}
