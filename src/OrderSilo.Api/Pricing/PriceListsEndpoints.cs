using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Api.Pricing;

public static class PriceListsEndpoints
{
    /// <summary>The body of <c>PUT /api/v1/admin/price-lists/{companyId}</c>.</summary>
    public sealed record PriceListBody(IReadOnlyList<PriceListEntryBody?>? Entries);

    /// <summary>One entry: a unit cost (non-voucher products) or a voucher discount in percent.</summary>
    public sealed record PriceListEntryBody(string? ProductId, decimal? UnitCost, decimal? DiscountPercent);

    /// <summary>A company's own price list as stored.</summary>
    public sealed record PriceListView(string CompanyId, IReadOnlyList<PriceListEntry> Entries);

    public static IEndpointRouteBuilder MapPriceLists(this IEndpointRouteBuilder routes)
    {
        routes.MapPut("/api/v1/admin/price-lists/{companyId}", PutPriceList).WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy)
            .WithSummary("Set a company's prices; its child companies without a list of their own use it too");
        return routes;
    }

    private static async Task<Results<Ok<PriceListView>, ProblemHttpResult>> PutPriceList(string companyId, PriceListBody? body, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        var entries = body?.Entries;
        if (entries is null || entries.Count > 10_000)
            errors.Add("entries", "A list of at most 10,000 entries (an empty list sets an empty price list).");
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            if (entries![i] is not { ProductId: { Length: > 0 } productId })
                errors.Add($"entries[{i}].productId", "Required.");
            else if (entries.Take(i).Any(e => e?.ProductId == productId))
                errors.Add($"entries[{i}].productId", $"'{productId}' is listed twice.");
        }
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());
        if (!Ids.IsValid(companyId, "co_") || await cluster.GetGrain<ICompanyGrain>(companyId).GetAny() is null)
            return ApiProblems.NotFound($"There is no company '{companyId}'.");

        var stored = await cluster.GetGrain<IPriceListGrain>("pl_" + companyId)
            .Put([.. entries!.Select(e => new PriceListEntry(e!.ProductId!, e.UnitCost, e.DiscountPercent))]);
        return stored.Failed
            ? ApiProblems.For(stored.Error!)
            : TypedResults.Ok(new PriceListView(companyId, [.. stored.Value!.Values]));
    }
}
