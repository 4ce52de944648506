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
        var (sql, parameters) = OrderListSql.For(query);
        await using var command = database.CreateCommand(sql);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });

        var orders = ImmutableArray.CreateBuilder<Order>();
        OrderCursor? next = null;
        var lastCreatedAt = default(DateTimeOffset);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (orders.Count == query.Limit)
            {
                // The cursor is the last listed row's own column values: the column keeps microseconds, the
                // order's timestamp finer ones, and paging must compare like with like.
                next = new OrderCursor(lastCreatedAt, orders[^1].OrderId);
                break;
            }
            orders.Add(JsonSerializer.Deserialize<Order>(reader.GetString(0), StateJson.Options)!);
            lastCreatedAt = new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero);
        }
        return (orders.ToImmutable(), next);
    }
}
