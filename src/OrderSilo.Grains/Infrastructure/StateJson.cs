using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderSilo.Grains.Infrastructure;

/// <summary>
/// The JSON form of grain state. The database projects read models from it (sql/10_ordersilo_read_model.sql),
/// so property names are part of the schema: camelCase, decimals as JSON numbers, no CLR type names.
/// </summary>
public static class StateJson
{
    /// <summary>The serializer options of every stored state.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
