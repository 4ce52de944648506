using System.Security.Cryptography;
using System.Text;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// Client secrets are 256 random bits, so a plain SHA-256 resists guessing as well as a slow password hash
/// would, and keeps token requests cheap. Only the hash is stored.
/// </summary>
public static class SecretHasher
{
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));
}
