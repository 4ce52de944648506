using System.Text.Json;
using Npgsql;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Orders;
using OrderSilo.Grains.Tests.Cluster;

namespace OrderSilo.Grains.Tests.Schema;

/// <summary>
/// The order list's statements against the indexes of <c>sql/10_ordersilo_read_model.sql</c>. Each plan is made
/// in a transaction that drops every other index of <c>orders</c> (and is rolled back) and with full scans and
/// sorts switched off, so it shows whether that one index can serve the statement in page order, whatever the
/// planner would pick among several on a small table.
/// </summary>
public sealed class OrderListIndexTests(ReadModelDatabase database) : IClassFixture<ReadModelDatabase>
{
    private const string InPageOrder = "set local enable_seqscan = off; set local enable_bitmapscan = off; set local enable_sort = off";
    private static readonly OrderQuery Account = new() { AccountId = "acc_plans", Limit = 25 };
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Filters => new()
    {
        { "none", "ix_orders_account_archived_created" },
        { "archived", "ix_orders_account_archived_created" },
        { "dates", "ix_orders_account_archived_created" },
        { "cursor", "ix_orders_account_archived_created" },
        { "company", "ix_orders_account_company" },
        { "status", "ix_orders_account_status" },
        { "amount", "ix_orders_account_amount" },
        { "tag", "ix_orders_account_tag" },
        { "reference", "ix_orders_account_reference" },
        { "company and cursor", "ix_orders_account_company" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EachFilter_IsServedByItsIndexInPageOrder(string filter, string index)
    {
        var plan = await PlanAsync(Assert.Single(OrderListSql.For(Query(filter))), index, InPageOrder);

        Assert.Contains(plan, node => node.Index == index);
        Assert.DoesNotContain(plan, node => node.Type.EndsWith("Sort", StringComparison.Ordinal) || node.Type == "Seq Scan");
    }

    [Fact]
    public async Task PoNumber_IsServedByTheUniqueIndex()
    {
        var plan = await PlanAsync(Assert.Single(OrderListSql.For(Account with { PoNumber = "PO-9" })), "ux_orders_account_po", "set local enable_seqscan = off");

        Assert.Contains(plan, node => node.Index == "ux_orders_account_po");
    }

    [Fact]
    public async Task DescriptionWithATrigram_IsFirstLookedForAmongTheNewestOrdersInPageOrder()
    {
        var newest = OrderListSql.For(Account with { Description = "batch 4711" })[0];

        var plan = await PlanAsync(newest, "ix_orders_account_archived_created", InPageOrder);

        Assert.Contains(plan, node => node.Index == "ix_orders_account_archived_created");
        Assert.DoesNotContain(plan, node => node.Type.EndsWith("Sort", StringComparison.Ordinal) || node.Type == "Seq Scan");
    }

    [Fact]
    public async Task DescriptionWithATrigram_IsThenLookedUpInTheTrigramIndex()
    {
        var lookup = OrderListSql.For(Account with { Description = "batch 4711" })[^1];

        var plan = await PlanAsync(lookup, "ix_orders_description_trgm", "set local enable_seqscan = off");

        Assert.Contains(plan, node => node.Index == "ix_orders_description_trgm" && node.Condition.Contains("description", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DescriptionWithoutATrigram_IsNeverLookedUpInTheTrigramIndex()
    {
        var statement = Assert.Single(OrderListSql.For(Account with { Description = "a-b" }));

        var plan = await PlanAsync(statement, "ix_orders_description_trgm", "set local enable_seqscan = off");

        Assert.DoesNotContain(plan, node => node.Condition.Contains("description", StringComparison.Ordinal));
    }

    private static OrderQuery Query(string filter) => filter switch
    {
        "none" => Account,
        "archived" => Account with { Archived = true },
        "dates" => Account with { DateStart = Now.AddDays(-30), DateEnd = Now },
        "cursor" => Account with { After = new OrderCursor(Now, "ord_cursor") },
        "company" => Account with { CompanyId = "co_plans" },
        "status" => Account with { Status = "cancelled" },
        "amount" => Account with { AmountTotal = 75.00m },
        "tag" => Account with { Tag = "spring" },
        "reference" => Account with { Reference = "REF-9" },
        "company and cursor" => Account with { CompanyId = "co_plans", After = new OrderCursor(Now, "ord_cursor") },
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    private async Task<List<PlanNode>> PlanAsync(OrderListStatement statement, string keep, string settings)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var connection = await Sql.OpenAsync(database.ConnectionString);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await using (var drop = new NpgsqlCommand("select set_config('ordersilo.keep', $1, true)", connection, transaction))
        {
            drop.Parameters.Add(new NpgsqlParameter { Value = keep });
            await drop.ExecuteNonQueryAsync(cancel);
            drop.Parameters.Clear();
            drop.CommandText = $$"""
                do $$
                declare r record;
                begin
                    for r in select conname from pg_constraint
                             where conrelid = 'orders'::regclass and contype in ('p', 'u')
                               and conname <> current_setting('ordersilo.keep') loop
                        execute format('alter table orders drop constraint %I', r.conname);
                    end loop;
                    for r in select indexname from pg_indexes
                             where tablename = 'orders' and indexname <> current_setting('ordersilo.keep') loop
                        execute format('drop index %I', r.indexname);
                    end loop;
                end $$;
                {{settings}};
                """;
            await drop.ExecuteNonQueryAsync(cancel);
        }

        await using var explain = new NpgsqlCommand("explain (format json) " + statement.Sql, connection, transaction);
        foreach (var value in statement.Parameters)
            explain.Parameters.Add(new NpgsqlParameter { Value = value });
        using var json = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync(cancel))!);
        await transaction.RollbackAsync(cancel);

        var nodes = new List<PlanNode>();
        void Walk(JsonElement node)
        {
            string? Text(string name) => node.TryGetProperty(name, out var value) ? value.GetString() : null;
            nodes.Add(new PlanNode(Text("Node Type")!, Text("Index Name"), Text("Index Cond") ?? ""));
            if (node.TryGetProperty("Plans", out var children))
                foreach (var child in children.EnumerateArray())
                    Walk(child);
        }
        Walk(json.RootElement[0].GetProperty("Plan"));
        return nodes;
    }

    private sealed record PlanNode(string Type, string? Index, string Condition);
}
