using System.Collections.Immutable;
using System.Text;
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
        await using var command = database.CreateCommand();
        var sql = new StringBuilder("select doc, created_at, order_id from orders where account_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = query.AccountId });
        void Filter(string condition, object? value)
        {
            if (value is null)
                return;
            command.Parameters.Add(new NpgsqlParameter { Value = value });
            sql.Append(" and ").Append(condition.Replace("@", "$" + command.Parameters.Count, StringComparison.Ordinal));
        }
        Filter("created_at >= @", query.DateStart);
        Filter("created_at < @", query.DateEnd);
        Filter("company_id = @", query.CompanyId);
        Filter("status = @", query.Status);
        Filter("reference = @", query.Reference);
        Filter("po_number = @", query.PoNumber);
        Filter(@"description ilike '%' || @ || '%' escape '\'", query.Description is { } text ? EscapeLike(text) : null);
        Filter("amount_total = @", query.AmountTotal);
        Filter("tag = @", query.Tag);
        Filter("archived = @", query.Archived ?? false);
        if (query.After is { } after)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = after.CreatedAt });
            command.Parameters.Add(new NpgsqlParameter { Value = after.OrderId });
            sql.Append($" and (created_at, order_id) < (${command.Parameters.Count - 1}, ${command.Parameters.Count})");
        }
        command.Parameters.Add(new NpgsqlParameter { Value = query.Limit + 1 });
        sql.Append(" order by created_at desc, order_id desc limit $").Append(command.Parameters.Count);
        command.CommandText = sql.ToString();

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

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
