using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrderSilo.Api.Tests.Webhooks;

/// <summary>
/// A receiver's check of a Standard Webhooks delivery, written from the specification's text (not from the
/// product's signer): the secret is "whsec_" + base64(key); the signed content is "{webhook-id}.{webhook-timestamp}.{body}";
/// webhook-signature is a space-separated list of "version,base64(signature)" where "v1" is HMAC-SHA256; at least
/// one v1 signature must match (compared in constant time) and the timestamp must be recent.
/// </summary>
internal static class StandardWebhookVerifier
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Null when the delivery is authentic; otherwise what is wrong with it.</summary>
    public static string? Problem(string secret, string? id, string? timestamp, string? signatures, byte[] body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
            return "a webhook-id, webhook-timestamp or webhook-signature header is missing";
        if (id.Contains('.', StringComparison.Ordinal))
            return "the webhook-id contains a full stop";
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return $"webhook-timestamp '{timestamp}' is not whole seconds since the epoch";
        var sent = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (sent < now - Tolerance || sent > now + Tolerance)
            return $"webhook-timestamp {sent:O} is not within {Tolerance} of {now:O}";
        const string prefix = "whsec_";
        if (!secret.StartsWith(prefix, StringComparison.Ordinal))
            return "the secret lacks the whsec_ prefix";
        var key = Convert.FromBase64String(secret[prefix.Length..]);

        var content = new byte[Encoding.UTF8.GetByteCount(id) + 1 + Encoding.UTF8.GetByteCount(timestamp) + 1 + body.Length];
        var at = Encoding.UTF8.GetBytes(id, content);
        content[at++] = (byte)'.';
        at += Encoding.UTF8.GetBytes(timestamp, content.AsSpan(at));
        content[at++] = (byte)'.';
        body.CopyTo(content, at);
        var expected = HMACSHA256.HashData(key, content);

        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = signature.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || signature[..comma] != "v1")
                continue;
            byte[] given;
            try
            {
                given = Convert.FromBase64String(signature[(comma + 1)..]);
            }
            catch (FormatException)
            {
                continue;
            }
            if (CryptographicOperations.FixedTimeEquals(given, expected))
                return null;
        }
        return "no v1 signature matches";
    }
}
