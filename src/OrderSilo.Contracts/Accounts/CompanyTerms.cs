namespace OrderSilo.Contracts.Accounts;

/// <summary>The operator's terms of trade with a company (<c>PATCH /api/v1/admin/companies/{id}</c>).</summary>
/// <param name="SetsCreditLimit">True when <paramref name="CreditLimit"/> is to be applied (null then removes the cap).</param>
/// <param name="CreditLimit">The most the company may owe on account, in its currency; null = not capped.</param>
/// <param name="PaymentTermsDays">Days to pay an invoice; null leaves them as they are.</param>
/// <param name="SetsApprovalPolicy">True when <paramref name="ApprovalPolicy"/> is to be applied (null: as the parent's).</param>
/// <param name="ApprovalPolicy">Who approves the company's purchase orders.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.CompanyTerms")]
public sealed record CompanyTerms(
    [property: Id(0)] bool SetsCreditLimit,
    [property: Id(1)] decimal? CreditLimit,
    [property: Id(2)] int? PaymentTermsDays,
    [property: Id(3)] bool SetsApprovalPolicy = false,
    [property: Id(4)] ApprovalPolicy? ApprovalPolicy = null);
