namespace OrderSilo.Contracts.Accounts;

/// <summary>
/// The sign-ins from one source address (an IPv4 address, or an IPv6 /64 network), keyed by it: counts the failed
/// attempts per client id and in all, and refuses attempts while a block stands. The counts live in memory only.
/// </summary>
[Alias("OrderSilo.ISignInGrain")]
public interface ISignInGrain : IGrainWithStringKey
{
    /// <summary>Checks the secret of <paramref name="clientId"/> unless a block stands; a wrong one counts as a failure.</summary>
    [Alias("SignIn")]
    Task<SignInResult> SignIn(string clientId, string secret);

    /// <summary>When the block on sign-ins of <paramref name="clientId"/> from this address ends; null when there is none.</summary>
    [Alias("BlockExpires")]
    Task<DateTimeOffset?> BlockExpires(string clientId);
}
