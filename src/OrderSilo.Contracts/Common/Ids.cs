using System.Security.Cryptography;

namespace OrderSilo.Contracts.Common;

/// <summary>
/// Opaque identifiers with a type prefix. Every prefix ends in an underscore, so no identifier is made only of
/// hex digits (which Orleans would read as an integer grain key).
/// </summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>A new order id: 48 bits of milliseconds then 80 random bits, so ids sort by creation time.</summary>
    public static string NewOrderId(DateTimeOffset now) => "ord_" + TimeOrdered(now);

    /// <summary>A new account id.</summary>
    public static string NewAccountId() => "acc_" + Random(20);

    /// <summary>A new company id.</summary>
    public static string NewCompanyId() => "co_" + Random(20);

    /// <summary>A new webhook endpoint id.</summary>
    public static string NewWebhookId() => "whk_" + Random(20);

    /// <summary>A new refund id.</summary>
    public static string NewRefundId() => "re_" + Random(20);

    /// <summary>A new API client id.</summary>
    public static string NewClientId() => "cli_" + Random(20);

    /// <summary>A new API client secret: 256 random bits, URL-safe.</summary>
    public static string NewClientSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>True when <paramref name="id"/> has the prefix and a safe body (letters, digits, '_' and '-').</summary>
    public static bool IsValid(string? id, string prefix) =>
        id is not null && id.Length > prefix.Length && id.Length <= 64 && id.StartsWith(prefix, StringComparison.Ordinal)
        && id.AsSpan(prefix.Length).IndexOfAnyExcept(SafeChars) < 0;

    private static readonly System.Buffers.SearchValues<char> SafeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    private static string Random(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    private static string TimeOrdered(DateTimeOffset now)
    {
        Span<char> chars = stackalloc char[26];
        var millis = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(millis & 31)];
            millis >>= 5;
        }
        RandomNumberGenerator.GetItems(Alphabet, chars[10..]);
        return new string(chars);
    }
}
