using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>
/// Leaves a poNumber claimed with no order, the state a crash between the two writes leaves, without a crash:
/// an <c>orders</c> row of another order id holding the same account and poNumber makes the order grain's
/// storage write hit <c>ux_orders_account_po</c> after the poNumber grain has durably claimed its own order id.
/// </summary>
internal static class BlockedOrderWrite
{
    /// <summary>Places <paramref name="command"/> while blocked, then lifts the block; answers the claimed order id.</summary>
    public static async Task<string> PlaceAsync(string connectionString, IGrainFactory grains, TestTenant tenant, PlaceOrder command)
    {
        var blocker = "ord_blocker_" + tenant.AccountId;
        await Sql.ExecuteAsync(connectionString,
            """
            insert into orders (order_id, account_id, po_number, created_at, updated_at, version, doc)
            values ($1, $2, $3, now(), now(), 1, '{}')
            """, blocker, tenant.AccountId, command.PoNumber);

        var failure = await Assert.ThrowsAsync<OrleansException>(() => tenant.PoNumber(grains, command.PoNumber).Place(command));

        Assert.Contains("ux_orders_account_po", failure.Message, StringComparison.Ordinal);
        var claims = await Sql.RowsAsync(connectionString,
            "select order_id from order_claims where account_id = $1 and po_number = $2", tenant.AccountId, command.PoNumber);
        Assert.Equal(1, await Sql.ExecuteAsync(connectionString, "delete from orders where order_id = $1", blocker));
        return (string)Assert.Single(claims)[0]!;
    }

    /// <summary>
    /// Makes the next write of <paramref name="order"/> fail without landing: its row's poNumber moves aside and a
    /// row of another order takes it. <see cref="UnblockAsync"/> lifts that.
    /// </summary>
    public static async Task BlockAsync(string connectionString, string accountId, Order order)
    {
        await Sql.ExecuteAsync(connectionString, "update orders set po_number = po_number || '-moved' where order_id = $1", order.OrderId);
        await Sql.ExecuteAsync(connectionString,
            "insert into orders (order_id, account_id, po_number, created_at, updated_at, version, doc) values ($1, $2, $3, now(), now(), 1, '{}')",
            "ord_blocker_" + accountId, accountId, order.PoNumber);
    }

    public static Task UnblockAsync(string connectionString, string accountId) =>
        Sql.ExecuteAsync(connectionString, "delete from orders where order_id = $1", "ord_blocker_" + accountId);
}
