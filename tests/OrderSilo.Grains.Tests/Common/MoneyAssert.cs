using System.Globalization;

namespace OrderSilo.Grains.Tests.Common;

/// <summary>Compares amounts as clients read them: the invariant text, so 75.00 and 75 are different.</summary>
internal static class MoneyAssert
{
    public static void Equal(string expected, decimal actual) =>
        Assert.Equal(expected, actual.ToString(CultureInfo.InvariantCulture));

    public static void Equal(string? expected, decimal? actual) =>
        Assert.Equal(expected, actual?.ToString(CultureInfo.InvariantCulture));
}
