using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Accounts;

public static class AdminAccountsEndpoints
{
    public static IEndpointRouteBuilder MapAdminAccounts(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/api/v1/admin/accounts").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy);
        accounts.MapPost("/", CreateAccount).WithSummary("Create a tenant with its home company and first API client");
        accounts.MapGet("/", ListAccounts).WithSummary("List tenants").RetriesOnClusterFailure();
        accounts.MapPost("/{accountId}/clients", CreateClient).WithSummary("Issue another API client");
        accounts.MapDelete("/{accountId}/clients/{clientId}", RevokeClient).WithSummary("Revoke an API client");
        var companies = routes.MapGroup("/api/v1/admin/companies").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy);
        companies.MapPatch("/{companyId}", SetTerms).WithSummary("Set a company's credit limit (null removes the cap), payment terms and approval policy")
            .RetriesOnClusterFailure();
        companies.MapGet("/{companyId}/changes", ListChanges).WithSummary("The company's change log: who changed its terms, when, from what to what")
            .RetriesOnClusterFailure();
        return routes;
    }

    private static async Task<Results<Created<CreatedAccount>, ProblemHttpResult>> CreateAccount(CreateAccountBody? body, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        errors.Required("name", body?.Name);
        errors.MaxLength("name", body?.Name, 200);
        if (!FieldShapes.IsEmail(body?.BillingEmail))
            errors.Add("billingEmail", "An email address.");
        if (!FieldShapes.IsCountry(body?.Country))
            errors.Add("country", "An ISO 3166 alpha-2 code (upper case, such as GB).");
        if (!Currencies.IsSupported(body?.Currency))
            errors.Add("currency", "A supported ISO 4217 code (upper case, such as USD).");
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());

        var accountId = Ids.NewAccountId();
        var command = new CreateAccount(body!.Name!, body.BillingEmail!, body.Country!, body.Currency!, Ids.NewCompanyId(), Ids.NewClientId(), Ids.NewClientSecret());
        var created = await cluster.GetGrain<IAccountGrain>(accountId).Create(command);
        return created.Failed
            ? ApiProblems.For(created.Error!)
            : TypedResults.Created($"/api/v1/admin/accounts/{accountId}",
                new CreatedAccount(accountId, command.HomeCompanyId, command.ClientId, command.ClientSecret));
    }

    private static async Task<Results<Ok<ListPage<Account>>, ProblemHttpResult>> ListAccounts(int? limit, string? cursor, IClusterClient cluster)
    {
        if (ListPage.InvalidLimit(limit) is { } invalid)
            return invalid;
        var size = ListPage.SizeOf(limit);
        var page = await cluster.GetGrain<IAccountQueryGrain>(0).List(cursor, size + 1);
        return TypedResults.Ok(ListPage.Of(page, size, a => a.AccountId));
    }

    private static async Task<Results<Created<CreatedClient>, ProblemHttpResult>> CreateClient(string accountId, CreateClientBody? body, IClusterClient cluster)
    {
        var name = body?.Name ?? "API client";
        if (name.Length is 0 or > 200)
            return ApiProblems.Validation("name", "From 1 to 200 characters.");
        if (!Ids.IsValid(accountId, "acc_"))
            return ApiProblems.NotFound($"There is no account '{accountId}'.");
        var (clientId, secret) = (Ids.NewClientId(), Ids.NewClientSecret());
        var client = await cluster.GetGrain<IAccountGrain>(accountId).AddClient(clientId, secret, name);
        return client.Failed
            ? ApiProblems.For(client.Error!)
            : TypedResults.Created($"/api/v1/admin/accounts/{accountId}/clients/{clientId}", new CreatedClient(clientId, secret, name, client.Value!.Scope));
    }

    private static async Task<Results<Ok<Company>, ProblemHttpResult>> SetTerms(string companyId, JsonObject? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        var terms = CompanyTermsBody.Read(body, errors);
        if (terms is null)
            return ApiProblems.Validation(errors.ToDictionary());
        if (!Ids.IsValid(companyId, "co_"))
            return ApiProblems.NotFound($"There is no company '{companyId}'.");
        var set = await cluster.GetGrain<ICompanyGrain>(companyId).SetTerms(user.AsOperator(), terms);
        return set.Failed ? ApiProblems.For(set.Error!) : TypedResults.Ok(set.Value!);
    }

    /// <summary>The change log, oldest first: a company's terms change a few times a year, so it is one list.</summary>
    public sealed record CompanyChanges(string CompanyId, ImmutableArray<CompanyChange> Data);

    private static async Task<Results<Ok<CompanyChanges>, ProblemHttpResult>> ListChanges(string companyId, IClusterClient cluster)
    {
        if (!Ids.IsValid(companyId, "co_") || await cluster.GetGrain<ICompanyGrain>(companyId).Changes() is not { } changes)
            return ApiProblems.NotFound($"There is no company '{companyId}'.");
        return TypedResults.Ok(new CompanyChanges(companyId, changes));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeClient(string accountId, string clientId, IClusterClient cluster)
    {
        if (!Ids.IsValid(accountId, "acc_"))
            return ApiProblems.NotFound($"There is no account '{accountId}'.");
        var revoked = await cluster.GetGrain<IAccountGrain>(accountId).RevokeClient(clientId);
        return revoked.Failed ? ApiProblems.For(revoked.Error!) : TypedResults.NoContent();
    }

}
