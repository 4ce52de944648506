using OrderSilo.Grains.Accounts;

namespace OrderSilo.Grains.Tests.Accounts;

public sealed class SignInLedgerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SignInOptions Options = new()
    {
        MaxFailuresPerClient = 3,
        MaxFailuresPerAddress = 5,
        Window = TimeSpan.FromMinutes(10),
        BlockDuration = TimeSpan.FromMinutes(15),
    };

    [Fact]
    public void TheClientLimit_BlocksThatClient_ForTheBlockDuration_AndNoOtherClient()
    {
        var ledger = new SignInLedger(Options);

        ledger.Fail("cli_a", Start);
        ledger.Fail("cli_a", Start.AddMinutes(1));
        var beforeLimit = ledger.BlockedUntil("cli_a", Start.AddMinutes(2));
        ledger.Fail("cli_a", Start.AddMinutes(2));

        Assert.Null(beforeLimit);
        Assert.Equal(Start.AddMinutes(17), ledger.BlockedUntil("cli_a", Start.AddMinutes(2)));
        Assert.Equal(Start.AddMinutes(17), ledger.BlockedUntil("cli_a", Start.AddMinutes(17).AddTicks(-1)));
        Assert.Null(ledger.BlockedUntil("cli_a", Start.AddMinutes(17)));
        Assert.Null(ledger.BlockedUntil("cli_b", Start.AddMinutes(2)));
    }

    [Fact]
    public void Failures_OlderThanTheWindow_NoLongerCount()
    {
        var ledger = new SignInLedger(Options);

        ledger.Fail("cli_a", Start);
        ledger.Fail("cli_a", Start.AddMinutes(1));
        ledger.Fail("cli_a", Start.AddMinutes(10));

        Assert.Null(ledger.BlockedUntil("cli_a", Start.AddMinutes(10)));
    }

    [Fact]
    public void ARightSecret_ForgivesTheClientsFailures_ButNotTheAddresss()
    {
        var ledger = new SignInLedger(Options);

        ledger.Fail("cli_a", Start);
        ledger.Fail("cli_a", Start);
        ledger.Succeed("cli_a");
        ledger.Fail("cli_a", Start);
        ledger.Fail("cli_a", Start);
        var clientBlock = ledger.BlockedUntil("cli_a", Start);
        ledger.Fail("cli_b", Start);

        Assert.Null(clientBlock);
        Assert.Equal(Start.AddMinutes(15), ledger.BlockedUntil("cli_c", Start));
    }

    [Fact]
    public void TheAddressLimit_BlocksEveryClient_AndTheLaterBlockIsTheOneReported()
    {
        var ledger = new SignInLedger(Options);

        for (var i = 0; i < 3; i++)
            ledger.Fail("cli_a", Start);
        ledger.Fail("cli_b", Start.AddMinutes(5));
        ledger.Fail("cli_c", Start.AddMinutes(5));

        Assert.Equal(Start.AddMinutes(20), ledger.BlockedUntil("cli_a", Start.AddMinutes(5)));
        Assert.Equal(Start.AddMinutes(20), ledger.BlockedUntil("cli_new", Start.AddMinutes(5)));
        Assert.Null(ledger.BlockedUntil("cli_new", Start.AddMinutes(20)));
    }

    [Fact]
    public void WhatTheLedgerHolds_MattersUntilItsLastBlockOrFailureEnds()
    {
        var ledger = new SignInLedger(Options);
        var empty = ledger.NeededUntil(Start);

        ledger.Fail("cli_a", Start);

        Assert.Null(empty);
        Assert.Equal(Start.AddMinutes(10), ledger.NeededUntil(Start));
        Assert.Null(ledger.NeededUntil(Start.AddMinutes(10)));
    }
}
