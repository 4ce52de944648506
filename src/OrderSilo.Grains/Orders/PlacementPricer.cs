using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;
using OrderSilo.Grains.Accounts;

namespace OrderSilo.Grains.Orders;

/// <summary>Checks a placement against the buyer's account and prices it: in memory, no database work.</summary>
internal static class PlacementPricer
{
    public static async Task<Outcome<PricedOrder>> PriceAsync(IGrainFactory grains, string accountId, PlaceOrder command)
    {
        var company = Ids.IsValid(command.CompanyId, "co_")
            ? await grains.GetGrain<ICompanyGrain>(command.CompanyId).GetFor(accountId)
            : null;
        if (company is null)
            return Outcome<PricedOrder>.Fail(ErrorCodes.NotFound, $"There is no company '{command.CompanyId}'.", "companyId");
        if (command.Payment.Type != PaymentTypes.Account)
            return Outcome<PricedOrder>.Fail(ErrorCodes.Unsupported, $"Payment type '{command.Payment.Type}' is not offered yet.", "payment.type");
        var pricing = grains.GetGrain<IPricingGrain>(0);
        var priceList = await pricing.EffectivePriceList(company);
        var request = new PricingRequest(company.Country, command.Currency, command.LineItems, !string.IsNullOrEmpty(command.Recipient?.Phone), priceList);
        var priced = await pricing.Price(request);
        // Refuse what does not fit before anything is claimed; the reservation applies the same rule to the
        // company's state at that moment, and that is the check that counts.
        if (!priced.Failed && CreditRules.Refusal(company, priced.Value!.Totals.AmountTotal, priced.Value.Currency) is { } refusal)
            return Outcome<PricedOrder>.Fail(refusal);
        return priced;
    }
}
