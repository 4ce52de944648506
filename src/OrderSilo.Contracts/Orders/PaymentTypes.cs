namespace OrderSilo.Contracts.Orders;

/// <summary>The values of <see cref="PaymentRequest.Type"/> and <see cref="Order.PaymentType"/>.</summary>
public static class PaymentTypes
{
    /// <summary>Charged to the company's credit.</summary>
    public const string Account = "account";

    /// <summary>Every payment type of the contract.</summary>
    public static readonly IReadOnlyList<string> All = [Account, "card", "invoice", "purchase_order", "free"];
}
