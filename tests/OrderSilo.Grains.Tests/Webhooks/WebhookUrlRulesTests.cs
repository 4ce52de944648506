using System.Net;
using OrderSilo.Grains.Webhooks;

namespace OrderSilo.Grains.Tests.Webhooks;

public sealed class WebhookUrlRulesTests
{
    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("1.1.1.1", true)]
    [InlineData("100.63.255.255", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.255.255.254", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.0.2.10", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("2002:c0a8:0101::1", false)]
    public void IsPublic_RefusesLoopbackPrivateLinkLocalAndReservedRanges(string address, bool expected) =>
        Assert.Equal(expected, WebhookUrlRules.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://hooks.example.com/orders?key=1", false, null)]
    [InlineData("http://hooks.example.com/orders", false, "Only https URLs receive webhooks.")]
    [InlineData("http://127.0.0.1:8080/orders", true, null)]
    [InlineData("ftp://hooks.example.com/", true, "An absolute https URL.")]
    [InlineData("/orders", true, "An absolute https URL.")]
    [InlineData("https://user:secret@hooks.example.com/", false, "No user name or password in the URL: verify the webhook's signature instead.")]
    [InlineData("https://hooks.example.com/#top", false, "No fragment (#…) in the URL.")]
    [InlineData("", false, "Required.")]
    public void Parse_AcceptsAbsoluteHttpsUrls_AndHttpOnlyWhenLocalUrlsAreAllowed(string url, bool allowLocal, string? error) =>
        Assert.Equal(error, WebhookUrlRules.Parse(url, allowLocal).Error);

    [Fact]
    public void AddressError_RefusesAHostWithAnyNonPublicAddress_UnlessLocalUrlsAreAllowed()
    {
        var https = new Uri("https://hooks.example.com/");
        IPAddress[] mixed = [IPAddress.Parse("8.8.8.8"), IPAddress.Parse("10.0.0.5")];
        Assert.Null(WebhookUrlRules.AddressError(https, [IPAddress.Parse("8.8.8.8")], allowLocal: false));
        Assert.NotNull(WebhookUrlRules.AddressError(https, mixed, allowLocal: false));
        Assert.Null(WebhookUrlRules.AddressError(https, mixed, allowLocal: true));
        Assert.NotNull(WebhookUrlRules.AddressError(https, [], allowLocal: true));
        // Plain http, even where allowed, only to local addresses: never in clear text over the internet.
        var http = new Uri("http://hooks.example.com/");
        Assert.Null(WebhookUrlRules.AddressError(http, [IPAddress.Loopback], allowLocal: true));
        Assert.NotNull(WebhookUrlRules.AddressError(http, [IPAddress.Parse("8.8.8.8")], allowLocal: true));
    }

    [Fact]
    public void Reachable_IsWhatAConnectionMayUse_CheckedAgainAtEveryConnection()
    {
        IPAddress[] resolved = [IPAddress.Parse("8.8.8.8"), IPAddress.Loopback];
        Assert.Equal([IPAddress.Parse("8.8.8.8")], WebhookUrlRules.Reachable(new Uri("https://h.example/"), resolved, allowLocal: false));
        Assert.Empty(WebhookUrlRules.Reachable(new Uri("http://h.example/"), resolved, allowLocal: false));
        Assert.Equal([IPAddress.Loopback], WebhookUrlRules.Reachable(new Uri("http://h.example/"), resolved, allowLocal: true));
    }
}
