namespace OrderSilo.Grains.Payments;

/// <summary>Settings of the payment gateway client (section <c>OrderSilo:Payments</c>).</summary>
public sealed class PaymentGatewayOptions
{
    /// <summary>How long the gateway may take to answer a charge before the charge counts as timed out.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
