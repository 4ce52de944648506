namespace OrderSilo.Contracts.Accounts;

/// <summary>A company of an account (API.md "Account and companies"; seed 000 "My Account").</summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.Company")]
public sealed record Company
{
    /// <summary>The id, <c>co_…</c>.</summary>
    [Id(0)] public required string Id { get; init; }
    /// <summary>The account the company belongs to.</summary>
    [Id(1)] public required string AccountId { get; init; }
    /// <summary>The name.</summary>
    [Id(2)] public required string Name { get; init; }
    /// <summary>The parent company; null for an account's home company.</summary>
    [Id(3)] public string? ParentCompanyId { get; init; }
    /// <summary>The name on invoices.</summary>
    [Id(4)] public string? BillingName { get; init; }
    /// <summary>Where invoices go.</summary>
    [Id(5)] public string? BillingEmail { get; init; }
    /// <summary>Address line 1.</summary>
    [Id(6)] public string? Address { get; init; }
    /// <summary>Address line 2.</summary>
    [Id(7)] public string? Address2 { get; init; }
    /// <summary>City.</summary>
    [Id(8)] public string? City { get; init; }
    /// <summary>County or state.</summary>
    [Id(9)] public string? County { get; init; }
    /// <summary>Postal code.</summary>
    [Id(10)] public string? PostCode { get; init; }
    /// <summary>ISO 3166 alpha-2 country code; selects the VAT rates.</summary>
    [Id(11)] public required string Country { get; init; }
    /// <summary>VAT number.</summary>
    [Id(12)] public string? VatNumber { get; init; }
    /// <summary>ISO 4217 currency of the company's orders by default.</summary>
    [Id(13)] public required string Currency { get; init; }
    /// <summary>Days to pay an invoice.</summary>
    [Id(14)] public int PaymentTermsDays { get; init; } = 30;
    /// <summary>
    /// The most the company may owe on account; <c>0.00</c> for a new company until the operator sets one, null = not
    /// capped (only the operator says so).
    /// </summary>
    [Id(15)] public decimal? CreditLimit { get; init; }
    /// <summary>
    /// What the company can still order on account: the tightest of what is left of its own limit and of every
    /// ancestor's that has one; null when none of them is capped.
    /// </summary>
    [Id(16)] public decimal? AvailableCredit { get; init; }
    /// <summary>When the company was created.</summary>
    [Id(17)] public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The saved card orders may be charged to; null when there is none.</summary>
    [Id(18)] public SavedCard? SavedCard { get; init; }
    /// <summary>Who approves the company's purchase orders; null on a child company: its parent's policy applies.</summary>
    [Id(19)] public ApprovalPolicy? ApprovalPolicy { get; init; }
    /// <summary>
    /// The prepaid balance orders with <c>payment.type: "balance"</c> draw from, in the company's currency: what the
    /// operator's top-ups added less what orders used (the last of its balance transactions).
    /// </summary>
    [Id(20)] public decimal Balance { get; init; }
}
