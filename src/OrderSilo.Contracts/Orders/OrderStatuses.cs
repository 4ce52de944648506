namespace OrderSilo.Contracts.Orders;

/// <summary>The values of <see cref="Order.Status"/> and <see cref="Order.DeliveryStatus"/> (API.md "Orders").</summary>
public static class OrderStatuses
{
    /// <summary>A quotation with full costing; nothing is owed until it is accepted.</summary>
    public const string Quote = "quote";
    /// <summary>A purchase order waiting for the account owner's or the operator's approval.</summary>
    public const string PendingApproval = "pending_approval";
    /// <summary>Invoiced: the company owes the total by <see cref="Order.PaymentDueAt"/>.</summary>
    public const string AwaitingPayment = "awaiting_payment";
    /// <summary>Paid for, delivery under way (delayed delivery).</summary>
    public const string Processing = "processing";
    /// <summary>Paid for and delivered.</summary>
    public const string Completed = "completed";
    /// <summary>Cancelled; <see cref="Order.CancelReason"/> says why.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>A quote that passed its <see cref="Order.ValidUntil"/> before it was accepted.</summary>
    public const string Expired = "expired";
    /// <summary>Refused by the operator before approval (reserved; see docs/lifecycles.md).</summary>
    public const string Rejected = "rejected";

    /// <summary>Delivery status: nothing delivered yet.</summary>
    public const string Pending = "pending";
    /// <summary>Delivery status: the vouchers were issued.</summary>
    public const string Delivered = "delivered";
    /// <summary>Delivery status: the order was cancelled before delivery.</summary>
    public const string DeliveryCancelled = "cancelled";

    /// <summary>Every order status of the contract.</summary>
    public static readonly IReadOnlyList<string> All = [Quote, PendingApproval, AwaitingPayment, Processing, Completed, Cancelled, Expired, Rejected];
}
