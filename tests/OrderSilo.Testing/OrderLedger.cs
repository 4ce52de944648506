using Npgsql;

namespace OrderSilo.Testing;

/// <summary>What the database itself holds: the ground truth the exactly-once tests compare replies against.</summary>
public static class OrderLedger
{
    /// <summary>Order ids per poNumber of one account, from the <c>orders</c> read model.</summary>
    public static async Task<Dictionary<string, List<string>>> OrdersByPoNumberAsync(string connectionString, string accountId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select po_number, order_id from orders where account_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        var orders = new Dictionary<string, List<string>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var po = reader.GetString(0);
            if (!orders.TryGetValue(po, out var ids))
                orders[po] = ids = [];
            ids.Add(reader.GetString(1));
        }
        return orders;
    }

    /// <summary>Order rows in grain storage whose order id belongs to one poNumber claim, counted per poNumber.</summary>
    public static async Task<long> StoredOrderCountAsync(string connectionString, string accountId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select count(*) from orleansstorage
            where graintypestring = 'order' and payloadbinary is not null
              and convert_from(payloadbinary, 'UTF8')::jsonb ->> 'accountId' = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>poNumbers of the account claimed but whose order is not written yet.</summary>
    public static async Task<List<string>> PendingClaimsAsync(string connectionString, string accountId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select po_number from order_claims where account_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        var claims = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            claims.Add(reader.GetString(0));
        return claims;
    }

    /// <summary>An order as the read model holds it (the JSON of <c>orders.doc</c>), or null.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject?> OrderAsync(string connectionString, string orderId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select doc::text from orders where order_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = orderId });
        return await command.ExecuteScalarAsync() is string doc ? System.Text.Json.Nodes.JsonNode.Parse(doc)!.AsObject() : null;
    }
}
