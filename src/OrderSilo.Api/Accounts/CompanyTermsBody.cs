using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Api.Accounts;

/// <summary>
/// The body of <c>PATCH /api/v1/admin/companies/{id}</c>, a merge patch: <c>creditLimit</c> sets the limit (a
/// money string or number) or, as null, removes it; <c>paymentTermsDays</c> is a whole number from 0 to 365.
/// </summary>
public static class CreditTermsBody
{
    public static CreditTerms? Read(JsonObject? body, ValidationErrors errors)
    {
        if (body is null)
        {
            errors.Add("body", "Send a JSON object.");
            return null;
        }
        foreach (var (field, _) in body)
        {
            if (field is not ("creditLimit" or "paymentTermsDays"))
                errors.Add(field, "Only creditLimit and paymentTermsDays are set here.");
        }
        var setsLimit = body.TryGetPropertyValue("creditLimit", out var limitNode);
        decimal? limit = null;
        if (limitNode is not null && !TryMoney(limitNode, out limit))
            errors.Add("creditLimit", "An amount such as 1000.00, or null to remove the limit.");
        int? days = null;
        if (body.TryGetPropertyValue("paymentTermsDays", out var daysNode))
        {
            if (daysNode?.GetValueKind() == JsonValueKind.Number && daysNode.AsValue().TryGetValue<int>(out var value) && value is >= 0 and <= 365)
                days = value;
            else
                errors.Add("paymentTermsDays", "A whole number of days from 0 to 365.");
        }
        return errors.Any ? null : new CreditTerms(setsLimit, limit, days);
    }

    private static bool TryMoney(JsonNode node, out decimal? amount)
    {
        amount = null;
        var text = node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => node.ToJsonString(),
            _ => null,
        };
        if (text is null || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        amount = value;
        return true;
    }
}
