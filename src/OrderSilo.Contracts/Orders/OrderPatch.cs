using System.Collections.Immutable;

namespace OrderSilo.Contracts.Orders;

/// <summary>
/// A change of an order's own notes (API.md <c>PATCH /api/v1/orders/{id}</c>, seed 003 records): each part applies
/// only when its <c>Sets…</c> flag is true, so "clear" (null) and "leave as is" differ.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrderSilo.OrderPatch")]
public sealed record OrderPatch
{
    /// <summary>The version the client last saw; a different current version answers <c>version_conflict</c>.</summary>
    [Id(0)] public int? ExpectedVersion { get; init; }
    /// <summary>True to set <see cref="Description"/> (null clears it).</summary>
    [Id(1)] public bool SetsDescription { get; init; }
    /// <summary>The new description.</summary>
    [Id(2)] public string? Description { get; init; }
    /// <summary>True to set <see cref="Tag"/> (null clears it).</summary>
    [Id(3)] public bool SetsTag { get; init; }
    /// <summary>The new tag.</summary>
    [Id(4)] public string? Tag { get; init; }
    /// <summary>True to remove every metadata key before applying <see cref="Metadata"/>.</summary>
    [Id(5)] public bool ClearsMetadata { get; init; }
    /// <summary>Metadata keys to set; a null value removes the key.</summary>
    [Id(6)] public ImmutableSortedDictionary<string, string?>? Metadata { get; init; }
    /// <summary>True to archive the order (orders are never deleted).</summary>
    [Id(7)] public bool Archive { get; init; }
}
