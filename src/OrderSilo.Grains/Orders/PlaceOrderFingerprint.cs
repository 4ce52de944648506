using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// What makes two place-order requests "the same body": a hash of the normalised command, where amounts
/// compare by value (<c>25</c>, <c>25.0</c> and <c>"25.00"</c> are one denomination) and maps by sorted key.
/// </summary>
public static class PlaceOrderFingerprint
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.General)
    {
        Converters = { new ValueDecimalConverter() },
    };

    public static string Of(PlaceOrder command) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, Canonical)));

    private sealed class ValueDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.############################", CultureInfo.InvariantCulture));
    }
}
