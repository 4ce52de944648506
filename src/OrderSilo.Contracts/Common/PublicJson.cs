using System.Text.Json;

namespace OrderSilo.Contracts.Common;

/// <summary>
/// The JSON of the HTTP contract: camelCase, money as decimal strings, UTC timestamps. The API host answers with
/// it and webhook payloads are written with it, so an order reads the same in both.
/// </summary>
public static class PublicJson
{
    /// <summary>Adds the contract's converters to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions AddConverters(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new MoneyJsonConverter());
        options.Converters.Add(new UtcTimestampJsonConverter());
        return options;
    }

    /// <summary>Options that write what the API host writes.</summary>
    public static JsonSerializerOptions Options { get; } = AddConverters(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
