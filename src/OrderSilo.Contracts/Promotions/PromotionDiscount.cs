using System.Collections.Immutable;

namespace OrderSilo.Contracts.Promotions;

/// <summary>
/// What a promotion takes off: <c>PERCENT</c> with <see cref="Value"/> (0–100) in any currency, or <c>FIXED</c> with
/// an amount per currency in <see cref="Values"/>, one of which is the <see cref="DefaultCurrency"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.PromotionDiscount")]
public sealed record PromotionDiscount
{
    /// <summary><c>PERCENT</c> or <c>FIXED</c>.</summary>
    [Id(0)] public required string Type { get; init; }
    /// <summary>The percentage, 0 to 100 (PERCENT).</summary>
    [Id(1)] public decimal? Value { get; init; }
    /// <summary>The amount in each currency the promotion is offered in (FIXED).</summary>
    [Id(2)] public ImmutableArray<CurrencyAmount> Values { get; init; } = [];
    /// <summary>The promotion's reference currency, one of <see cref="Values"/> (FIXED).</summary>
    [Id(3)] public string? DefaultCurrency { get; init; }

    /// <summary>The fixed amount in <paramref name="currency"/>, or null when the promotion names none in it.</summary>
    public decimal? AmountIn(string currency)
    {
        foreach (var value in Values)
        {
            if (value.Currency == currency)
                return value.Amount;
        }
        return null;
    }
}
