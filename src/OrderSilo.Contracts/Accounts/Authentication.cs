namespace OrderSilo.Contracts.Accounts;

/// <summary>What an API client's grain answers to a secret.</summary>
/// <param name="Client">The client when the secret matches and it is not revoked; otherwise null.</param>
/// <param name="ClientExists">False when no client has this id, so that a caller may remember the id as unknown.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.Authentication")]
public sealed record Authentication(
    [property: Id(0)] ApiClient? Client,
    [property: Id(1)] bool ClientExists);
