using System.Collections.Immutable;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Orders;

public static class OrderRules
{
    /// <summary>A new order on account, paid from credit and delivered at once with its vouchers.</summary>
    public static Order NewAccountOrder(OrderPlacement placement, PricedOrder priced, ImmutableArray<Voucher> vouchers, DateTimeOffset now)
    {
        var command = placement.Command;
        return new Order
        {
            OrderId = placement.OrderId,
            PoNumber = command.PoNumber,
            Reference = command.Reference,
            CompanyId = command.CompanyId,
            Status = OrderStatuses.Completed,
            DeliveryStatus = OrderStatuses.Delivered,
            PaymentType = command.Payment.Type,
            Currency = priced.Currency,
            LineItems = priced.LineItems,
            Totals = priced.Totals,
            Vouchers = vouchers,
            InternalPoNumber = command.Payment.InternalPoNumber,
            AutoApprove = command.Payment.AutoApprove,
            PaidAt = now,
            Tag = command.Tag,
            Description = command.Description,
            Metadata = command.Metadata ?? ImmutableSortedDictionary<string, string>.Empty,
            Recipient = command.Recipient,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
    }
}
