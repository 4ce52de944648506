namespace OrderSilo.Api.Accounts;

/// <summary>The body of <c>POST /api/v1/companies</c>: a child company of the caller's account.</summary>
public sealed record CreateCompanyBody(
    string? Name,
    string? ParentCompanyId,
    string? BillingName,
    string? BillingEmail,
    string? Address,
    string? Address2,
    string? City,
    string? County,
    string? PostCode,
    string? Country,
    string? VatNumber,
    string? Currency)
{
    /// <summary>The profile fields the body sets, by JSON name.</summary>
    public Dictionary<string, string?> ProfileFields() => new Dictionary<string, string?>
    {
        ["name"] = Name, ["billingName"] = BillingName, ["billingEmail"] = BillingEmail, ["address"] = Address,
        ["address2"] = Address2, ["city"] = City, ["county"] = County, ["postCode"] = PostCode, ["country"] = Country,
        ["vatNumber"] = VatNumber, ["currency"] = Currency,
    }.Where(field => field.Value is not null).ToDictionary();
}

/// <summary>The answer of <c>GET /api/v1/account</c> (seed 000 "My Account").</summary>
public sealed record AccountView(AccountUser User, IReadOnlyList<OrderSilo.Contracts.Accounts.Company> Companies);

/// <summary>
/// The API client acting, in the shape of seed 000's user. <c>BlockExpires</c>: when the block on this client's
/// sign-ins from the request's address ends, after too many failures; null when there is none.
/// </summary>
public sealed record AccountUser(
    string Id, string UserName, DateTimeOffset? DateCreated, DateTimeOffset? LastLogin, DateTimeOffset? BlockExpires, string ClientId, string ClientName);
