namespace OrderSilo.Api.Pricing;

/// <summary>The body of <c>PUT /api/v1/admin/tax-rates</c>, and its answer.</summary>
public sealed record TaxRatesBody(IReadOnlyList<TaxRateBody?>? Rates);

/// <summary>One row: the VAT percent for buyers in <c>country</c> buying products of <c>taxCategory</c>; either may be <c>*</c>.</summary>
public sealed record TaxRateBody(string? Country, string? TaxCategory, decimal? Percent);
