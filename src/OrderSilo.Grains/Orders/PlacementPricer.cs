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
    /// <param name="checksCredit">False when the order may hold a reservation already (a placement rolled forward).</param>
    public static async Task<Outcome<PricedOrder>> PriceAsync(IGrainFactory grains, string accountId, PlaceOrder command,
        ImmutableArray<string> excluded = default, bool checksCredit = true)
    {
        var company = Ids.IsValid(command.CompanyId, "co_")
            ? await grains.GetGrain<ICompanyGrain>(command.CompanyId).GetFor(accountId)
            : null;
        if (company is null)
            return Outcome<PricedOrder>.Fail(ErrorCodes.NotFound, $"There is no company '{command.CompanyId}'.", "companyId");
        var request = RequestFor(company, command) with { ExcludedPromotions = excluded.IsDefault ? [] : excluded };
        var priced = await grains.GetGrain<IPricingGrain>(0).Price(request);
        // A coupon that cannot be used refuses the order (a preview shows the price without it instead).
        if (!priced.Failed && priced.Value!.Errors is [var coupon, ..])
            return Outcome<PricedOrder>.Fail(coupon);
        if (priced.Failed || command.Quote)
            return priced;
        return PaymentRefusal(company, command, priced.Value!, checksCredit) is { } refusal ? Outcome<PricedOrder>.Fail(refusal) : priced;
    }

    /// <summary>
    /// Why the company cannot pay for the priced cart the way the command asks, or null. Refused before anything
    /// is claimed; the credit reservation applies the credit rule again to the company's state at that moment, and
    /// that is the check that counts.
    /// </summary>
    private static DomainError? PaymentRefusal(Company company, PlaceOrder command, PricedOrder priced, bool checksCredit)
    {
        var type = command.Payment.Type;
        if (type == PaymentTypes.Free && priced.Totals.AmountTotal != 0)
            return new(ErrorCodes.NotFree, $"The order comes to {priced.Totals.AmountTotal} {priced.Currency}: only an order whose total is zero is free.", "payment.type");
        if (type == PaymentTypes.Balance && priced.Currency != company.Currency)
            return new(ErrorCodes.CurrencyMismatch, $"Company '{company.Id}' keeps its balance in {company.Currency}, not {priced.Currency}.", "currency");
        if (type == PaymentTypes.Balance && checksCredit && priced.Totals.AmountTotal > company.Balance)
            return new(ErrorCodes.InsufficientBalance,
                $"The order comes to {priced.Totals.AmountTotal} {priced.Currency}; company '{company.Id}' has {company.Balance} of prepaid balance.", "payment.type");
        if (type == PaymentTypes.Card && company.SavedCard is null)
            return new(ErrorCodes.SavedCardRequired, $"Company '{company.Id}' has no saved card to charge.", "payment.type");
        if (type is PaymentTypes.Invoice or PaymentTypes.PurchaseOrder && SavedCardOnly(priced) is { } line)
            return new(ErrorCodes.SavedCardRequired, $"Product '{priced.LineItems[line].ProductId}' is sold against a saved card only, not on invoice.", $"lineItems[{line}].productId");
        if (type == PaymentTypes.PurchaseOrder && string.IsNullOrWhiteSpace(company.BillingName))
            return new(ErrorCodes.BillingNameRequired, $"A purchase order needs the billing name of company '{company.Id}': set it with PATCH /api/v1/companies/{company.Id}.", "billingName");
        return OrderLifecycle.UsesCredit(type) && checksCredit ? CreditRules.Refusal(company, priced.Totals.AmountTotal, priced.Currency) : null;
    }

    /// <summary>The first line whose product requires a saved card, or null.</summary>
    public static int? SavedCardOnly(PricedOrder priced)
    {
        for (var i = 0; i < priced.Products.Length; i++)
        {
            if (priced.Products[i].RequiresSavedCard)
                return i;
        }
        return null;
    }

    /// <summary>The pricing request of an order (or a quote) for <paramref name="company"/>.</summary>
    public static PricingRequest RequestFor(Company company, PlaceOrder command) =>
        new(company.Country, command.Currency, command.LineItems, !string.IsNullOrEmpty(command.Recipient?.Phone))
        {
            CompanyId = company.Id,
            CouponCodes = command.CouponCodes.IsDefault ? [] : command.CouponCodes,
        };
}
