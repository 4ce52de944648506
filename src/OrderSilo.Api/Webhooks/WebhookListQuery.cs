using System.Globalization;
using System.Text;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Webhooks;

namespace OrderSilo.Api.Webhooks;

/// <summary><c>?limit=&amp;cursor=</c> (and <c>status=</c> for deliveries) of the webhook lists; the cursor is base64url of the last item's position.</summary>
public static class WebhookListQuery
{
    public static readonly IReadOnlyList<string> DeliveryStatuses = ["pending", "succeeded", "failed"];

    public sealed record Page(int Limit, ListCursor? After, string? Status);

    public static Page? Parse(IQueryCollection query, bool deliveries, ValidationErrors errors)
    {
        var limit = ListPage.DefaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } text && (!int.TryParse(text, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > ListPage.MaxLimit))
            errors.Add("limit", $"A whole number from 1 to {ListPage.MaxLimit}.");
        var cursor = query["cursor"].ToString() is { Length: > 0 } encoded ? Decode(encoded, errors) : null;
        var status = deliveries && query["status"].ToString() is { Length: > 0 } asked ? asked : null;
        if (status is not null && !DeliveryStatuses.Contains(status))
            errors.Add("status", $"One of: {string.Join(", ", DeliveryStatuses)}.");
        return errors.Any ? null : new Page(limit, cursor, status);
    }

    public static string? Encode(ListCursor? cursor) =>
        cursor is null
            ? null
            : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{cursor.CreatedAt.UtcTicks}|{cursor.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ListCursor? Decode(string cursor, ValidationErrors errors)
    {
        try
        {
            if (cursor.Length <= 200)
            {
                var padded = cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - cursor.Length % 4) % 4);
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 2);
                if (parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && ticks > 0)
                    return new ListCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
            }
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
}
