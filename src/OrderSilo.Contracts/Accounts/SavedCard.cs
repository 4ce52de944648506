namespace OrderSilo.Contracts.Accounts;

/// <summary>A company's saved card, as much of it as may be shown.</summary>
/// <param name="Brand">The card brand, such as <c>visa</c>.</param>
/// <param name="Last4">The last four digits.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.SavedCard")]
public sealed record SavedCard([property: Id(0)] string Brand, [property: Id(1)] string Last4);
