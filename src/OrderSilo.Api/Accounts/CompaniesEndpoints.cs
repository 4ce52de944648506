using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Accounts;

public static class CompaniesEndpoints
{
    public static IEndpointRouteBuilder MapCompanies(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/account", GetAccount).WithTags("Account").RequireAuthorization(AuthSetup.TenantPolicy)
            .WithSummary("The caller and the companies of its account, the home company first").RetriesOnClusterFailure();
        var companies = routes.MapGroup("/api/v1/companies").WithTags("Account").RequireAuthorization(AuthSetup.TenantPolicy);
        companies.MapPost("/", CreateCompany).WithSummary("Create a child company");
        companies.MapGet("/{companyId}", GetCompany).WithSummary("A company of the caller's account").RetriesOnClusterFailure();
        companies.MapPatch("/{companyId}", UpdateCompany).WithSummary("Change a company's profile (null clears a field)");
        companies.MapPut("/{companyId}/saved-card", SaveCard).WithSummary("Save the card behind a payment-gateway token");
        return routes;
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetAccount(HttpContext http, ClaimsPrincipal user, IClusterClient cluster)
    {
        var accountId = user.AccountId();
        var account = await cluster.GetGrain<IAccountGrain>(accountId).Get();
        var client = await cluster.GetGrain<IApiClientGrain>(user.ClientId()).Get();
        if (account is null || client is null)
            return ApiProblems.NotFound("The token's account no longer exists.");
        // The caller's own block: what would refuse this client's sign-in from where this request comes from.
        var blockExpires = await cluster.GetGrain<ISignInGrain>(SourceAddress.Of(http)).BlockExpires(client.ClientId);
        var companies = await Task.WhenAll(account.CompanyIds.Select(id => cluster.GetGrain<ICompanyGrain>(id).GetFor(accountId)));
        return TypedResults.Ok(new AccountView(
            new AccountUser(client.ClientId, client.Name, client.CreatedAt, client.LastLogin, blockExpires, client.ClientId, client.Name),
            [.. companies.OfType<Company>()]));
    }

    private static async Task<Results<Created<Company>, ProblemHttpResult>> CreateCompany(
        CreateCompanyBody? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (body is null)
            return ApiProblems.Validation("body", "Send a JSON object.");
        var fields = body.ProfileFields();
        var errors = new ValidationErrors();
        errors.Required(CompanyProfileFields.Name, body.Name);
        errors.Required(CompanyProfileFields.Country, body.Country);
        CompanyValidator.Check(fields, body.Country, errors);
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());

        var accountId = user.AccountId();
        var parentId = body.ParentCompanyId ?? user.HomeCompanyId();
        var parent = await cluster.InAccountAsync(accountId, parentId);
        if (parent is null)
            return ApiProblems.For(new DomainError(ErrorCodes.NotFound, $"There is no company '{parentId}'.", "parentCompanyId"));
        // A child takes its parent's currency and payment terms unless told otherwise; credit is set by the operator.
        var draft = new Company
        {
            Id = Ids.NewCompanyId(),
            AccountId = accountId,
            ParentCompanyId = parent.Id,
            Name = body.Name!,
            BillingName = body.BillingName,
            BillingEmail = body.BillingEmail,
            Address = body.Address,
            Address2 = body.Address2,
            City = body.City,
            County = body.County,
            PostCode = body.PostCode,
            Country = body.Country!,
            VatNumber = body.VatNumber,
            Currency = body.Currency ?? parent.Currency,
            PaymentTermsDays = parent.PaymentTermsDays,
            // Set by the account grain when it creates the company.
            CreatedAt = default,
        };
        var created = await cluster.GetGrain<IAccountGrain>(accountId).AddCompany(draft);
        return created.Failed
            ? ApiProblems.For(created.Error!)
            : TypedResults.Created($"/api/v1/companies/{created.Value!.Id}", created.Value);
    }

    private static async Task<Results<Ok<Company>, ProblemHttpResult>> GetCompany(string companyId, ClaimsPrincipal user, IClusterClient cluster)
    {
        var company = await cluster.InAccountAsync(user.AccountId(), companyId);
        return company is null ? ApiProblems.NotFound($"There is no company '{companyId}'.") : TypedResults.Ok(company);
    }

    private static async Task<Results<Ok<Company>, ProblemHttpResult>> UpdateCompany(
        string companyId, JsonObject? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var accountId = user.AccountId();
        var company = await cluster.InAccountAsync(accountId, companyId);
        if (company is null)
            return ApiProblems.NotFound($"There is no company '{companyId}'.");
        var errors = new ValidationErrors();
        var changes = ReadChanges(body, errors);
        var country = changes.TryGetValue(CompanyProfileFields.Country, out var newCountry) ? newCountry : company.Country;
        CompanyValidator.Check(changes, country, errors);
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());
        var updated = await cluster.GetGrain<ICompanyGrain>(companyId).UpdateProfile(accountId, changes);
        return updated.Failed ? ApiProblems.For(updated.Error!) : TypedResults.Ok(updated.Value!);
    }

    /// <summary>The body of <c>PUT /api/v1/companies/{id}/saved-card</c>.</summary>
    public sealed record SavedCardBody(string? CardToken);

    private static async Task<Results<Ok<Company>, ProblemHttpResult>> SaveCard(
        string companyId, SavedCardBody? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        // Whose company it is comes first: another account's id answers 404 whatever the body.
        if (await cluster.InAccountAsync(user.AccountId(), companyId) is null)
            return ApiProblems.NotFound($"There is no company '{companyId}'.");
        if (body?.CardToken is not { Length: > 0 and <= 200 } token)
            return ApiProblems.Validation("cardToken", "A payment-gateway card token, such as tok_visa.");
        var saved = await cluster.GetGrain<ICompanyGrain>(companyId).SaveCard(user.AccountId(), token);
        return saved.Failed ? ApiProblems.For(saved.Error!) : TypedResults.Ok(saved.Value!);
    }

    /// <summary>A JSON merge patch (RFC 7396) of string fields: a member sets a field, null clears it.</summary>
    private static ImmutableSortedDictionary<string, string?> ReadChanges(JsonObject? body, ValidationErrors errors)
    {
        if (body is null)
        {
            errors.Add("body", "Send a JSON object.");
            return ImmutableSortedDictionary<string, string?>.Empty;
        }
        var changes = ImmutableSortedDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var (field, value) in body)
        {
            if (value is null)
                changes[field] = null;
            else if (value.GetValueKind() == JsonValueKind.String)
                changes[field] = value.GetValue<string>();
            else
                errors.Add(field, "A string, or null to clear the field.");
        }
        return changes.ToImmutable();
    }
}
