using System.Collections.Immutable;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Orders;
using OrderSilo.Grains.Pricing;
using OrderSilo.Grains.Tests.Catalog;
using static OrderSilo.Grains.Tests.Pricing.Carts;

namespace OrderSilo.Grains.Tests.Orders;

public sealed class OrderRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 51, 30, TimeSpan.Zero);
    private static readonly PaymentTerms Terms = new(30, TimeSpan.FromDays(1));

    private static (OrderPlacement Placement, PricedOrder Priced) Placement(ImmutableSortedDictionary<string, string>? metadata)
    {
        var giftCard = TestProducts.Voucher("GBP", 25m);
        var licence = TestProducts.FixedPrice(9.99m, "GBP");
        var command = new PlaceOrder
        {
            PoNumber = "PO-2026-0001",
            CompanyId = "co_8k2m4n6p8r0t2v4x6z8b",
            LineItems = [Line(giftCard, 2, 25m), Line(licence, 3)],
            Recipient = new Recipient("ana@example.com", "+44 7700 900123"),
            Tag = "spring",
            Description = "Staff rewards",
            Reference = "REF-7",
            Payment = new PaymentRequest(PaymentTypes.Account, AutoApprove: true, InternalPoNumber: "INT-9"),
            Metadata = metadata,
        };
        var priced = PriceCalculator.Price(Request("GB", [.. command.LineItems]), [giftCard, licence], TaxTable.Default).Value!;
        return (new OrderPlacement(Ids.NewOrderId(Now), "acc_test", command, priced), priced);
    }

    [Fact]
    public void NewAccountOrder_IsCompletedAndDeliveredAtVersionOne()
    {
        var (placement, priced) = Placement(metadata: null);
        var vouchers = VoucherIssuer.Issue(priced, Now);

        var order = OrderRules.Open(placement, priced, Now, vouchers, null, Terms);

        Assert.Equal(OrderStatuses.Completed, order.Status);
        Assert.Equal(OrderStatuses.Delivered, order.DeliveryStatus);
        Assert.Equal(1, order.Version);
        Assert.Equal(Now, order.CreatedAt);
        Assert.Equal(Now, order.UpdatedAt);
        Assert.Equal(Now, order.PaidAt);
        Assert.Null(order.CancelledAt);
        Assert.False(order.Archived);
    }

    [Fact]
    public void NewAccountOrder_CopiesThePricingAndTheVouchers()
    {
        var (placement, priced) = Placement(metadata: null);
        var vouchers = VoucherIssuer.Issue(priced, Now);

        var order = OrderRules.Open(placement, priced, Now, vouchers, null, Terms);

        Assert.Equal("GBP", order.Currency);
        Assert.Equal(priced.Totals, order.Totals);
        Assert.Equal(priced.LineItems, order.LineItems);
        Assert.Equal(vouchers, order.Vouchers);
        Assert.Equal(5, order.Vouchers.Length);
        Assert.Equal(priced.LineItems.Sum(l => l.GrossDiscountedPrice), order.Totals.AmountTotal);
    }

    [Fact]
    public void NewAccountOrder_CopiesWhatTheClientSent()
    {
        var (placement, priced) = Placement(metadata: null);

        var order = OrderRules.Open(placement, priced, Now, [], null, Terms);

        var command = placement.Command;
        Assert.Equal(placement.OrderId, order.OrderId);
        Assert.Equal(command.PoNumber, order.PoNumber);
        Assert.Equal(command.CompanyId, order.CompanyId);
        Assert.Equal("REF-7", order.Reference);
        Assert.Equal("spring", order.Tag);
        Assert.Equal("Staff rewards", order.Description);
        Assert.Equal(PaymentTypes.Account, order.PaymentType);
        Assert.Equal("INT-9", order.InternalPoNumber);
        // The buyer asked for approval without a manual step; only the company's approval policy grants it.
        Assert.False(order.AutoApprove);
        Assert.Equal(command.Recipient, order.Recipient);
    }

    [Fact]
    public void NewAccountOrder_WithoutMetadata_HasEmptyMetadata()
    {
        var (placement, priced) = Placement(metadata: null);

        var order = OrderRules.Open(placement, priced, Now, [], null, Terms);

        Assert.NotNull(order.Metadata);
        Assert.Empty(order.Metadata);
    }

    [Fact]
    public void NewAccountOrder_WithMetadata_KeepsIt()
    {
        var metadata = ImmutableSortedDictionary<string, string>.Empty.Add("costCentre", "42").Add("team", "Sales");
        var (placement, priced) = Placement(metadata);

        var order = OrderRules.Open(placement, priced, Now, [], null, Terms);

        Assert.Equal(metadata, order.Metadata);
    }
}
