namespace OrderSilo.Contracts.Pricing;

/// <summary>
/// One row of the tax table: the VAT percent charged to buyers in <paramref name="Country"/> for products of
/// <paramref name="TaxCategory"/>. Either may be <c>*</c> (any); the most specific row wins (docs/pricing.md).
/// </summary>
/// <param name="Country">ISO 3166 alpha-2 code of the buyer's country, or <c>*</c>.</param>
/// <param name="TaxCategory">The product's tax category, or <c>*</c>.</param>
/// <param name="Percent">The rate, 0 to 100.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.TaxRate")]
public sealed record TaxRate([property: Id(0)] string Country, [property: Id(1)] string TaxCategory, [property: Id(2)] decimal Percent);
