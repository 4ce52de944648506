using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// A company's credit on account. A company with no limit is not capped and keeps no count. Available credit is
/// the limit less what is used, never shown below zero; a reservation that does not fit is refused whole.
/// </summary>
public static class CreditRules
{
    /// <summary>The outcome of a reservation: the new state, and whether this call made the reservation.</summary>
    public sealed record Reservation(CompanyState State, bool Created);

    public static Outcome<Reservation> Reserve(CompanyState state, string orderId, decimal amount, string currency)
    {
        var company = state.Company!;
        if (company.CreditLimit is null || state.Pending.ContainsKey(orderId))
            return Outcome<Reservation>.Ok(new Reservation(state, Created: false));
        if (Refusal(company, amount, currency) is { } refusal)
            return Outcome<Reservation>.Fail(refusal);
        return Outcome<Reservation>.Ok(new Reservation(WithUsed(state with { Pending = state.Pending.Add(orderId, amount) }, state.CreditUsed + amount), Created: true));
    }

    /// <summary>
    /// Why the company's credit cannot carry an order of <paramref name="amount"/>, or null. Uncapped companies
    /// carry anything; a capped one only orders in its own currency that fit its available credit.
    /// </summary>
    public static DomainError? Refusal(Company company, decimal amount, string currency)
    {
        if (company.CreditLimit is null)
            return null;
        if (currency != company.Currency)
            return new(ErrorCodes.CurrencyMismatch,
                $"Company '{company.Id}' has credit in {company.Currency}; an order on account must be in it too, not {currency}.", "currency");
        return amount > company.AvailableCredit
            ? new(ErrorCodes.CreditLimitExceeded,
                $"The order's {amount} {currency} is more than the {company.AvailableCredit} {currency} of credit company '{company.Id}' has left.", "companyId")
            : null;
    }

    /// <summary>
    /// What <paramref name="company"/> can still order on account below <paramref name="parent"/> (as the parent's
    /// view shows it, itself the tightest of its own ancestors): the smaller of the two; null when neither is capped.
    /// </summary>
    public static decimal? Tightest(Company company, Company parent)
    {
        if (parent.AvailableCredit is not { } above || parent.Currency != company.Currency)
            return company.AvailableCredit;
        return company.AvailableCredit is { } own ? Math.Min(own, above) : above;
    }

    /// <summary>The order was written: its reservation is final and leaves the pending map.</summary>
    public static CompanyState Confirm(CompanyState state, string orderId) =>
        state.Pending.ContainsKey(orderId) ? state with { Pending = state.Pending.Remove(orderId) } : state;

    /// <summary>The order will not be written: a pending reservation gives its credit back.</summary>
    public static CompanyState Release(CompanyState state, string orderId) =>
        state.Pending.TryGetValue(orderId, out var amount)
            ? WithUsed(state with { Pending = state.Pending.Remove(orderId) }, state.CreditUsed - amount)
            : state;

    /// <summary>
    /// Sets or removes the limit. Removing it forgets the count and the pending reservations (an uncapped company
    /// keeps none); a company that had no limit starts its count at zero: orders placed while it was not capped do
    /// not count against the new limit, and giving their credit back later finds nothing to give back.
    /// </summary>
    public static Outcome<CompanyState> SetLimit(CompanyState state, decimal? limit)
    {
        var company = state.Company!;
        if (limit is { } amount && (amount < 0 || !Currencies.IsExact(amount, company.Currency)))
            return Outcome<CompanyState>.Fail(ErrorCodes.ValidationFailed,
                $"A credit limit is an amount of at least 0 in whole minor units of {company.Currency}.", "creditLimit");
        var rounded = limit is { } value ? Currencies.Round(value, company.Currency) : (decimal?)null;
        var next = limit is null || company.CreditLimit is null
            ? state with { Company = company with { CreditLimit = rounded }, Pending = ImmutableSortedDictionary<string, decimal>.Empty }
            : state with { Company = company with { CreditLimit = rounded } };
        return Outcome<CompanyState>.Ok(WithUsed(next, limit is null || company.CreditLimit is null ? 0m : state.CreditUsed));
    }

    private static CompanyState WithUsed(CompanyState state, decimal used) => state with
    {
        CreditUsed = used,
        Company = state.Company! with
        {
            AvailableCredit = state.Company.CreditLimit is null ? null : Available(state.Company, used),
        },
    };

    private static decimal Available(Company company, decimal used) =>
        Currencies.Round(Math.Max(0m, company.CreditLimit!.Value - used), company.Currency);
}
