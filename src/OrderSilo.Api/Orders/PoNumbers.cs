using System.Globalization;
using System.Text;
using OrderSilo.Api.Common;

namespace OrderSilo.Api.Orders;

/// <summary>
/// The one reading of a poNumber, wherever one comes in (a body, a path, a query): the idempotency key, so two
/// poNumbers that look the same must be the same key. It is refused when it holds a character that shows nothing or
/// moves text: control characters (Cc), format characters such as U+202E RIGHT-TO-LEFT OVERRIDE or U+200B ZERO WIDTH
/// SPACE (Cf), the line and paragraph separators (Zl, Zp), or half of a surrogate pair. At most 100 characters.
/// (NFC normalization is not done yet: the hosts run with InvariantGlobalization, under which .NET cannot normalize.)
/// </summary>
public static class PoNumbers
{
    public const int MaxLength = 100;

    /// <summary>The poNumber, or null after adding the reason to <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public static string? Read(string field, string? value, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Required(field, value);
            return null;
        }
        if (Refusal(value) is { } reason)
        {
            errors.Add(field, reason);
            return null;
        }
        if (value.Length > MaxLength)
        {
            errors.Add(field, $"At most {MaxLength} characters.");
            return null;
        }
        return value;
    }

    private static string? Refusal(string value)
    {
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
                return $"Holds half of a UTF-16 surrogate pair at character {i}.";
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                return $"Holds U+{rune.Value:X4}, a control or format character, at character {i}: such characters show nothing, so two poNumbers that look the same would differ.";
            i += used;
        }
        return null;
    }
}
