using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Accounts;

namespace OrderSilo.Grains.Tests.Accounts;

public sealed class CompanyRulesTests
{
    private static readonly Company Company = new()
    {
        Id = "co_test",
        AccountId = "acc_test",
        Name = "Acme",
        Country = "GB",
        Currency = "GBP",
        City = "Leeds",
        CreditLimit = 500m,
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void ApplyProfile_SetsAndClearsOnlyTheNamedFields()
    {
        var changed = CompanyRules.ApplyProfile(Company, new Dictionary<string, string?> { ["city"] = null, ["postCode"] = "LS1 1AA", ["name"] = "Acme UK" });

        Assert.False(changed.Failed);
        Assert.Equal(Company with { City = null, PostCode = "LS1 1AA", Name = "Acme UK" }, changed.Value);
    }

    [Theory]
    [InlineData("name", null)]
    [InlineData("currency", null)]
    [InlineData("currency", "XYZ")]
    [InlineData("creditLimit", "1000")]
    [InlineData("accountId", "acc_other")]
    public void ApplyProfile_RefusesWhatAnAccountMayNotChange(string field, string? value)
    {
        var changed = CompanyRules.ApplyProfile(Company, new Dictionary<string, string?> { [field] = value });

        Assert.Equal((ErrorCodes.ValidationFailed, field), (changed.Error?.Code, changed.Error?.Field));
    }
}
