namespace OrderSilo.Contracts.Orders;

/// <summary>How money for an order came in.</summary>
public static class PaymentMethods
{
    /// <summary>A bank transfer quoting the order's reference.</summary>
    public const string Wire = "wire";
    /// <summary>A check received.</summary>
    public const string Check = "check";
    /// <summary>Cash received.</summary>
    public const string Cash = "cash";
    /// <summary>Anything else the operator names in the reference.</summary>
    public const string Other = "other";

    /// <summary>A card paid on the order's pay page, through the payment gateway (never recorded by hand).</summary>
    public const string Card = "card";

    /// <summary>The methods the operator records by hand (<c>POST /api/v1/admin/orders/{id}/payments</c>).</summary>
    public static readonly string[] Recorded = [Wire, Check, Cash, Other];
}
