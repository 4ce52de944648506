using System.Globalization;
using System.Text;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Orders;

/// <summary>
/// The query string of <c>GET /api/v1/orders</c>, read by hand so that a bad value answers 400 naming its
/// parameter. The cursor is opaque to clients: base64url of the last order's position.
/// </summary>
public static class OrderListQuery
{
    public static readonly IReadOnlyList<string> Statuses =
        ["quote", "pending_approval", "awaiting_payment", "processing", "completed", "cancelled", "expired", "rejected"];

    public static OrderQuery? Parse(IQueryCollection query, string accountId, ValidationErrors errors)
    {
        string? Text(string name, int max = 1000)
        {
            var value = query[name].ToString();
            if (value.Length > max)
                errors.Add(name, $"At most {max} characters.");
            return value.Length == 0 ? null : value;
        }
        T? Parsed<T>(string name, TryParse<T> parse, string expected) where T : struct
        {
            if (Text(name) is not { } text)
                return null;
            if (parse(text, out var value))
                return value;
            errors.Add(name, expected);
            return null;
        }

        var limit = Parsed<int>("limit", int.TryParse, "A whole number from 1 to 100.");
        if (limit is < 1 or > ListPage.MaxLimit)
            errors.Add("limit", "A whole number from 1 to 100.");
        var status = Text("status");
        if (status is not null && !Statuses.Contains(status))
            errors.Add("status", $"One of: {string.Join(", ", Statuses)}.");
        var result = new OrderQuery
        {
            AccountId = accountId,
            DateStart = Parsed<DateTimeOffset>("dateStart", TryTimestamp, "An ISO 8601 time such as 2026-11-01T00:00:00Z."),
            DateEnd = Parsed<DateTimeOffset>("dateEnd", TryTimestamp, "An ISO 8601 time such as 2026-12-01T00:00:00Z."),
            CompanyId = Text("companyId", 64),
            Status = status,
            Reference = Text("reference", 100),
            PoNumber = Text("poNumber") is { } poNumber ? PoNumbers.Read("poNumber", poNumber, errors) : null,
            Description = Text("description", 200),
            AmountTotal = Parsed<decimal>("amountTotal", TryAmount, "An amount such as 75.00."),
            Tag = Text("tag", 100),
            Archived = Parsed<bool>("archived", bool.TryParse, "true or false."),
            After = Text("cursor", 200) is { } cursor ? DecodeCursor(cursor, errors) : null,
            Limit = ListPage.SizeOf(limit),
        };
        return errors.Any ? null : result;
    }

    public static string EncodeCursor(OrderCursor cursor) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{cursor.CreatedAt.UtcTicks}|{cursor.OrderId}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static OrderCursor? DecodeCursor(string cursor, ValidationErrors errors)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - cursor.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 2);
            if (parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && ticks > 0)
                return new OrderCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
        }
        catch (FormatException)
        {
        }
        catch (ArgumentOutOfRangeException)
        {
        }
        errors.Add("cursor", "Not a cursor this API gave out.");
        return null;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static bool TryTimestamp(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static bool TryAmount(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
