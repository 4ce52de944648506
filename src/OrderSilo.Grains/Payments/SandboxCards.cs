using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Grains.Payments;

/// <summary>
/// The built-in sandbox gateway's test card tokens (API.md): <c>tok_visa</c> and <c>tok_mastercard</c> charge
/// successfully, <c>tok_chargeDeclined</c> is declined and <c>tok_timeout</c> does not answer in time. Any of them
/// can be saved; what happens at a charge is the gateway's business.
/// </summary>
public static class SandboxCards
{
    private static readonly Dictionary<string, SavedCard> Cards = new(StringComparer.Ordinal)
    {
        ["tok_visa"] = new("visa", "4242"),
        ["tok_mastercard"] = new("mastercard", "4444"),
        ["tok_chargeDeclined"] = new("visa", "0002"),
        ["tok_timeout"] = new("visa", "0119"),
    };

    /// <summary>What may be shown of the card behind a token, or null for a token the gateway does not know.</summary>
    public static SavedCard? Describe(string cardToken) => Cards.GetValueOrDefault(cardToken);
}
