using System.Collections.Immutable;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Accounts;

namespace OrderSilo.Grains.Orders;

/// <summary>Checks a placement against the buyer's account and prices it: in memory, no database work.</summary>
internal static class PlacementPricer
{
    /// <param name="excluded">Instant promotions to leave out (found used up when their use was reserved).</param>
    public static async Task<Outcome<PricedOrder>> PriceAsync(IGrainFactory grains, string accountId, PlaceOrder command, ImmutableArray<string> excluded = default)
    {
        var company = Ids.IsValid(command.CompanyId, "co_")
            ? await grains.GetGrain<ICompanyGrain>(command.CompanyId).GetFor(accountId)
            : null;
        if (company is null)
            return Outcome<PricedOrder>.Fail(ErrorCodes.NotFound, $"There is no company '{command.CompanyId}'.", "companyId");
        if (command.Payment.Type != PaymentTypes.Account)
            return Outcome<PricedOrder>.Fail(ErrorCodes.Unsupported, $"Payment type '{command.Payment.Type}' is not offered yet.", "payment.type");
        var request = RequestFor(company, command) with { ExcludedPromotions = excluded.IsDefault ? [] : excluded };
        var priced = await grains.GetGrain<IPricingGrain>(0).Price(request);
        // A coupon that cannot be used refuses the order (a preview shows the price without it instead).
        if (!priced.Failed && priced.Value!.Errors is [var coupon, ..])
            return Outcome<PricedOrder>.Fail(coupon);
        // Refuse what does not fit before anything is claimed; the reservation applies the same rule to the
        // company's state at that moment, and that is the check that counts.
        if (!priced.Failed && CreditRules.Refusal(company, priced.Value!.Totals.AmountTotal, priced.Value.Currency) is { } refusal)
            return Outcome<PricedOrder>.Fail(refusal);
        return priced;
    }

    /// <summary>The pricing request of an order (or a quote) for <paramref name="company"/>.</summary>
    public static PricingRequest RequestFor(Company company, PlaceOrder command) =>
        new(company.Country, command.Currency, command.LineItems, !string.IsNullOrEmpty(command.Recipient?.Phone))
        {
            CompanyId = company.Id,
            CouponCodes = command.CouponCodes.IsDefault ? [] : command.CouponCodes,
        };
}
