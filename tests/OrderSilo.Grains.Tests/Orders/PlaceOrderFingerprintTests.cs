using System.Collections.Immutable;
using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Orders;

namespace OrderSilo.Grains.Tests.Orders;

public sealed class PlaceOrderFingerprintTests
{
    private static PlaceOrder Command(decimal denomination = 25m, params (string Key, string Value)[] metadata) => new()
    {
        PoNumber = "PO-2026-0001",
        CompanyId = "co_8k2m4n6p8r0t2v4x6z8b",
        LineItems =
        [
            new OrderLineRequest("prd_giftcard", 2, denomination),
            new OrderLineRequest("prd_licence", 1, null),
        ],
        Recipient = new Recipient("ana@example.com", "+44 7700 900123"),
        Tag = "spring",
        Description = "Staff rewards",
        Payment = new PaymentRequest(PaymentTypes.Account),
        Metadata = metadata.Length == 0
            ? ImmutableSortedDictionary<string, string>.Empty.Add("costCentre", "42").Add("team", "Sales")
            : metadata.Aggregate(ImmutableSortedDictionary<string, string>.Empty, (map, pair) => map.Add(pair.Key, pair.Value)),
    };

    [Fact]
    public void Of_SameCommand_GivesTheSameHash()
    {
        var first = PlaceOrderFingerprint.Of(Command());
        var second = PlaceOrderFingerprint.Of(Command());

        Assert.Equal(first, second);
        Assert.Matches("^[0-9A-F]{64}$", first);
    }

    [Fact]
    public void Of_DenominationWithTrailingZeros_GivesTheSameHash() =>
        Assert.Equal(PlaceOrderFingerprint.Of(Command(25m)), PlaceOrderFingerprint.Of(Command(25.00m)));

    [Fact]
    public void Of_MetadataInsertedInAnotherOrder_GivesTheSameHash()
    {
        var forwards = Command(25m, ("alpha", "1"), ("Zone", "eu"), ("zeta", "2"));
        var backwards = Command(25m, ("zeta", "2"), ("Zone", "eu"), ("alpha", "1"));

        Assert.Equal(PlaceOrderFingerprint.Of(forwards), PlaceOrderFingerprint.Of(backwards));
    }

    [Theory]
    [InlineData("quantity")]
    [InlineData("productId")]
    [InlineData("denomination")]
    [InlineData("companyId")]
    [InlineData("tag")]
    [InlineData("paymentType")]
    [InlineData("recipientPhone")]
    [InlineData("recipientPhoneRemoved")]
    [InlineData("metadataValue")]
    [InlineData("lineOrder")]
    public void Of_AnyFieldChanged_GivesADifferentHash(string change)
    {
        var original = Command();
        var changed = change switch
        {
            "quantity" => original with { LineItems = original.LineItems.SetItem(0, original.LineItems[0] with { Quantity = 3 }) },
            "productId" => original with { LineItems = original.LineItems.SetItem(0, original.LineItems[0] with { ProductId = "prd_giftcard2" }) },
            "denomination" => original with { LineItems = original.LineItems.SetItem(0, original.LineItems[0] with { Denomination = 25.01m }) },
            "companyId" => original with { CompanyId = "co_another" },
            "tag" => original with { Tag = "summer" },
            "paymentType" => original with { Payment = new PaymentRequest("invoice") },
            "recipientPhone" => original with { Recipient = original.Recipient! with { Phone = "+44 7700 900124" } },
            "recipientPhoneRemoved" => original with { Recipient = original.Recipient! with { Phone = null } },
            "metadataValue" => original with { Metadata = original.Metadata!.SetItem("team", "Support") },
            "lineOrder" => original with { LineItems = [original.LineItems[1], original.LineItems[0]] },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such change."),
        };

        Assert.NotEqual(PlaceOrderFingerprint.Of(original), PlaceOrderFingerprint.Of(changed));
    }
}
