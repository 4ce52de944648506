using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderSilo.Grains.Webhooks;

/// <summary>
/// Standard Webhooks symmetric signatures: the secret is <c>whsec_</c> and the base64 of a random key; a signature
/// is <c>v1,</c> and the base64 of HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}").
/// </summary>
public static class WebhookSigner
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret of 32 random bytes (the specification asks for 24 to 64).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The value of the <c>webhook-signature</c> header.</summary>
    public static string Sign(string secret, string webhookId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
            throw new ArgumentException("A webhook secret starts with whsec_.", nameof(secret));
        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{webhookId}.{timestamp}.")));
        hmac.AppendData(body);
        return "v1," + Convert.ToBase64String(hmac.GetHashAndReset());
    }
}
