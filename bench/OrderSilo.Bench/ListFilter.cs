namespace OrderSilo.Bench;

/// <summary>
/// One filter of <c>GET /api/v1/orders</c> as the history step asks for it: a name, what its values select in the
/// seeded history, and a source of query strings that draws a fresh value for every request.
/// </summary>
internal sealed record ListFilter(string Name, string Selects, Func<string> NextQuery);
