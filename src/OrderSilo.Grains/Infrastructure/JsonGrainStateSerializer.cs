using System.Text.Json;
using Orleans.Storage;

namespace OrderSilo.Grains.Infrastructure;

/// <summary>Stores grain state as UTF-8 JSON in the ADO.NET storage (see <see cref="StateJson"/>).</summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, StateJson.Options));

    public T Deserialize<T>(BinaryData input) =>
        JsonSerializer.Deserialize<T>(input.ToMemory().Span, StateJson.Options)
        ?? throw new JsonException($"Stored state of {typeof(T).Name} is null.");
}
