using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Promotions;

namespace OrderSilo.Api.Promotions;

public static class PromotionsEndpoints
{
    public static IEndpointRouteBuilder MapPromotions(this IEndpointRouteBuilder routes)
    {
        var promotions = routes.MapGroup("/api/v1/admin/promotions").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy);
        promotions.MapPost("/", CreatePromotion).WithSummary("Create a promotion, with its discount and a coupon if given");
        promotions.MapGet("/{code}", GetPromotion).WithSummary("A promotion with its discount, uses and coupons").RetriesOnClusterFailure();
        promotions.MapPut("/{code}/discount", SetDiscount).WithSummary("Set what a promotion takes off: PERCENT or FIXED per currency");
        promotions.MapPost("/{code}/coupons", AddCoupons).WithSummary("Add a SINGLE (shared) coupon or MULTIPLE (one-order) coupons");
        promotions.MapDelete("/{code}/coupons", RemoveCoupons).WithSummary("Delete coupons");
        return routes;
    }

    private static async Task<Results<Created<PromotionView>, ProblemHttpResult>> CreatePromotion(PromotionBody? body, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        var promotion = PromotionReader.Read(body, errors);
        var coupons = body?.Coupon is null ? null : PromotionReader.Coupons(body.Coupon, new ValidationErrors());
        if (promotion is null)
            return ApiProblems.Validation(errors.ToDictionary());
        if (await MissingProductAsync(cluster, promotion) is { } missing)
            return missing;

        var grain = Promotion(cluster, promotion.Code);
        var created = await grain.Create(promotion);
        if (created.Failed)
            return ApiProblems.For(created.Error!);
        // The coupon is added once the promotion exists: a code another promotion holds answers 409, and the
        // promotion stays, without it.
        if (coupons is { } coupon && await grain.AddCoupons(coupon.Type, coupon.Codes) is { Failed: true } refused)
            return ApiProblems.For(refused.Error! with { Field = "coupon." + refused.Error.Field });
        return TypedResults.Created($"/api/v1/admin/promotions/{promotion.Code}", await ViewAsync(grain));
    }

    private static async Task<Results<Ok<PromotionView>, ProblemHttpResult>> GetPromotion(string code, IClusterClient cluster)
    {
        var grain = CouponCodes.IsWellFormed(code) ? Promotion(cluster, code) : null;
        return grain is not null && await grain.Get() is not null
            ? TypedResults.Ok(await ViewAsync(grain))
            : ApiProblems.NotFound($"There is no promotion '{code}'.");
    }

    private static async Task<Results<Ok<PromotionView>, ProblemHttpResult>> SetDiscount(string code, DiscountBody? body, IClusterClient cluster)
    {
        if (!CouponCodes.IsWellFormed(code))
            return ApiProblems.NotFound($"There is no promotion '{code}'.");
        var errors = new ValidationErrors();
        var discount = PromotionReader.Discount(body, errors);
        if (discount is null)
            return ApiProblems.Validation(errors.ToDictionary());
        var grain = Promotion(cluster, code);
        var set = await grain.SetDiscount(discount);
        return set.Failed ? ApiProblems.For(set.Error!) : TypedResults.Ok(await ViewAsync(grain));
    }

    private static Task<Results<Ok<PromotionView>, ProblemHttpResult>> AddCoupons(string code, CouponBody? body, IClusterClient cluster) =>
        ChangeCouponsAsync(code, body, cluster, add: true);

    private static Task<Results<Ok<PromotionView>, ProblemHttpResult>> RemoveCoupons(string code, [FromBody] CouponBody? body, IClusterClient cluster) =>
        ChangeCouponsAsync(code, body, cluster, add: false);

    private static async Task<Results<Ok<PromotionView>, ProblemHttpResult>> ChangeCouponsAsync(string code, CouponBody? body, IClusterClient cluster, bool add)
    {
        if (!CouponCodes.IsWellFormed(code))
            return ApiProblems.NotFound($"There is no promotion '{code}'.");
        var errors = new ValidationErrors();
        if (PromotionReader.Coupons(body, errors) is not { } coupons)
            return ApiProblems.Validation(errors.ToDictionary());
        var grain = Promotion(cluster, code);
        var changed = add ? await grain.AddCoupons(coupons.Type, coupons.Codes) : await grain.RemoveCoupons(coupons.Type, coupons.Codes);
        return changed.Failed ? ApiProblems.For(changed.Error!) : TypedResults.Ok(await ViewAsync(grain));
    }

    private static async Task<ProblemHttpResult?> MissingProductAsync(IClusterClient cluster, Promotion promotion)
    {
        for (var i = 0; i < promotion.ProductIds.Length; i++)
        {
            var id = promotion.ProductIds[i];
            if (Ids.IsValid(id, "prd_") && await cluster.GetGrain<Contracts.Catalog.IProductGrain>(id).Get() is null)
                return ApiProblems.For(new DomainError(ErrorCodes.NotFound, $"There is no product '{id}'.", $"productIds[{i}]"));
        }
        return null;
    }

    private static async Task<PromotionView> ViewAsync(IPromotionGrain grain) =>
        PromotionView.Of((await grain.Get())!, await grain.GetCoupons());

    private static IPromotionGrain Promotion(IClusterClient cluster, string code) =>
        cluster.GetGrain<IPromotionGrain>("promo_" + code);
}
