namespace OrderSilo.Contracts.Promotions;

/// <summary>How coupon and promotion codes are written and compared.</summary>
public static class CouponCodes
{
    /// <summary>The longest code.</summary>
    public const int MaxLength = 64;

    /// <summary>Coupon codes compare without regard to case: the canonical form is upper case, without surrounding spaces.</summary>
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    /// <summary>True for 1 to 64 letters, digits, '-' and '_' (a promotion's code, or a coupon's before normalising).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: > 0 and <= MaxLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
