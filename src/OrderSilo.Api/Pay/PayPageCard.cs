using System.Globalization;

namespace OrderSilo.Api.Pay;

/// <summary>
/// The card form of the pay page, checked, and the payment gateway's token for it. The built-in sandbox gateway
/// knows test numbers only (API.md): <c>4242 4242 4242 4242</c> (and <c>5555 5555 5555 4444</c>) are paid,
/// <c>4000 0000 0000 0002</c> is declined. A real gateway tokenizes the card in its own form instead, and the
/// number never reaches OrderSilo.
/// </summary>
public static class PayPageCard
{
    private static readonly Dictionary<string, string> SandboxTokens = new(StringComparer.Ordinal)
    {
        ["4242424242424242"] = "tok_visa",
        ["5555555555554444"] = "tok_mastercard",
        ["4000000000000002"] = "tok_chargeDeclined",
    };

    /// <summary>The gateway token of the form's card, or the problems with the form, by field.</summary>
    public static (string? Token, Dictionary<string, string> Errors) Read(IFormCollection form, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = new string([.. form["cardNumber"].ToString().Where(c => c is not (' ' or '-'))]);
        string? token = null;
        if (number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit))
            errors["cardNumber"] = "Enter the card number: 12 to 19 digits.";
        else if (!SandboxTokens.TryGetValue(number, out token))
            errors["cardNumber"] = "This sandbox takes test cards only: 4242 4242 4242 4242 is paid, 4000 0000 0000 0002 is declined.";
        if (!IsFutureExpiry(form["expiry"].ToString().Trim(), now))
            errors["expiry"] = "Enter the expiry date as MM/YY, not in the past.";
        var cvc = form["cvc"].ToString().Trim();
        if (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit))
            errors["cvc"] = "Enter the 3 or 4 digit security code.";
        if (form["name"].ToString().Trim().Length is 0 or > 100)
            errors["name"] = "Enter the name on the card.";
        return (errors.Count == 0 ? token : null, errors);
    }

    private static bool IsFutureExpiry(string expiry, DateTimeOffset now)
    {
        var parts = expiry.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || parts[1].Length != 2)
            return false;
        var lastDay = new DateTimeOffset(2000 + year, month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        return lastDay > now;
    }
}
