using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;

namespace OrderSilo.Api.Accounts;

/// <summary>
/// The body of <c>PATCH /api/v1/admin/companies/{id}</c>, a merge patch: <c>creditLimit</c> sets the limit (a
/// money string or number) or, as null, removes it; <c>paymentTermsDays</c> is a whole number from 0 to 365;
/// <c>approvalPolicy</c> is <c>{mode, autoApproveUpTo?}</c>, or null for the parent's (the default on a home company).
/// </summary>
public static class CompanyTermsBody
{
    public static CompanyTerms? Read(JsonObject? body, ValidationErrors errors)
    {
        if (body is null)
        {
            errors.Add("body", "Send a JSON object.");
            return null;
        }
        foreach (var (field, _) in body)
        {
            if (field is not ("creditLimit" or "paymentTermsDays" or "approvalPolicy"))
                errors.Add(field, "Only creditLimit, paymentTermsDays and approvalPolicy are set here.");
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
        var setsPolicy = body.TryGetPropertyValue("approvalPolicy", out var policyNode);
        var policy = policyNode is null ? null : ReadPolicy(policyNode, errors);
        return errors.Any ? null : new CompanyTerms(setsLimit, limit, days, setsPolicy, policy);
    }

    private static ApprovalPolicy? ReadPolicy(JsonNode node, ValidationErrors errors)
    {
        if (node is not JsonObject policy)
        {
            errors.Add("approvalPolicy", "An object {mode, autoApproveUpTo?}, or null for the parent company's policy.");
            return null;
        }
        foreach (var (field, _) in policy)
        {
            if (field is not ("mode" or "autoApproveUpTo"))
                errors.Add($"approvalPolicy.{field}", "Only mode and autoApproveUpTo.");
        }
        var mode = policy["mode"] is { } m && m.GetValueKind() == JsonValueKind.String ? m.GetValue<string>() : null;
        if (mode is null || !ApprovalModes.All.Contains(mode))
            errors.Add("approvalPolicy.mode", $"Required: one of {string.Join(", ", ApprovalModes.All)}.");
        decimal? cap = null;
        if (policy["autoApproveUpTo"] is { } capNode && !TryMoney(capNode, out cap))
            errors.Add("approvalPolicy.autoApproveUpTo", "An amount such as 500.00, or null for no cap.");
        return mode is null ? null : new ApprovalPolicy(mode, cap);
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
