using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Infrastructure;
using Orleans.Concurrency;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// Order history from the <c>orders</c> read model, which every order's storage write updates in the same commit:
/// an acknowledged order is always listed. Pages are keyset-paginated on (created_at, order_id), newest first.
/// </summary>
[StatelessWorker]
internal sealed class OrderQueryGrain(NpgsqlDataSource database) : Grain, IOrderQueryGrain
{
    public async Task<(ImmutableArray<Order> Orders, OrderCursor? Next)> List(OrderQuery query)
    {
        var statements = OrderListSql.For(query);
        var rows = new List<(string Doc, DateTime CreatedAt, string OrderId)>();
        foreach (var statement in statements)
        {
            rows.Clear();
            await using var command = database.CreateCommand(statement.Sql);
            foreach (var value in statement.Parameters)
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), reader.GetDateTime(1), reader.GetString(2)));
            if (rows.Count > query.Limit)
                break;
        }

        var orders = rows.Take(query.Limit)
            .Select(row => JsonSerializer.Deserialize<Order>(row.Doc, StateJson.Options)!)
            .ToImmutableArray();
        // The cursor is the last listed row's own column values: the column keeps microseconds, the order's
        // timestamp finer ones, and paging must compare like with like.
        var next = rows.Count > query.Limit
            ? new OrderCursor(new DateTimeOffset(rows[query.Limit - 1].CreatedAt, TimeSpan.Zero), rows[query.Limit - 1].OrderId)
            : null;
        return (orders, next);
    }
}
