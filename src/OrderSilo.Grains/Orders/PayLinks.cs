using System.Security.Cryptography;
using System.Text;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>Settings of the pay page links (section <c>OrderSilo:PayPage</c>).</summary>
public sealed class PayPageOptions
{
    /// <summary>Where buyers reach the API hosts: pay page links are <c>{BaseUrl}/pay/{orderId}/{token}</c>.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:5080");
}

/// <summary>
/// The pay page link of an order: its id and a token of 128 random bits made with the order and kept in its state,
/// so the link cannot be guessed from the id, and a changed character finds nothing. It is shown only while the
/// order awaits payment; after the due date the order is cancelled and the link leads nowhere.
/// </summary>
public static class PayLinks
{
    /// <summary>A new token (base64url, 22 characters).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The order with its link while it awaits payment, and without one otherwise.</summary>
    public static Order Shown(Order order, string? token, PayPageOptions options) => order with
    {
        PaymentLink = order.Status == OrderStatuses.AwaitingPayment && token is not null
            ? $"{options.BaseUrl.ToString().TrimEnd('/')}/pay/{order.OrderId}/{token}"
            : null,
    };

    /// <summary>True when <paramref name="presented"/> is the order's token (compared in constant time).</summary>
    public static bool Matches(string? token, string presented) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(presented));
}
