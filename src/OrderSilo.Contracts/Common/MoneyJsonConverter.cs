using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderSilo.Contracts.Common;

/// <summary>
/// Money crosses HTTP as a decimal string (<c>"75.00"</c>). Amounts leave the grains with exactly their
/// currency's minor digits, so writing a decimal with its own scale is writing the currency's format.
/// Requests may send a string or a JSON number; neither goes through binary floating point.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<decimal>
{
    /// <inheritdoc/>
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return reader.GetDecimal();
        if (reader.TokenType == JsonTokenType.String
            && decimal.TryParse(reader.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        throw new JsonException("Expected a decimal amount as a string such as \"10.00\" or a number.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
}
