using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderSilo.Api.Common;

/// <summary>Flags accept <c>true</c>/<c>false</c> and, as voucher APIs send them, <c>1</c>/<c>0</c>.</summary>
public sealed class FlagJsonConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number when reader.TryGetInt32(out var flag) && flag is 0 or 1 => flag == 1,
        _ => throw new JsonException("Expected true, false, 1 or 0."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
