using System.Collections.Immutable;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Orders;
using static OrderSilo.Contracts.Orders.OrderStatuses;

namespace OrderSilo.Grains.Tests.Orders;

/// <summary>The status machine: every status against every action, and the transitions' bookkeeping.</summary>
public sealed class OrderLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The whole table, written out by hand from docs/lifecycles.md: what each status allows.</summary>
    private static readonly Dictionary<string, OrderAction[]> Expected = new()
    {
        [Quote] = [OrderAction.Accept, OrderAction.Cancel, OrderAction.ExpireQuote],
        [PendingApproval] = [OrderAction.Approve, OrderAction.Cancel],
        [AwaitingPayment] = [OrderAction.Pay, OrderAction.Cancel, OrderAction.ExpirePayment],
        [Processing] = [OrderAction.Fulfil, OrderAction.FailFulfilment, OrderAction.Cancel],
        [Completed] = [],
        [Cancelled] = [],
        [Expired] = [],
        [Rejected] = [],
    };

    public static TheoryData<string, OrderAction, bool> EveryStatusAndAction()
    {
        var data = new TheoryData<string, OrderAction, bool>();
        foreach (var status in OrderStatuses.All)
        {
            foreach (var action in Enum.GetValues<OrderAction>())
                data.Add(status, action, Expected[status].Contains(action));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void EachStatus_AllowsExactlyItsActions(string status, OrderAction action, bool allowed)
    {
        var order = Order(status);

        var refusal = OrderLifecycle.Refusal(order, action);

        Assert.Equal(allowed, OrderLifecycle.Allows(status, action));
        if (allowed)
            Assert.Null(refusal);
        else
            Assert.Equal(("invalid_state", "status"), (refusal!.Code, refusal.Field));
    }

    [Fact]
    public void EveryStatusOfTheContract_IsInTheTable() =>
        Assert.Equal(OrderStatuses.All.Order(StringComparer.Ordinal), Expected.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Move_RecordsTheStepAndRaisesTheVersion()
    {
        var order = Order(Quote);

        var moved = OrderLifecycle.Move(order, Expired, "quote_expired", Now.AddHours(1));

        Assert.Equal((Expired, order.Version + 1, Now.AddHours(1)), (moved.Status, moved.Version, moved.UpdatedAt));
        Assert.Equal(new OrderTransition(Now.AddHours(1), Quote, Expired, "quote_expired"), moved.History[^1]);
    }

    [Fact]
    public void Invoiced_IsDueAfterTheTerms()
    {
        var invoiced = OrderLifecycle.Invoiced(Order(PendingApproval), "approved", Now, new PaymentTerms(30, TimeSpan.FromDays(1)));

        Assert.Equal((AwaitingPayment, Now.AddDays(30), 30), (invoiced.Status, invoiced.PaymentDueAt, invoiced.PaymentTermsDays));
    }

    [Fact]
    public void Paid_WithVouchers_IsCompleted_AndWithout_IsProcessing()
    {
        var order = Order(AwaitingPayment);
        var voucher = new Voucher("vch_1", "prd_1", "code", "AAAA", null, null, 10m, "USD", new DateOnly(2027, 1, 1));

        var delivered = OrderLifecycle.Paid(order, "paid", Now, [voucher]);
        var processing = OrderLifecycle.Paid(order, "paid", Now, null);

        Assert.Equal((Completed, Delivered, Now, 1), (delivered.Status, delivered.DeliveryStatus, delivered.PaidAt, delivered.Vouchers.Length));
        Assert.Equal((Processing, Pending), (processing.Status, processing.DeliveryStatus));
    }

    [Fact]
    public void Cancel_OfAnUndeliveredOrder_CancelsItsDelivery()
    {
        var cancelled = OrderLifecycle.Cancel(Order(AwaitingPayment), "payment_overdue", "payment_overdue", Now);

        Assert.Equal((Cancelled, DeliveryCancelled, Now, "payment_overdue"), (cancelled.Status, cancelled.DeliveryStatus, cancelled.CancelledAt, cancelled.CancelReason));
    }

    [Theory]
    [InlineData("account", Completed, CreditHold.Final)]
    [InlineData("account", Processing, CreditHold.Revocable)]
    [InlineData("account", Cancelled, CreditHold.None)]
    [InlineData("invoice", AwaitingPayment, CreditHold.Revocable)]
    [InlineData("invoice", Completed, CreditHold.None)]
    [InlineData("purchase_order", PendingApproval, CreditHold.Revocable)]
    [InlineData("purchase_order", Cancelled, CreditHold.None)]
    [InlineData("card", Completed, CreditHold.None)]
    [InlineData("free", Completed, CreditHold.None)]
    [InlineData(null, Quote, CreditHold.None)]
    public void CreditOf_FollowsThePaymentTypeAndStatus(string? paymentType, string status, CreditHold expected) =>
        Assert.Equal(expected, OrderLifecycle.CreditOf(Order(status) with { PaymentType = paymentType }));

    [Fact]
    public void RecordPayment_AccumulatesOncePerReference_AndRefusesMoreThanIsOwed()
    {
        var order = Order(AwaitingPayment);

        var first = OrderLifecycle.RecordPayment(order, new OrderPayment("r1", 4m, Now)).Value!;
        var again = OrderLifecycle.RecordPayment(first, new OrderPayment("r1", 4m, Now)).Value!;
        var conflict = OrderLifecycle.RecordPayment(first, new OrderPayment("r1", 5m, Now));
        var over = OrderLifecycle.RecordPayment(first, new OrderPayment("r2", 6.01m, Now));
        var rest = OrderLifecycle.RecordPayment(first, new OrderPayment("r2", 6m, Now)).Value!;

        Assert.Equal(4.00m, first.AmountPaid);
        Assert.Same(first, again);
        Assert.Equal("conflict", conflict.Error!.Code);
        Assert.Equal("overpayment", over.Error!.Code);
        Assert.True(OrderLifecycle.IsPaidInFull(rest));
        Assert.False(OrderLifecycle.IsPaidInFull(first));
    }

    [Fact]
    public void RecordPayment_OnACancelledOrder_IsInvalidState() =>
        Assert.Equal("invalid_state", OrderLifecycle.RecordPayment(Order(Cancelled), new OrderPayment("r1", 1m, Now)).Error!.Code);

    [Fact]
    public void Deadline_IsTheQuotesEnd_ThePaymentTerm_OrTheDelivery()
    {
        Assert.Equal(Now, OrderLifecycle.Deadline(Order(Quote) with { ValidUntil = Now }, null));
        Assert.Equal(Now, OrderLifecycle.Deadline(Order(AwaitingPayment) with { PaymentDueAt = Now }, null));
        Assert.Equal(Now, OrderLifecycle.Deadline(Order(Processing), Now));
        Assert.Null(OrderLifecycle.Deadline(Order(Completed), Now));
        Assert.Null(OrderLifecycle.Deadline(Order(Quote), null));
    }

    private static Order Order(string status) => new()
    {
        OrderId = "ord_test",
        PoNumber = "po-1",
        CompanyId = "co_test",
        Status = status,
        DeliveryStatus = Pending,
        PaymentType = "invoice",
        Currency = "USD",
        LineItems = [],
        Totals = new OrderTotals
        {
            NetPrice = 10m,
            Discount = 0m,
            NetDiscountedPrice = 10m,
            Vat = 0m,
            GrossPrice = 10m,
            GrossDiscountedPrice = 10m,
            AffiliateCommission = 0m,
            AmountTotal = 10m,
        },
        AmountPaid = 0.00m,
        History = ImmutableArray.Create(new OrderTransition(Now, null, status, "placed")),
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    };
}
