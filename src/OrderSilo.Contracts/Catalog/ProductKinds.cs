namespace OrderSilo.Contracts.Catalog;

/// <summary>The closed vocabularies of <see cref="Product"/>.</summary>
public static class ProductKinds
{
    /// <summary>A gift card or voucher.</summary>
    public const string Voucher = "voucher";

    /// <summary>Every <see cref="Product.Kind"/>.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Voucher, "licence", "service"];

    /// <summary>A voucher sold at one of the listed denominations.</summary>
    public const string FixedDenomination = "fixed_denomination";

    /// <summary>A voucher whose value the buyer chooses between a minimum and a maximum.</summary>
    public const string OpenValue = "open_value";

    /// <summary>Sold at the unit cost.</summary>
    public const string FixedPrice = "fixed_price";

    /// <summary>Every <see cref="Product.ValueType"/>.</summary>
    public static readonly IReadOnlyList<string> ValueTypes = [FixedDenomination, OpenValue, FixedPrice];

    /// <summary>Delivered in the response to the order.</summary>
    public const string Realtime = "realtime";

    /// <summary>Every <see cref="Product.Delivery"/>.</summary>
    public static readonly IReadOnlyList<string> Deliveries = [Realtime, "delayed"];

    /// <summary>Every <see cref="Product.VoucherType"/>.</summary>
    public static readonly IReadOnlyList<string> VoucherTypes = ["code", "codePin", "url", "urlPin"];
}
