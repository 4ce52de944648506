using System.Collections.Immutable;
using System.Text.Json;
using OrderSilo.Api.Common;

namespace OrderSilo.Api.Orders;

/// <summary>
/// <c>billingDetails</c> and a line's <c>productDetails</c>: free-form fields the seeds carry (2Checkout's billing
/// person and address, Xibo's licence e-mail and version). They are kept in the order's state, its read-model row and
/// every webhook payload, so they are bounded as <c>metadata</c> is: at most 50 keys of 1 to 40 characters, each
/// value at most 500 characters as stored (a string as it is, anything else as its JSON text), and nested at most
/// three levels deep counting the details object itself (an object of address fields inside it is fine).
/// </summary>
public static class OrderDetails
{
    public const int MaxDepth = 3;

    /// <summary>The details as text by key, sorted; null when absent. Faults are added under <paramref name="field"/>.</summary>
    public static ImmutableSortedDictionary<string, string>? Read(string field, IReadOnlyDictionary<string, JsonElement>? values, ValidationErrors errors)
    {
        if (values is null)
            return null;
        if (values.Count > PlaceOrderValidator.MaxMetadataKeys)
            errors.Add(field, $"At most {PlaceOrderValidator.MaxMetadataKeys} keys.");
        var result = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (key.Length is 0 or > PlaceOrderValidator.MaxKeyLength)
                errors.Add($"{field}.{key}", $"Keys have 1 to {PlaceOrderValidator.MaxKeyLength} characters.");
            if (text.Length > PlaceOrderValidator.MaxValueLength)
                errors.Add($"{field}.{key}", $"At most {PlaceOrderValidator.MaxValueLength} characters (a value that is not a string counts as its JSON text).");
            if (Depth(value) > MaxDepth - 1)
                errors.Add($"{field}.{key}", $"Nested at most {MaxDepth} levels deep, counting {field} itself.");
            result[key] = text;
        }
        return result.ToImmutable();
    }

    /// <summary>0 for a scalar, 1 for an object or array of scalars, and so on.</summary>
    private static int Depth(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => 1 + value.EnumerateObject().Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonValueKind.Array => 1 + value.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
