using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Orders;

namespace OrderSilo.Grains.Tests.Orders;

public sealed class ApprovalRulesTests
{
    private static readonly Actor Tenant = Actor.Tenant("cli_t", "acc_t");
    private static readonly Actor Operator = Actor.Operator("cli_o");

    [Theory]
    [InlineData(ApprovalModes.Operator, null, true, 10, false)]
    [InlineData(ApprovalModes.Account, null, true, 10, true)]
    [InlineData(ApprovalModes.Account, null, false, 10, false)]
    [InlineData(ApprovalModes.Account, "5", true, 10, false)]
    [InlineData(ApprovalModes.Auto, null, false, 10, true)]
    [InlineData(ApprovalModes.Auto, "10", false, 10, true)]
    [InlineData(ApprovalModes.Auto, "9.99", false, 10, false)]
    public void ApprovedOnPlacement_HonoursTheBuyersWishOnlyWhereThePolicyLetsIt(string mode, string? cap, bool requested, decimal total, bool expected)
    {
        var policy = new ApprovalPolicy(mode, cap is null ? null : decimal.Parse(cap, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, ApprovalRules.ApprovedOnPlacement(policy, requested, total));
    }

    [Theory]
    [InlineData(ApprovalModes.Operator, false)]
    [InlineData(ApprovalModes.Auto, false)]
    [InlineData(ApprovalModes.Account, true)]
    public void Refusal_LetsTheOperatorAlwaysApprove_AndTheTenantOnlyInAccountMode(string mode, bool tenantMay)
    {
        var policy = new ApprovalPolicy(mode);

        Assert.Null(ApprovalRules.Refusal(Operator, policy, 10m, "USD"));
        Assert.Equal(tenantMay ? null : ErrorCodes.Forbidden, ApprovalRules.Refusal(Tenant, policy, 10m, "USD")?.Code);
        Assert.Equal(ErrorCodes.Forbidden, ApprovalRules.Refusal(Actor.System, policy, 10m, "USD")?.Code);
    }

    [Fact]
    public void Refusal_AboveTheAccountsCap_IsTheOperatorsToApprove() =>
        Assert.Equal(ErrorCodes.Forbidden, ApprovalRules.Refusal(Tenant, new ApprovalPolicy(ApprovalModes.Account, 50m), 50.01m, "USD")?.Code);
}
