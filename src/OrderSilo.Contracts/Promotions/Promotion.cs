using System.Collections.Immutable;

namespace OrderSilo.Contracts.Promotions;

/// <summary>A promotion (API.md "Promotions", seed 004), without its coupon codes.</summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.Promotion")]
public sealed record Promotion
{
    /// <summary>The promotion's code, its key.</summary>
    [Id(0)] public required string Code { get; init; }
    /// <summary>The name shown on orders.</summary>
    [Id(1)] public required string Name { get; init; }
    /// <summary>A longer description.</summary>
    [Id(2)] public string? Description { get; init; }
    /// <summary><c>REGULAR</c>, <c>ORDER</c> or <c>GLOBAL</c>.</summary>
    [Id(3)] public required string Type { get; init; }
    /// <summary>When it starts; null: at once.</summary>
    [Id(4)] public DateTimeOffset? StartDate { get; init; }
    /// <summary>When it ends (exclusive); null: never.</summary>
    [Id(5)] public DateTimeOffset? EndDate { get; init; }
    /// <summary>How many orders may use it; null: any number.</summary>
    [Id(6)] public int? MaximumOrdersNumber { get; init; }
    /// <summary>How many units of one order it discounts (REGULAR, ORDER); null: all of them.</summary>
    [Id(7)] public int? MaximumQuantity { get; init; }
    /// <summary>ORDER: the units of its products an order must hold for it to apply (default 1).</summary>
    [Id(8)] public int? MinimumQuantity { get; init; }
    /// <summary>True: applies without a coupon.</summary>
    [Id(9)] public bool InstantDiscount { get; init; }
    /// <summary>False: applies to nothing.</summary>
    [Id(10)] public bool Enabled { get; init; } = true;
    /// <summary>The products it applies to; empty: every product.</summary>
    [Id(11)] public ImmutableArray<string> ProductIds { get; init; } = [];
    /// <summary>What it takes off; null until set (a promotion without a discount applies to nothing).</summary>
    [Id(12)] public PromotionDiscount? Discount { get; init; }
    /// <summary>Orders holding a use of a capped promotion; null when <see cref="MaximumOrdersNumber"/> is null.</summary>
    [Id(13)] public int? OrdersUsed { get; init; }
    /// <summary>When it was created.</summary>
    [Id(14)] public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When its definition last changed.</summary>
    [Id(15)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>True when every use of a capped promotion is taken.</summary>
    public bool UsedUp => MaximumOrdersNumber is { } cap && (OrdersUsed ?? 0) >= cap;
}
