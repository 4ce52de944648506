namespace OrderSilo.Contracts.Orders;

/// <summary>The values of <see cref="Order.Status"/> and <see cref="Order.DeliveryStatus"/>.</summary>
public static class OrderStatuses
{
    /// <summary>Placed, paid for (on account) and delivered.</summary>
    public const string Completed = "completed";

    /// <summary>Delivery status: the vouchers were issued.</summary>
    public const string Delivered = "delivered";
}
