namespace OrderSilo.Api.Pay;

/// <summary>Who sells, as the pay page shows it (section <c>OrderSilo:Seller</c> of the API host).</summary>
public sealed class SellerOptions
{
    /// <summary>The seller's name, at the top of every pay page.</summary>
    public string Name { get; set; } = "OrderSilo demo seller";

    /// <summary>Where a buyer sends a bank transfer (the order id is the reference to quote).</summary>
    public string WireInstructions { get; set; } = "Demo Bank plc, IBAN GB33 DEMO 0000 0000 0000 00, BIC DEMOGB2L";
}
