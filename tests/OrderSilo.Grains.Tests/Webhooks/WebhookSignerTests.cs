using System.Security.Cryptography;
using System.Text;
using OrderSilo.Grains.Webhooks;

namespace OrderSilo.Grains.Tests.Webhooks;

public sealed class WebhookSignerTests
{
    [Fact]
    public void NewSecret_IsWhsecAndTheBase64OfThirtyTwoRandomBytes()
    {
        var secret = WebhookSigner.NewSecret();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret[6..]).Length);
        Assert.NotEqual(secret, WebhookSigner.NewSecret());
    }

    [Fact]
    public void Sign_IsV1AndTheHmacSha256OfIdTimestampAndBody_UnderTheDecodedKey()
    {
        var key = Enumerable.Range(1, 24).Select(i => (byte)i).ToArray();
        var body = """{"type":"order.completed","data":{"amountTotal":"10.00"}}"""u8.ToArray();
        var signed = Encoding.UTF8.GetBytes("evt_abc_1.1764000000.").Concat(body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));

        Assert.Equal(expected, WebhookSigner.Sign("whsec_" + Convert.ToBase64String(key), "evt_abc_1", 1764000000, body));
        Assert.NotEqual(expected, WebhookSigner.Sign("whsec_" + Convert.ToBase64String(key), "evt_abc_1", 1764000001, body));
    }
}
