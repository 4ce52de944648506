using OrderSilo.Api.Accounts;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Api.Catalog;

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder routes)
    {
        var products = routes.MapGroup("/api/v1/products").WithTags("Catalog").RequireAuthorization(AuthSetup.TenantPolicy).RetriesOnClusterFailure();
        products.MapGet("/", ListProducts).WithSummary("The caller's price list");
        products.MapGet("/{productId}", GetProduct).WithSummary("A product by id");
        products.MapGet("/by-code/{code}", GetProductByCode).WithSummary("A product by code");

        var admin = routes.MapGroup("/api/v1/admin/products").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy).RetriesOnClusterFailure();
        admin.MapPut("/{productId}", PutProduct).WithSummary("Create or replace a product");
        return routes;
    }

    private static async Task<Results<Ok<ListPage<Product>>, ProblemHttpResult>> ListProducts(
        string? companyId, int? limit, string? cursor, ClaimsPrincipal user, IClusterClient cluster)
    {
        if (ListPage.InvalidLimit(limit) is { } invalid)
            return invalid;
        if (companyId is not null && await cluster.InAccountAsync(user.AccountId(), companyId) is null)
            return ApiProblems.NotFound($"There is no company '{companyId}'.");
        var size = ListPage.SizeOf(limit);
        var page = await cluster.GetGrain<ICatalogQueryGrain>(0).List(cursor, size + 1);
        var priced = await cluster.GetGrain<IPricingGrain>(0).ForCompany(user.AccountId(), companyId ?? user.HomeCompanyId(), page);
        return TypedResults.Ok(ListPage.Of(priced, size, p => p.ProductId));
    }

    private static async Task<Results<Ok<Product>, ProblemHttpResult>> GetProduct(string productId, ClaimsPrincipal user, IClusterClient cluster)
    {
        var product = Ids.IsValid(productId, "prd_") ? await cluster.GetGrain<IProductGrain>(productId).Get() : null;
        if (product is null)
            return ApiProblems.NotFound($"There is no product '{productId}'.");
        var priced = await cluster.GetGrain<IPricingGrain>(0).ForCompany(user.AccountId(), user.HomeCompanyId(), [product]);
        return TypedResults.Ok(priced[0]);
    }

    private static async Task<Results<Ok<Product>, ProblemHttpResult>> GetProductByCode(string code, ClaimsPrincipal user, IClusterClient cluster)
    {
        var productId = await cluster.GetGrain<ICatalogQueryGrain>(0).FindIdByCode(code);
        return productId is null ? ApiProblems.NotFound($"There is no product with code '{code}'.") : await GetProduct(productId, user, cluster);
    }

    private static async Task<Results<Ok<Product>, ProblemHttpResult>> PutProduct(string productId, ProductBody? body, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        var product = ProductValidator.Validate(productId, body, errors);
        if (product is null)
            return ApiProblems.Validation(errors.ToDictionary());
        var stored = await cluster.GetGrain<IProductGrain>(productId).Put(product);
        return stored.Failed ? ApiProblems.For(stored.Error!) : TypedResults.Ok(stored.Value!);
    }
}
