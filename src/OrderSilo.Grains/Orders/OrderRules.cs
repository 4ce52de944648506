using System.Collections.Immutable;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Orders;

public static class OrderRules
{
    /// <summary>
    /// The order a placement opens: a quote; paid at once (on account, by card, free: delivered with
    /// <paramref name="vouchers"/>, or processing when they are null); invoiced (due at <paramref name="dueAt"/>); or a
    /// purchase order waiting for approval unless <paramref name="approved"/> by the company's approval policy
    /// (invoices are due within <paramref name="terms"/>). Its history starts with that step.
    /// </summary>
    public static Order Open(OrderPlacement placement, PricedOrder priced, DateTimeOffset now, ImmutableArray<Voucher>? vouchers, string? chargeId, PaymentTerms terms,
        bool approved = false)
    {
        var command = placement.Command;
        var draft = new Order
        {
            OrderId = placement.OrderId,
            PoNumber = command.PoNumber,
            Reference = command.Reference,
            CompanyId = command.CompanyId,
            Status = "",
            DeliveryStatus = OrderStatuses.Pending,
            PaymentType = command.Quote ? null : command.Payment.Type,
            Currency = priced.Currency,
            LineItems = priced.LineItems,
            Totals = priced.Totals,
            Promotions = priced.Promotions,
            InternalPoNumber = command.Payment.InternalPoNumber,
            AutoApprove = approved,
            ValidUntil = command.Quote ? command.ValidUntil : null,
            AmountPaid = Currencies.Round(0m, priced.Currency),
            ChargeId = chargeId,
            Tag = command.Tag,
            Description = command.Description,
            Metadata = command.Metadata ?? ImmutableSortedDictionary<string, string>.Empty,
            Recipient = command.Recipient,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 0,
        };
        if (command.Quote)
            return OrderLifecycle.Move(draft, OrderStatuses.Quote, "quoted", now);
        return command.Payment.Type switch
        {
            PaymentTypes.Invoice => OrderLifecycle.Invoiced(draft, "placed", now, terms),
            PaymentTypes.PurchaseOrder when approved => OrderLifecycle.Invoiced(draft, "placed", now, terms, "auto-approved"),
            PaymentTypes.PurchaseOrder => OrderLifecycle.Move(draft with { PaymentTermsDays = terms.Days }, OrderStatuses.PendingApproval, "placed", now),
            _ => OrderLifecycle.Paid(draft, "placed", now, vouchers, command.Payment.Type),
        };
    }

    /// <summary>True when a product of the cart is delivered later rather than at once.</summary>
    public static bool IsDelayed(PricedOrder priced) => priced.Products.Any(p => p.Delivery == "delayed");

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
