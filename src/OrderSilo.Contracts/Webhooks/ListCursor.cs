namespace OrderSilo.Contracts.Webhooks;

/// <summary>A position in a list ordered by creation time, then id, both descending.</summary>
/// <param name="CreatedAt">The creation time of the last item seen (as the database keeps it).</param>
/// <param name="Id">Its id.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.ListCursor")]
public sealed record ListCursor([property: Id(0)] DateTimeOffset CreatedAt, [property: Id(1)] string Id);
