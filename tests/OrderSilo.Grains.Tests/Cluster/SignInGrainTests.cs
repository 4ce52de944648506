using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Tests.Cluster;

/// <summary>The sign-in grains on the shared cluster, with the accounts storage counting reads and a clock the test moves.</summary>
[Collection(SharedCluster.Name)]
public sealed class SignInGrainTests(ClusterFixture fixture) : IDisposable
{
    private IGrainFactory Grains => fixture.Client;

    public void Dispose() => TestClock.Instance.Reset();

    [Fact]
    public async Task AnUnknownClientId_GuessedAgainAndAgain_IsReadFromTheDatabaseOnce()
    {
        var guessed = Ids.NewClientId();
        var address = Grains.GetGrain<ISignInGrain>(NewAddress());

        var answers = new List<SignInResult>();
        for (var i = 0; i < 5; i++)
            answers.Add(await address.SignIn(guessed, "guess-" + i));

        Assert.All(answers, answer => Assert.Equal(new SignInResult(null, null), answer));
        Assert.Equal(1, ReadCountingStorage.ReadsOf(GrainId.Create("apiclient", guessed)));
    }

    [Fact]
    public async Task ABlock_RefusesTheRightSecretFromThatAddress_UntilItEnds_AndNeverElsewhere()
    {
        var (clientId, secret) = await RegisterClientAsync();
        var attacker = Grains.GetGrain<ISignInGrain>(NewAddress());
        var elsewhere = Grains.GetGrain<ISignInGrain>(NewAddress());

        for (var i = 0; i < 10; i++)
            Assert.Null((await attacker.SignIn(clientId, "wrong-" + i)).Client);
        var blocked = await attacker.SignIn(clientId, secret);
        var expires = await attacker.BlockExpires(clientId);
        var fromElsewhere = await elsewhere.SignIn(clientId, secret);
        TestClock.Instance.Advance(TimeSpan.FromMinutes(15));
        var afterTheBlock = await attacker.SignIn(clientId, secret);

        Assert.Null(blocked.Client);
        Assert.NotNull(blocked.BlockedUntil);
        Assert.Equal(blocked.BlockedUntil, expires);
        Assert.Equal(clientId, fromElsewhere.Client?.ClientId);
        Assert.Null(await elsewhere.BlockExpires(clientId));
        Assert.Equal(clientId, afterTheBlock.Client?.ClientId);
        Assert.Null(await attacker.BlockExpires(clientId));
    }

    [Fact]
    public async Task ARevokedClient_RegisteredAgain_StaysRevoked()
    {
        var (clientId, secret) = await RegisterClientAsync();
        var client = Grains.GetGrain<IApiClientGrain>(clientId);

        await Grains.GetGrain<IOperatorClientsGrain>(0).Revoke(clientId);
        var registered = await client.Register(new ApiClient(clientId, "", "", "Operator", Scopes.Admin, false), "a-new-secret-of-thirty-two-chars!");
        var withOld = await client.Authenticate(secret);
        var withNew = await client.Authenticate("a-new-secret-of-thirty-two-chars!");

        Assert.True(registered.Value!.Revoked);
        Assert.Equal(new Authentication(null, ClientExists: true), withOld);
        Assert.Equal(new Authentication(null, ClientExists: true), withNew);
        Assert.Contains(await Grains.GetGrain<IOperatorClientsGrain>(0).List(null, 1000), c => c.ClientId == clientId && c.Revoked);
    }

    private async Task<(string ClientId, string Secret)> RegisterClientAsync()
    {
        var (clientId, secret) = (Ids.NewClientId(), Ids.NewClientSecret());
        var registered = await Grains.GetGrain<IApiClientGrain>(clientId).Register(new ApiClient(clientId, "", "", "Operator", Scopes.Admin, false), secret);
        Assert.False(registered.Failed);
        return (clientId, secret);
    }

    private static string NewAddress() => $"203.0.113.{Random.Shared.Next(256)}-{Guid.NewGuid():N}";
}
