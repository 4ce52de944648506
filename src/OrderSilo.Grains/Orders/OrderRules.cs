using System.Collections.Immutable;
using OrderSilo.Contracts.Common;
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
            Promotions = priced.Promotions,
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

    /// <summary>The order with the patch applied and its version one higher; unchanged when the patch changes nothing.</summary>
    public static Outcome<Order> ApplyPatch(Order order, OrderPatch patch, DateTimeOffset now)
    {
        if (patch.ExpectedVersion is { } expected && expected != order.Version)
            return Outcome<Order>.Fail(ErrorCodes.VersionConflict,
                $"Order '{order.OrderId}' is at version {order.Version}, not {expected}: read it again and retry.", "version");
        var metadata = patch.ClearsMetadata ? ImmutableSortedDictionary<string, string>.Empty : order.Metadata;
        foreach (var (key, value) in patch.Metadata ?? ImmutableSortedDictionary<string, string?>.Empty)
            metadata = value is null ? metadata.Remove(key) : metadata.SetItem(key, value);
        var changed = order with
        {
            Description = patch.SetsDescription ? patch.Description : order.Description,
            Tag = patch.SetsTag ? patch.Tag : order.Tag,
            Metadata = metadata,
            Archived = order.Archived || patch.Archive,
        };
        // Records compare collections by reference: compare the metadata by content.
        var same = changed with { Metadata = order.Metadata } == order && metadata.SequenceEqual(order.Metadata);
        return Outcome<Order>.Ok(same ? order : changed with { Version = order.Version + 1, UpdatedAt = now });
    }
}
