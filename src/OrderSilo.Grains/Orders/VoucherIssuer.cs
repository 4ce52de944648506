using System.Collections.Immutable;
using System.Security.Cryptography;
using OrderSilo.Contracts.Orders;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// The built-in voucher issuer. A code is 20 characters of a 32-letter alphabet: 100 random bits, so codes
/// cannot be guessed and, at a billion codes, two collide with a probability below 10⁻¹².
/// </summary>
public static class VoucherIssuer
{
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string RedeemBaseUrl = "https://redeem.ordersilo.example/v/";

    /// <summary>One voucher per unit of every line, of the line's product's voucher type.</summary>
    public static ImmutableArray<Voucher> Issue(PricedOrder priced, DateTimeOffset now)
    {
        var vouchers = ImmutableArray.CreateBuilder<Voucher>();
        for (var i = 0; i < priced.LineItems.Length; i++)
        {
            var line = priced.LineItems[i];
            var product = priced.Products[i];
            var type = product.VoucherType ?? "code";
            var validity = DateOnly.FromDateTime(now.UtcDateTime.AddDays(product.ValidityDays));
            for (var unit = 0; unit < line.Quantity; unit++)
            {
                var code = NewCode();
                vouchers.Add(new Voucher(
                    VoucherId: "vch_" + RandomNumberGenerator.GetString("0123456789abcdefghjkmnpqrstvwxyz", 20),
                    ProductId: line.ProductId,
                    Type: type,
                    Code: code,
                    Pin: type is "codePin" or "urlPin" ? RandomNumberGenerator.GetString("0123456789", 8) : null,
                    Url: type is "url" or "urlPin" ? RedeemBaseUrl + code.Replace("-", "", StringComparison.Ordinal) : null,
                    Amount: line.Denomination ?? line.UnitNetPrice,
                    Currency: priced.Currency,
                    Validity: validity));
            }
        }
        return vouchers.ToImmutable();
    }

    private static string NewCode()
    {
        var raw = RandomNumberGenerator.GetString(CodeAlphabet, 20);
        return string.Join('-', Enumerable.Range(0, 5).Select(group => raw.Substring(group * 4, 4)));
    }
}
