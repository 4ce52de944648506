using OrderSilo.Contracts.Common;

namespace OrderSilo.Contracts.Accounts;

/// <summary>One company, keyed by its id (<c>co_…</c>).</summary>
[Alias("OrderSilo.ICompanyGrain")]
public interface ICompanyGrain : IGrainWithStringKey
{
    /// <summary>Creates the company; a repeated identical call is harmless.</summary>
    [Alias("Create")]
    Task<Outcome<Company>> Create(Company company);

    /// <summary>
    /// Changes profile fields of a company of <paramref name="accountId"/>: each entry sets a field named in
    /// <see cref="CompanyProfileFields"/>, a null value clears it. Not found for another account's company.
    /// </summary>
    [Alias("UpdateProfile")]
    Task<Outcome<Company>> UpdateProfile(string accountId, System.Collections.Immutable.ImmutableSortedDictionary<string, string?> changes);

    /// <summary>
    /// Saves the card behind a payment-gateway token for a company of <paramref name="accountId"/>, replacing any
    /// saved before; refused when the gateway does not know the token.
    /// </summary>
    [Alias("SaveCard")]
    Task<Outcome<Company>> SaveCard(string accountId, string cardToken);

    /// <summary>The operator sets the credit limit and payment terms (no account check: an admin call).</summary>
    [Alias("SetCreditTerms")]
    Task<Outcome<Company>> SetCreditTerms(CreditTerms terms);

    /// <summary>
    /// Reserves <paramref name="amount"/> of credit for an order, once per order id; refused with
    /// <c>credit_limit_exceeded</c> when it does not fit. True when this call made the reservation (false: the
    /// company is not capped, or the order already held one).
    /// </summary>
    [Alias("ReserveCredit")]
    Task<Outcome<bool>> ReserveCredit(string accountId, string orderId, decimal amount, string currency);

    /// <summary>The order holding a reservation is written: the reservation is final.</summary>
    [Alias("ConfirmCredit")]
    Task ConfirmCredit(string orderId);

    /// <summary>The order holding a reservation will not be written: its credit is given back.</summary>
    [Alias("ReleaseCredit")]
    Task ReleaseCredit(string orderId);

    /// <summary>The company whatever its account, or null (for the operator's paths only).</summary>
    [Alias("GetAny")]
    Task<Company?> GetAny();

    /// <summary>The company when it exists and belongs to <paramref name="accountId"/>; otherwise null.</summary>
    [Alias("GetFor")]
    Task<Company?> GetFor(string accountId);

    /// <summary>
    /// Charges the company's saved card through the payment gateway, once per <paramref name="idempotencyKey"/>
    /// (an order id): the charge id, or <c>saved_card_required</c> / <c>card_declined</c>. Throws
    /// <see cref="TimeoutException"/> when the gateway does not answer in time (retry with the same key).
    /// </summary>
    [Alias("ChargeCard")]
    Task<Outcome<string>> ChargeCard(string accountId, string idempotencyKey, decimal amount, string currency);
}
