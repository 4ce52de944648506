using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Accounts;

/// <summary>
/// Prepaid balances (docs/security.md): the operator tops a company's balance up with money it received; orders
/// with <c>payment.type: "balance"</c> draw it down; the buyer and the operator list every movement.
/// </summary>
public static class BalanceEndpoints
{
    /// <summary>Money the seller received for the company's balance, and the payer's reference (recorded once).</summary>
    public sealed record TopUpBody(decimal? Amount, string? Reference);

    public static IEndpointRouteBuilder MapBalances(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/companies/{companyId}/balance-transactions", ListForTenant).WithTags("Account")
            .RequireAuthorization(AuthSetup.TenantPolicy)
            .WithSummary("The movements of a company's prepaid balance, newest first").RetriesOnClusterFailure();
        var admin = routes.MapGroup("/api/v1/admin/companies").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy);
        admin.MapPost("/{companyId}/top-ups", TopUp).WithSummary("Add money received to a company's prepaid balance (once per reference)")
            .RetriesOnClusterFailure();
        admin.MapGet("/{companyId}/balance-transactions", ListForOperator)
            .WithSummary("The movements of any company's prepaid balance, newest first").RetriesOnClusterFailure();
        return routes;
    }

    private static async Task<Results<Created<BalanceTransaction>, ProblemHttpResult>> TopUp(string companyId, TopUpBody? body, ClaimsPrincipal user, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        errors.Required("amount", body?.Amount);
        errors.Required("reference", body?.Reference);
        errors.MaxLength("reference", body?.Reference, 100);
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());
        if (!Ids.IsValid(companyId, "co_"))
            return ApiProblems.NotFound($"There is no company '{companyId}'.");
        var topped = await cluster.GetGrain<ICompanyGrain>(companyId).TopUp(user.AsOperator(), body!.Reference!, body.Amount!.Value);
        return topped.Failed
            ? ApiProblems.For(topped.Error!)
            : TypedResults.Created($"/api/v1/admin/companies/{companyId}/balance-transactions", topped.Value!);
    }

    private static Task<Results<Ok<ListPage<BalanceTransaction>>, ProblemHttpResult>> ListForTenant(string companyId, int? limit, string? cursor,
        ClaimsPrincipal user, IClusterClient cluster) => ListAsync(companyId, user.AccountId(), limit, cursor, cluster);

    private static Task<Results<Ok<ListPage<BalanceTransaction>>, ProblemHttpResult>> ListForOperator(string companyId, int? limit, string? cursor,
        IClusterClient cluster) => ListAsync(companyId, null, limit, cursor, cluster);

    private static async Task<Results<Ok<ListPage<BalanceTransaction>>, ProblemHttpResult>> ListAsync(string companyId, string? accountId, int? limit,
        string? cursor, IClusterClient cluster)
    {
        if (ListPage.InvalidLimit(limit) is { } invalid)
            return invalid;
        long? before = null;
        if (cursor is not null && (before = Decode(cursor)) is null)
            return ApiProblems.Validation("cursor", "Not a cursor this API gave out.");
        var size = ListPage.SizeOf(limit);
        if (!Ids.IsValid(companyId, "co_")
            || await cluster.GetGrain<ICompanyGrain>(companyId).BalanceTransactions(accountId, before, size + 1) is not { } rows)
            return ApiProblems.NotFound($"There is no company '{companyId}'.");
        return TypedResults.Ok(ListPage.Of(rows, size, t => Encode(t.Sequence)));
    }

    /// <summary>The cursor is opaque to clients: base64url of the last movement's sequence number.</summary>
    private static string Encode(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(sequence.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static long? Decode(string cursor)
    {
        if (cursor.Length is 0 or > 40)
            return null;
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/') + new string('=', (4 - cursor.Length % 4) % 4);
            return long.TryParse(Encoding.UTF8.GetString(Convert.FromBase64String(padded)), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0
                ? seq
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
