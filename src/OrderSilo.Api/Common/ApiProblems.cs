using Microsoft.AspNetCore.Http.HttpResults;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Common;

/// <summary>
/// The one place where error codes become HTTP: every error answer is RFC 9457 problem+json with a stable
/// <c>code</c>, and <c>errors</c> naming the fields at fault.
/// </summary>
public static class ApiProblems
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = ErrorCodes.Forbidden;
    public const string Unavailable = "unavailable";
    public const string RateLimited = "rate_limited";
    public const string PayloadTooLarge = "payload_too_large";
    public const string InternalError = "internal_error";

    private static readonly Dictionary<string, (int Status, string Title)> Codes = new()
    {
        [ErrorCodes.ValidationFailed] = (400, "The request is not valid."),
        [Unauthorized] = (401, "Authentication is required."),
        [Forbidden] = (403, "The caller may not do this."),
        [ErrorCodes.NotFound] = (404, "Not found."),
        [ErrorCodes.QuantityLimitExceeded] = (409, "The quantity is above the product's limit."),
        [ErrorCodes.VersionConflict] = (409, "The resource changed since that version."),
        [ErrorCodes.InvalidState] = (409, "Not allowed in the current status."),
        [ErrorCodes.Conflict] = (409, "It conflicts with an existing resource."),
        [ErrorCodes.PoNumberReused] = (422, "The poNumber was used for a different order."),
        [ErrorCodes.InvalidDenomination] = (422, "The product does not offer that denomination."),
        [ErrorCodes.PhoneRequired] = (422, "The product needs the recipient's phone number."),
        [ErrorCodes.CreditLimitExceeded] = (422, "The company's available credit is too low."),
        [ErrorCodes.CurrencyMismatch] = (422, "The order mixes currencies."),
        [ErrorCodes.Unsupported] = (422, "Not offered."),
        [ErrorCodes.SavedCardRequired] = (422, "A saved card is required."),
        [ErrorCodes.CardDeclined] = (422, "The card was declined."),
        [ErrorCodes.InsufficientBalance] = (422, "The company's prepaid balance is too low."),
        [ErrorCodes.RefundTooLarge] = (422, "The refund is more than was paid."),
        [ErrorCodes.RefundFailed] = (502, "The payment gateway refused the refund."),
        [ErrorCodes.NotFree] = (422, "The order's total is not zero."),
        [ErrorCodes.BillingNameRequired] = (422, "The company needs a billing name."),
        [ErrorCodes.Overpayment] = (422, "More than the order owes."),
        [ErrorCodes.BatchNotPlaced] = (424, "Not placed: another record of the atomic batch was refused."),
        [ErrorCodes.PromotionUnavailable] = (422, "A coupon cannot be used."),
        [ErrorCodes.LimitExceeded] = (422, "The account has as many as it may."),
        [RateLimited] = (429, "Too many requests."),
        [PayloadTooLarge] = (413, "The request body is too large."),
        [Unavailable] = (503, "The service is briefly unavailable; retry (the same poNumber is safe to retry)."),
        [InternalError] = (500, "An unexpected error occurred."),
    };

    public static int StatusOf(string code) => Codes.TryGetValue(code, out var entry) ? entry.Status : 500;

    public static ProblemHttpResult For(DomainError error) =>
        Create(error.Code, error.Detail, error.Field is null ? null : new Dictionary<string, string[]> { [error.Field] = [error.Detail] });

    /// <summary>The answer to a body over <c>Limits:MaxRequestBodyBytes</c>, however the limit was met.</summary>
    public static ProblemHttpResult PayloadTooLargeProblem() => Create(PayloadTooLarge, TooLargeDetail);

    private const string TooLargeDetail = "The request body is larger than this API accepts (Limits:MaxRequestBodyBytes).";

    public static ProblemHttpResult NotFound(string detail) => Create(ErrorCodes.NotFound, detail);

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        Create(ErrorCodes.ValidationFailed, "Check the fields named in 'errors'.", errors);

    /// <summary>
    /// Gives a problem the framework writes by itself (status code pages) our shape. Kestrel's body limit is one:
    /// minimal APIs answer 413 without throwing when the limit stops the read of a body sent without a length.
    /// </summary>
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status413PayloadTooLarge || context.ProblemDetails.Extensions.ContainsKey("code"))
            return;
        context.ProblemDetails.Type = $"/errors/{PayloadTooLarge}";
        context.ProblemDetails.Title = Codes[PayloadTooLarge].Title;
        context.ProblemDetails.Detail = TooLargeDetail;
        context.ProblemDetails.Extensions["code"] = PayloadTooLarge;
    }

    public static ProblemHttpResult Create(string code, string detail, IDictionary<string, string[]>? errors = null)
    {
        var (status, title) = Codes.TryGetValue(code, out var entry) ? entry : (500, "Error.");
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errors is not null)
            extensions["errors"] = errors;
        return TypedResults.Problem(detail, statusCode: status, title: title, type: $"/errors/{code}", extensions: extensions);
    }
}
