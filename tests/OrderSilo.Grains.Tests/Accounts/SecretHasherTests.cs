using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Accounts;

namespace OrderSilo.Grains.Tests.Accounts;

public sealed class SecretHasherTests
{
    [Fact]
    public void Matches_TheSecretThatWasHashed_IsTrue()
    {
        var secret = Ids.NewClientSecret();
        Assert.True(SecretHasher.Matches(secret, SecretHasher.Hash(secret)));
    }

    [Fact]
    public void Matches_AnotherSecret_IsFalse()
    {
        var secret = Ids.NewClientSecret();
        var hash = SecretHasher.Hash(secret);

        Assert.False(SecretHasher.Matches(Ids.NewClientSecret(), hash));
        Assert.False(SecretHasher.Matches(secret[..^1], hash));
        Assert.False(SecretHasher.Matches(secret + "x", hash));
        Assert.False(SecretHasher.Matches("", hash));
    }

    [Fact]
    public void Matches_AMalformedHash_IsFalse()
    {
        var secret = Ids.NewClientSecret();

        Assert.False(SecretHasher.Matches(secret, ""));
        Assert.False(SecretHasher.Matches(secret, secret));
        Assert.False(SecretHasher.Matches(secret, SecretHasher.Hash(secret)[..^2]));
    }

    [Fact]
    public void Hash_DoesNotRevealTheSecret()
    {
        var secret = Ids.NewClientSecret();

        var hash = SecretHasher.Hash(secret);

        Assert.NotEqual(secret, hash);
        Assert.DoesNotContain(secret, hash, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(hash, SecretHasher.Hash(secret));
        Assert.NotEqual(hash, SecretHasher.Hash(Ids.NewClientSecret()));
    }
}
