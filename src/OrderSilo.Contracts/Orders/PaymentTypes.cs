namespace OrderSilo.Contracts.Orders;

/// <summary>The values of <see cref="PaymentRequest.Type"/> and <see cref="Order.PaymentType"/>.</summary>
public static class PaymentTypes
{
    /// <summary>Charged to the company's credit.</summary>
    public const string Account = "account";
    /// <summary>Charged to the company's saved card.</summary>
    public const string Card = "card";
    /// <summary>Invoiced, payable within the company's payment terms.</summary>
    public const string Invoice = "invoice";
    /// <summary>A purchase order with the buyer's internal number, approved, then invoiced.</summary>
    public const string PurchaseOrder = "purchase_order";
    /// <summary>Paid from the company's prepaid balance, which never goes below zero.</summary>
    public const string Balance = "balance";
    /// <summary>Nothing to pay: allowed only when the total is zero.</summary>
    public const string Free = "free";

    /// <summary>Every payment type of the contract.</summary>
    public static readonly IReadOnlyList<string> All = [Account, Card, Invoice, PurchaseOrder, Balance, Free];
}
