using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Grains.Accounts;

namespace OrderSilo.Grains.Tests.Accounts;

public sealed class CreditRulesTests
{
    private static readonly CompanyState Uncapped = new()
    {
        Company = new Company { Id = "co_c", AccountId = "acc_c", Name = "C", Country = "US", Currency = "USD", CreatedAt = DateTimeOffset.UnixEpoch },
    };

    private static CompanyState Capped(decimal limit) => CreditRules.SetLimit(Uncapped, limit).Value!;

    [Fact]
    public void Reserve_WithinTheLimit_UsesCreditOncePerOrder()
    {
        var first = CreditRules.Reserve(Capped(100m), "ord_1", 30.00m, "USD").Value!;
        var again = CreditRules.Reserve(first.State, "ord_1", 30.00m, "USD").Value!;

        Assert.True(first.Created);
        Assert.Equal("70.00", first.State.Company!.AvailableCredit!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(again.Created);
        Assert.Equal(first.State, again.State);
    }

    [Fact]
    public void Reserve_ThatDoesNotFit_IsRefusedWhole()
    {
        var state = CreditRules.Reserve(Capped(100m), "ord_1", 80.00m, "USD").Value!.State;

        var refused = CreditRules.Reserve(state, "ord_2", 20.01m, "USD");
        var exact = CreditRules.Reserve(state, "ord_3", 20.00m, "USD");

        Assert.Equal(ErrorCodes.CreditLimitExceeded, refused.Error?.Code);
        Assert.Equal("0.00", exact.Value!.State.Company!.AvailableCredit!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Reserve_ForUncappedCompany_CountsNothing()
    {
        var reserved = CreditRules.Reserve(Uncapped, "ord_1", 1_000_000m, "USD").Value!;

        Assert.False(reserved.Created);
        Assert.Equal(Uncapped, reserved.State);
    }

    [Fact]
    public void Reserve_InAnotherCurrency_IsRefused()
    {
        Assert.Equal(ErrorCodes.CurrencyMismatch, CreditRules.Reserve(Capped(100m), "ord_1", 10m, "EUR").Error?.Code);
    }

    [Fact]
    public void Release_GivesPendingCreditBack_AndConfirmKeepsItUsed()
    {
        var state = CreditRules.Reserve(Capped(100m), "ord_1", 40m, "USD").Value!.State;
        state = CreditRules.Reserve(state, "ord_2", 25m, "USD").Value!.State;

        var confirmed = CreditRules.Confirm(state, "ord_1");
        var released = CreditRules.Release(confirmed, "ord_2");
        var releasedConfirmed = CreditRules.Release(released, "ord_1");

        Assert.Equal(["ord_2"], confirmed.Pending.Keys);
        Assert.Equal(65m, confirmed.CreditUsed);
        Assert.Empty(released.Pending);
        Assert.Equal(40m, released.CreditUsed);
        Assert.Equal(released, releasedConfirmed);
    }

    [Fact]
    public void SetLimit_OnUncappedCompany_StartsTheCountAtZero_AndRemovingItStopsCounting()
    {
        var capped = Capped(50m);
        var used = CreditRules.Reserve(capped, "ord_1", 20m, "USD").Value!.State;

        var raised = CreditRules.SetLimit(used, 80m).Value!;
        var removed = CreditRules.SetLimit(raised, null).Value!;

        Assert.Equal((50.00m, 50.00m), (capped.Company!.CreditLimit, capped.Company.AvailableCredit));
        Assert.Equal((80.00m, 60.00m), (raised.Company!.CreditLimit, raised.Company.AvailableCredit));
        Assert.Equal(((decimal?)null, (decimal?)null, 0m), (removed.Company!.CreditLimit, removed.Company.AvailableCredit, removed.CreditUsed));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10.001")]
    public void SetLimit_NotAnAmountOfTheCurrency_IsRefused(string limit)
    {
        var refused = CreditRules.SetLimit(Uncapped, decimal.Parse(limit, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((ErrorCodes.ValidationFailed, "creditLimit"), (refused.Error?.Code, refused.Error?.Field));
    }

    [Fact]
    public void RemovingAndSettingALimitAgain_ForgetsPendingReservations_SoReleasingOneNeverTakesTheCountBelowZero()
    {
        var held = CreditRules.Reserve(Capped(100m), "ord_open", 30m, "USD").Value!.State;

        var removed = CreditRules.SetLimit(held, null).Value!;
        var capped = CreditRules.SetLimit(removed, 100m).Value!;
        var released = CreditRules.Release(capped, "ord_open");

        Assert.Empty(removed.Pending);
        Assert.Equal((0m, 100.00m), (released.CreditUsed, released.Company!.AvailableCredit));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("30", null, "30")]
    [InlineData(null, "40", "40")]
    [InlineData("30", "40", "30")]
    [InlineData("50", "40", "40")]
    public void Tightest_IsTheSmallerOfWhatTheCompanyAndItsParentHaveLeft(string? own, string? parent, string? expected)
    {
        static Company With(string? available) => Uncapped.Company! with
        {
            AvailableCredit = available is null ? null : decimal.Parse(available, System.Globalization.CultureInfo.InvariantCulture),
        };

        var tightest = CreditRules.Tightest(With(own), With(parent));

        Assert.Equal(With(expected).AvailableCredit, tightest);
    }
}
