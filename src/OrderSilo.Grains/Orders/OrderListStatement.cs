namespace OrderSilo.Grains.Orders;

/// <summary>One SQL statement of the order list (positional parameters <c>$1…</c>) and its parameter values, in order.</summary>
internal sealed record OrderListStatement(string Sql, IReadOnlyList<object> Parameters);
