using System.ComponentModel.DataAnnotations;

namespace OrderSilo.Api.Auth;

/// <summary>The <c>Auth</c> configuration section (docs/configuration.md).</summary>
public sealed class AuthOptions
{
    public const int MinimumKeyBytes = 32;

    /// <summary>Base64 HMAC-SHA256 key, at least 32 bytes; every API host of a deployment shares it.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// Lifetime of an access token. Tokens are checked without a round trip, so a revoked client's tokens stay
    /// valid until they expire: keep this short.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public const string Issuer = "ordersilo";
    public const string Audience = "ordersilo-api";

    public byte[] SigningKeyBytes()
    {
        try
        {
            var key = Convert.FromBase64String(SigningKey);
            return key.Length >= MinimumKeyBytes ? key : throw new InvalidOperationException("Auth:SigningKey must decode to at least 32 bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:SigningKey is not base64.");
        }
    }
}
