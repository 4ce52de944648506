using System.Collections.Immutable;

namespace OrderSilo.Grains.Accounts;

/// <summary>Stored as <c>{"clientIds": […]}</c>: the ids of the operator's clients, in ordinal order.</summary>
public sealed record OperatorClientsState(ImmutableArray<string> ClientIds = default)
{
    public ImmutableArray<string> Ids => ClientIds.IsDefault ? [] : ClientIds;
}
