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

    /// <summary>
    /// Sets the credit limit, payment terms and approval policy: the operator only (else <c>forbidden</c>); each
    /// change lands in the company's change log with the actor.
    /// </summary>
    [Alias("SetTerms")]
    Task<Outcome<Company>> SetTerms(Actor actor, CompanyTerms terms);

    /// <summary>The company's change log, oldest first (the operator's view; null when there is no such company).</summary>
    [Alias("Changes")]
    Task<System.Collections.Immutable.ImmutableArray<CompanyChange>?> Changes();

    /// <summary>
    /// Reserves <paramref name="amount"/> of credit for an order against this company and every ancestor that has a
    /// limit, once per order id at each; refused with <c>credit_limit_exceeded</c> when it does not fit one of
    /// them (what this call reserved below that one stays until the order is released). True when this call made a
    /// reservation: the companies where it did (empty: none is capped, or the order already held them all).
    /// </summary>
    [Alias("ReserveCredit")]
    Task<Outcome<System.Collections.Immutable.ImmutableArray<string>>> ReserveCredit(string accountId, string orderId, decimal amount, string currency);

    /// <summary>The order holding a reservation is written: the reservation is final, here and at every ancestor.</summary>
    [Alias("ConfirmCredit")]
    Task ConfirmCredit(string orderId);

    /// <summary>The order holding a reservation will not be written, or gave its credit back: here and at every ancestor.</summary>
    [Alias("ReleaseCredit")]
    Task ReleaseCredit(string orderId);

    /// <summary>Gives back this company's own reservation for the order only (a second one a duplicate placement made).</summary>
    [Alias("ReleaseOwnCredit")]
    Task ReleaseOwnCredit(string orderId);

    /// <summary>
    /// The company whatever its account, or null (for the operator's paths only). As every view of a company, it
    /// shows the tightest available credit of it and its ancestors, and the approval policy that applies to it.
    /// </summary>
    [Alias("GetAny")]
    Task<Company?> GetAny();

    /// <summary>The company when it exists and belongs to <paramref name="accountId"/>; otherwise null.</summary>
    [Alias("GetFor")]
    Task<Company?> GetFor(string accountId);

    /// <summary>
    /// Charges a card through the payment gateway, once per <paramref name="idempotencyKey"/> (an order id): the
    /// company's saved card, or the card behind <paramref name="cardToken"/> (given on the pay page). The charge id,
    /// or <c>saved_card_required</c> / <c>card_declined</c>. Throws <see cref="TimeoutException"/> when the gateway
    /// does not answer in time (retry with the same key).
    /// </summary>
    [Alias("ChargeCard")]
    Task<Outcome<string>> ChargeCard(string accountId, string idempotencyKey, decimal amount, string currency, string? cardToken = null);

    /// <summary>
    /// Adds money the seller received to the prepaid balance, once per <paramref name="reference"/>: the operator
    /// only (else <c>forbidden</c>); the same reference again answers its top-up, with another amount <c>conflict</c>.
    /// </summary>
    [Alias("TopUp")]
    Task<Outcome<BalanceTransaction>> TopUp(Actor actor, string reference, decimal amount);

    /// <summary>
    /// Pays an order of <paramref name="accountId"/> from the prepaid balance, once per order id; refused with
    /// <c>insufficient_balance</c> when the balance is lower (nothing is drawn), <c>currency_mismatch</c> in another currency.
    /// </summary>
    [Alias("PayFromBalance")]
    Task<Outcome<BalanceTransaction>> PayFromBalance(string accountId, string orderId, decimal amount, string currency);

    /// <summary>
    /// Gives an order's balance money back under <paramref name="key"/> (once per key), at most what the order drew
    /// (all of it when <paramref name="amount"/> is null): the movement, or null when the order never drew from the balance.
    /// </summary>
    [Alias("ReturnToBalance")]
    Task<BalanceTransaction?> ReturnToBalance(string orderId, string key, string kind, decimal? amount, string? reference, string actor);

    /// <summary>
    /// Gives card money back through the payment gateway, once per <paramref name="refundKey"/>: what the charge made
    /// under <paramref name="chargeKey"/> (an order id) took, or <paramref name="amount"/> of it. The gateway's refund
    /// id, or <c>refund_failed</c>; throws <see cref="TimeoutException"/> when the gateway does not answer (retry).
    /// A null <paramref name="currency"/> is the company's.
    /// </summary>
    [Alias("RefundCard")]
    Task<Outcome<string>> RefundCard(string refundKey, string chargeKey, decimal? amount, string? currency);

    /// <summary>
    /// Up to <paramref name="limit"/> balance movements, newest first, before sequence <paramref name="before"/>
    /// when given; null when there is no such company in <paramref name="accountId"/> (any account when null).
    /// </summary>
    [Alias("BalanceTransactions")]
    Task<System.Collections.Immutable.ImmutableArray<BalanceTransaction>?> BalanceTransactions(string? accountId, long? before, int limit);
}
