namespace OrderSilo.Contracts.Accounts;

/// <summary>The answer to one sign-in attempt.</summary>
/// <param name="Client">The client, when its secret was right, it is not revoked and no block stood in the way.</param>
/// <param name="BlockedUntil">
/// Set when the attempt was refused unheard, because this client from this address (or this address for every
/// client) failed too often: when that block ends.
/// </param>
[GenerateSerializer, Immutable, Alias("OrderSilo.SignInResult")]
public sealed record SignInResult(
    [property: Id(0)] ApiClient? Client,
    [property: Id(1)] DateTimeOffset? BlockedUntil);
