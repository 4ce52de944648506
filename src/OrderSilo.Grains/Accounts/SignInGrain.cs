using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// Every sign-in from one address passes here, one at a time (not reentrant), so that concurrent guesses cannot
/// slip past a limit between check and count. The counts are memory only: a failure costs no database write, and a
/// silo that stops forgets them, which gives a guesser at most one more round of attempts.
/// </summary>
[GrainType("signin")]
internal sealed class SignInGrain(
    IGrainFactory grains,
    UnknownClientCache unknownClients,
    IOptions<SignInOptions> options,
    [FromKeyedServices(SignInOptions.ClockKey)] TimeProvider clock) : Grain, ISignInGrain
{
    private static readonly Authentication Unknown = new(null, ClientExists: false);

    /// <summary>Malformed ids are counted under one name: they are guesses too, but never grain keys or ledger keys.</summary>
    private const string MalformedId = "(malformed)";

    private readonly SignInLedger _ledger = new(options.Value);

    public async Task<SignInResult> SignIn(string clientId, string secret)
    {
        var now = clock.GetUtcNow();
        var wellFormed = Ids.IsValid(clientId, "cli_");
        clientId = wellFormed ? clientId : MalformedId;
        if (_ledger.BlockedUntil(clientId, now) is { } until)
            return new SignInResult(null, until);
        var authentication = !wellFormed || unknownClients.IsUnknown(clientId, now)
            ? Unknown
            : await grains.GetGrain<IApiClientGrain>(clientId).Authenticate(secret);
        now = clock.GetUtcNow();
        if (wellFormed && !authentication.ClientExists)
            unknownClients.Remember(clientId, now);
        if (authentication.Client is { } client)
        {
            _ledger.Succeed(clientId);
            return new SignInResult(client, null);
        }
        _ledger.Fail(clientId, now);
        // Counts and blocks live in this activation: keep it for as long as they matter.
        if (_ledger.NeededUntil(now) is { } needed)
            DelayDeactivation(needed - now);
        return new SignInResult(null, null);
    }

    public Task<DateTimeOffset?> BlockExpires(string clientId) =>
        Task.FromResult(_ledger.BlockedUntil(Ids.IsValid(clientId, "cli_") ? clientId : MalformedId, clock.GetUtcNow()));
}
