namespace OrderSilo.Contracts.Accounts;

/// <summary>The operator's settings of a company's credit (<c>PATCH /api/v1/admin/companies/{id}</c>).</summary>
/// <param name="SetsCreditLimit">True when <paramref name="CreditLimit"/> is to be applied (null then removes the cap).</param>
/// <param name="CreditLimit">The most the company may owe on account, in its currency; null = not capped.</param>
/// <param name="PaymentTermsDays">Days to pay an invoice; null leaves them as they are.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.CreditTerms")]
public sealed record CreditTerms(
    [property: Id(0)] bool SetsCreditLimit,
    [property: Id(1)] decimal? CreditLimit,
    [property: Id(2)] int? PaymentTermsDays);
