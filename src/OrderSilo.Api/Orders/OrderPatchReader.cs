using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Orders;

/// <summary>
/// Reads a merge patch of an order's notes: <c>description</c> and <c>tag</c> (null clears), <c>metadata</c> (keys
/// merge, a null value removes the key, <c>metadata: null</c> removes them all) and optional <c>version</c>.
/// </summary>
public static class OrderPatchReader
{
    public static OrderPatch? Read(JsonObject body, ValidationErrors errors, string prefix = "", params string[] alsoAllowed)
    {
        var patch = new OrderPatch();
        foreach (var (field, value) in body)
        {
            var path = prefix + field;
            switch (field)
            {
                case "version":
                    if (value?.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<int>(out var version) && version >= 1)
                        patch = patch with { ExpectedVersion = version };
                    else
                        errors.Add(path, "The order's version: a whole number of at least 1.");
                    break;
                case "description":
                    patch = patch with { SetsDescription = true, Description = Text(value, path, 1000, errors) };
                    break;
                case "tag":
                    patch = patch with { SetsTag = true, Tag = Text(value, path, 100, errors) };
                    break;
                case "metadata":
                    patch = value is null ? patch with { ClearsMetadata = true } : patch with { Metadata = Metadata(value, path, errors) };
                    break;
                default:
                    if (!alsoAllowed.Contains(field))
                        errors.Add(path, "Only description, tag, metadata and version can be changed.");
                    break;
            }
        }
        return errors.Any ? null : patch;
    }

    private static string? Text(JsonNode? value, string path, int max, ValidationErrors errors)
    {
        if (value is null)
            return null;
        if (value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Length > max)
            errors.Add(path, $"A string of at most {max} characters, or null to clear it.");
        return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }

    private static ImmutableSortedDictionary<string, string?> Metadata(JsonNode value, string path, ValidationErrors errors)
    {
        if (value is not JsonObject entries || entries.Count > PlaceOrderValidator.MaxMetadataKeys)
        {
            errors.Add(path, $"An object of at most {PlaceOrderValidator.MaxMetadataKeys} string values (null removes a key), or null to remove all.");
            return ImmutableSortedDictionary<string, string?>.Empty;
        }
        var metadata = ImmutableSortedDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            if (key.Length is 0 or > PlaceOrderValidator.MaxKeyLength)
                errors.Add($"{path}.{key}", $"Keys have 1 to {PlaceOrderValidator.MaxKeyLength} characters.");
            if (entry is not null && (entry.GetValueKind() != JsonValueKind.String || entry.GetValue<string>().Length > PlaceOrderValidator.MaxValueLength))
                errors.Add($"{path}.{key}", $"A string of at most {PlaceOrderValidator.MaxValueLength} characters, or null to remove the key.");
            metadata[key] = entry?.GetValueKind() == JsonValueKind.String ? entry.GetValue<string>() : null;
        }
        return metadata.ToImmutable();
    }
}
