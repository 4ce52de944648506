using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Accounts;

public static class CompanyRules
{
    /// <summary>The company with its profile fields changed; a null value clears an optional field.</summary>
    public static Outcome<Company> ApplyProfile(Company company, IReadOnlyDictionary<string, string?> changes)
    {
        foreach (var (field, value) in changes)
        {
            if (!CompanyProfileFields.All.Contains(field))
                return Outcome<Company>.Fail(ErrorCodes.ValidationFailed, $"'{field}' is not a profile field of a company.", field);
            if (value is null && CompanyProfileFields.Required.Contains(field))
                return Outcome<Company>.Fail(ErrorCodes.ValidationFailed, $"A company always has a {field}.", field);
            if (field == CompanyProfileFields.Currency && !Currencies.IsSupported(value))
                return Outcome<Company>.Fail(ErrorCodes.ValidationFailed, $"'{value}' is not a supported currency.", field);
            company = Set(company, field, value);
        }
        return Outcome<Company>.Ok(company);
    }

    private static Company Set(Company company, string field, string? value) => field switch
    {
        CompanyProfileFields.Name => company with { Name = value! },
        "billingName" => company with { BillingName = value },
        "billingEmail" => company with { BillingEmail = value },
        "address" => company with { Address = value },
        "address2" => company with { Address2 = value },
        "city" => company with { City = value },
        "county" => company with { County = value },
        "postCode" => company with { PostCode = value },
        CompanyProfileFields.Country => company with { Country = value! },
        "vatNumber" => company with { VatNumber = value },
        CompanyProfileFields.Currency => company with { Currency = value! },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a profile field."),
    };
}
