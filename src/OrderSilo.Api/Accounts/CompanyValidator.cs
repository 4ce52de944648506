using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Accounts;

/// <summary>Checks company profile fields, the same way for a new company and for a change.</summary>
public static class CompanyValidator
{
    private static readonly Dictionary<string, int> MaxLengths = new()
    {
        [CompanyProfileFields.Name] = 200, ["billingName"] = 200, ["address"] = 200, ["address2"] = 200,
        ["city"] = 100, ["county"] = 100, ["postCode"] = 20, ["vatNumber"] = 30, ["billingEmail"] = 254,
    };

    /// <summary>Checks each change; <paramref name="country"/> is the company's country once they apply.</summary>
    public static void Check(IReadOnlyDictionary<string, string?> changes, string? country, ValidationErrors errors)
    {
        foreach (var (field, value) in changes)
        {
            if (!CompanyProfileFields.All.Contains(field))
            {
                errors.Add(field, "Not a field a company's account may set; credit limit and payment terms are the operator's.");
                continue;
            }
            if (value is null)
            {
                if (CompanyProfileFields.Required.Contains(field))
                    errors.Add(field, "Required: it cannot be cleared.");
                continue;
            }
            if (value.Length == 0)
                errors.Add(field, "Not empty; send null to clear it.");
            if (MaxLengths.TryGetValue(field, out var max) && value.Length > max)
                errors.Add(field, $"At most {max} characters.");
        }
        if (changes.GetValueOrDefault("billingEmail") is { } email && !FieldShapes.IsEmail(email))
            errors.Add("billingEmail", "An email address.");
        if (changes.ContainsKey(CompanyProfileFields.Country) && !FieldShapes.IsCountry(country))
            errors.Add(CompanyProfileFields.Country, "An ISO 3166 alpha-2 code (upper case, such as GB).");
        if (changes.TryGetValue(CompanyProfileFields.Currency, out var currency) && currency is not null && !Currencies.IsSupported(currency))
            errors.Add(CompanyProfileFields.Currency, "A supported ISO 4217 code (upper case, such as USD).");
        if (changes.GetValueOrDefault("vatNumber") is { } vat && FieldShapes.IsCountry(country) && !VatNumbers.IsValid(country!, vat))
            errors.Add("vatNumber", $"Not the shape of a VAT number of {country}.");
    }
}
