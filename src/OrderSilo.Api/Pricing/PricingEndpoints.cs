using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrderSilo.Api.Accounts;
using OrderSilo.Api.Auth;
using OrderSilo.Api.Common;
using OrderSilo.Api.Orders;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Pricing;

namespace OrderSilo.Api.Pricing;

public static class PricingEndpoints
{
    public const int MaxTaxRates = 10_000;

    public static IEndpointRouteBuilder MapPricing(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/pricing/preview", Preview).WithTags("Pricing").RequireAuthorization(AuthSetup.TenantPolicy)
            .WithSummary("Price a cart as an order would be priced now, without placing anything");
        var taxes = routes.MapGroup("/api/v1/admin/tax-rates").WithTags("Admin").RequireAuthorization(AuthSetup.AdminPolicy);
        taxes.MapGet("/", GetTaxRates).WithSummary("The VAT table: percent by buyer country and product tax category").RetriesOnClusterFailure();
        taxes.MapPut("/", PutTaxRates).WithSummary("Replace the VAT table");
        return routes;
    }

    private static async Task<Results<Ok<PricingPreview>, ProblemHttpResult>> Preview(PreviewRequest? body, ClaimsPrincipal user, IClusterClient cluster, IOptions<InputLimits> limits)
    {
        var errors = new ValidationErrors();
        if (body is null)
            return ApiProblems.Validation("body", "Send a JSON object.");
        if (body.Currency is not null && !Currencies.IsSupported(body.Currency))
            errors.Add("currency", "Not a supported ISO 4217 code (upper case, such as USD).");
        var lines = PlaceOrderValidator.ValidateLines(body.LineItems, limits.Value, errors);
        PlaceOrderValidator.ValidateRecipient(body.Recipient, errors);
        var coupons = PlaceOrderValidator.ValidateCoupons(body.CouponCodes, errors);
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());
        var companyId = body.CompanyId ?? user.HomeCompanyId();
        if (await cluster.InAccountAsync(user.AccountId(), companyId) is not { } company)
            return ApiProblems.For(new DomainError(ErrorCodes.NotFound, $"There is no company '{companyId}'.", "companyId"));

        var request = new PricingRequest(company.Country, body.Currency, lines, !string.IsNullOrEmpty(body.Recipient?.Phone))
        {
            CompanyId = company.Id,
            CouponCodes = coupons,
        };
        var priced = await cluster.GetGrain<IPricingGrain>(0).Price(request);
        if (priced.Failed)
            return ApiProblems.For(priced.Error!);
        var cart = priced.Value!;
        return TypedResults.Ok(new PricingPreview(company.Id, cart.Currency, cart.LineItems, cart.Totals, cart.Promotions,
            [.. cart.Errors.Select(e => new PreviewError(e.Code, e.Detail, e.Field))]));
    }

    private static async Task<Ok<TaxRatesBody>> GetTaxRates(IClusterClient cluster) =>
        TypedResults.Ok(View(await cluster.GetGrain<ITaxTableGrain>(0).Get()));

    private static async Task<Results<Ok<TaxRatesBody>, ProblemHttpResult>> PutTaxRates(TaxRatesBody? body, IClusterClient cluster)
    {
        var errors = new ValidationErrors();
        var rates = body?.Rates;
        if (rates is null || rates.Count > MaxTaxRates)
            errors.Add("rates", $"A list of at most {MaxTaxRates} rows.");
        for (var i = 0; i < (rates?.Count ?? 0); i++)
        {
            var rate = rates![i];
            if (rate?.Country is not ("*" or { Length: 2 }) || (rate.Country != "*" && !CountryCodes.All.Contains(rate.Country)))
                errors.Add($"rates[{i}].country", "An ISO 3166 alpha-2 code (upper case), or * for any country.");
            if (rate?.TaxCategory is not { Length: > 0 and <= 64 })
                errors.Add($"rates[{i}].taxCategory", "A tax category of 1 to 64 characters, or * for any category.");
            errors.Required($"rates[{i}].percent", rate?.Percent);
        }
        if (errors.Any)
            return ApiProblems.Validation(errors.ToDictionary());
        var stored = await cluster.GetGrain<ITaxTableGrain>(0).Put([.. rates!.Select(r => new TaxRate(r!.Country!, r.TaxCategory!, r.Percent!.Value))]);
        return stored.Failed ? ApiProblems.For(stored.Error!) : TypedResults.Ok(View(stored.Value));
    }

    private static TaxRatesBody View(IEnumerable<TaxRate> rates) =>
        new([.. rates.Select(r => new TaxRateBody(r.Country, r.TaxCategory, r.Percent))]);
}
