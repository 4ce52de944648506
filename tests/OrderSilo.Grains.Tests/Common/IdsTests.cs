using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Tests.Common;

public sealed class IdsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 20, 51, 30, TimeSpan.Zero);

    [Fact]
    public void NewIds_CarryTheirTypePrefix_AndAreValidForIt()
    {
        (string Id, string Prefix)[] ids =
        [
            (Ids.NewOrderId(Now), "ord_"),
            (Ids.NewAccountId(), "acc_"),
            (Ids.NewCompanyId(), "co_"),
            (Ids.NewClientId(), "cli_"),
        ];
        foreach (var (id, prefix) in ids)
        {
            Assert.StartsWith(prefix, id, StringComparison.Ordinal);
            Assert.True(Ids.IsValid(id, prefix), $"{id} should be a valid {prefix} id");
        }
    }

    [Theory]
    [InlineData("ord_01jd8x5kqz", "ord_")]
    [InlineData("co_Abc-123_x", "co_")]
    [InlineData("prd_gift-card-25", "prd_")]
    public void IsValid_PrefixAndSafeBody_IsAccepted(string id, string prefix) =>
        Assert.True(Ids.IsValid(id, prefix));

    [Fact]
    public void IsValid_SixtyFourCharacters_IsAcceptedButSixtyFiveAreNot()
    {
        Assert.True(Ids.IsValid("ord_" + new string('a', 60), "ord_"));
        Assert.False(Ids.IsValid("ord_" + new string('a', 61), "ord_"));
    }

    [Theory]
    [InlineData(null, "ord_")]
    [InlineData("", "ord_")]
    [InlineData("ord_", "ord_")]
    [InlineData("co_abc123", "ord_")]
    [InlineData("ORD_abc123", "ord_")]
    [InlineData("abc123", "ord_")]
    [InlineData("ord_abc 123", "ord_")]
    [InlineData("ord_abc/123", "ord_")]
    [InlineData("ord_abc.123", "ord_")]
    [InlineData("ord_abc\n", "ord_")]
    [InlineData("ord_caf\u00e9", "ord_")]
    public void IsValid_WrongPrefixOrBadBody_IsRefused(string? id, string prefix) =>
        Assert.False(Ids.IsValid(id, prefix));

    [Fact]
    public void NewOrderId_MadeAtIncreasingTimes_SortsOrdinallyInTheSameOrder()
    {
        DateTimeOffset[] times =
        [
            new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Now,
            Now.AddMilliseconds(1),
            Now.AddMilliseconds(31),
            Now.AddMilliseconds(32),
            Now.AddSeconds(1),
            Now.AddDays(1),
            new(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(14)),
            new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero),
        ];
        // Repeat so that the random tail gets many chances to disturb the order.
        for (var round = 0; round < 50; round++)
        {
            var ids = times.Select(Ids.NewOrderId).ToArray();
            var sorted = ids.Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(ids, sorted);
        }
    }

    [Fact]
    public void NewOrderId_SameInstant_GivesDistinctIds()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Ids.NewOrderId(Now)).ToHashSet();
        Assert.Equal(1000, ids.Count);
    }

    [Fact]
    public void NewClientSecret_IsLongUrlSafeAndDistinct()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => Ids.NewClientSecret()).ToList();
        foreach (var secret in secrets)
        {
            Assert.True(secret.Length >= 43, $"'{secret}' is shorter than 43 characters (256 bits in base64url)");
            Assert.Matches("^[A-Za-z0-9_-]+$", secret);
        }
        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }
}
