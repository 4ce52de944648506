namespace OrderSilo.Contracts.Accounts;

/// <summary>
/// The fields of a <see cref="Company"/> its account may set and change (<c>POST</c>/<c>PATCH /companies</c>);
/// credit limit and payment terms are the operator's.
/// </summary>
public static class CompanyProfileFields
{
    /// <summary>Name.</summary>
    public const string Name = "name";
    /// <summary>Country (ISO 3166 alpha-2).</summary>
    public const string Country = "country";
    /// <summary>Currency (ISO 4217).</summary>
    public const string Currency = "currency";

    /// <summary>Every profile field, by its JSON name.</summary>
    public static readonly IReadOnlyList<string> All =
        [Name, "billingName", "billingEmail", "address", "address2", "city", "county", "postCode", Country, "vatNumber", Currency];

    /// <summary>Fields a company always has: a change may not clear them.</summary>
    public static readonly IReadOnlyList<string> Required = [Name, Country, Currency];
}
