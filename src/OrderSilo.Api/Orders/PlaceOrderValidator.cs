using System.Collections.Immutable;
using OrderSilo.Api.Common;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Orders;

/// <summary>
/// Checks the shape of a place-order body and normalises it into a <see cref="PlaceOrder"/>. Rules that need
/// the catalog (denominations, quantity limits, phone) are the grains'.
/// </summary>
public static class PlaceOrderValidator
{
    public const int MaxLines = 100;
    /// <summary>Bounds of the free-form maps (metadata, billingDetails, productDetails): keys, key length, value length.</summary>
    public const int MaxMetadataKeys = 50;
    public const int MaxKeyLength = 40;
    public const int MaxValueLength = 500;

    public static PlaceOrder? Validate(PlaceOrderRequest? body, string homeCompanyId, InputLimits limits, ValidationErrors errors)
    {
        if (body is null)
        {
            errors.Add("body", "Send a JSON object.");
            return null;
        }
        var poNumber = PoNumbers.Read("poNumber", body.PoNumber, errors);
        if (body.Currency is not null && !Currencies.IsSupported(body.Currency))
            errors.Add("currency", "Not a supported ISO 4217 code (upper case, such as USD).");
        errors.MaxLength("tag", body.Tag, 100);
        errors.MaxLength("description", body.Description, 1000);
        errors.MaxLength("reference", body.Reference, 100);
        var lines = ValidateLines(body.LineItems, limits, errors);
        ValidateRecipient(body.Recipient, errors);
        var payment = ValidatePayment(body.Payment, errors);
        var metadata = ValidateMetadata(body.Metadata, errors);
        var coupons = ValidateCoupons(body.CouponCodes, errors);
        var billingDetails = OrderDetails.Read("billingDetails", body.BillingDetails, errors);
        if (errors.Any)
            return null;

        return new PlaceOrder
        {
            PoNumber = poNumber!,
            CompanyId = body.CompanyId ?? homeCompanyId,
            Currency = body.Currency,
            LineItems = lines,
            Recipient = body.Recipient is { } r ? new Recipient(r.Email, r.Phone) : null,
            Tag = body.Tag,
            Description = body.Description,
            Reference = body.Reference,
            NotifyAdminEmail = body.NotifyAdminEmail ?? false,
            NotifyReceiverEmail = body.NotifyReceiverEmail ?? false,
            CouponCodes = coupons,
            Payment = payment,
            BillingDetails = billingDetails,
            Metadata = metadata,
        };
    }

    /// <summary>Coupon codes as sent (at most 10; whether each can be used is the pricing's answer).</summary>
    internal static ImmutableArray<string> ValidateCoupons(IReadOnlyList<string?>? coupons, ValidationErrors errors)
    {
        coupons ??= [];
        if (coupons.Count > 10)
            errors.Add("couponCodes", "At most 10 coupon codes.");
        for (var i = 0; i < coupons.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(coupons[i]) || coupons[i]!.Length > 100)
                errors.Add($"couponCodes[{i}]", "A coupon code of 1 to 100 characters.");
        }
        return [.. coupons.Where(c => c is not null).Select(c => c!)];
    }

    /// <summary>
    /// The lines, at most <see cref="MaxLines"/>, and at most <see cref="InputLimits.MaxVouchersPerOrder"/> units in all:
    /// every unit is a voucher. Whether a product takes that many units is the catalog's rule (the grains').
    /// </summary>
    internal static ImmutableArray<OrderLineRequest> ValidateLines(IReadOnlyList<LineItemRequest?>? lines, InputLimits limits, ValidationErrors errors)
    {
        if (lines is null || lines.Count == 0 || lines.Count > MaxLines)
        {
            errors.Add("lineItems", $"From 1 to {MaxLines} line items.");
            return [];
        }
        var result = ImmutableArray.CreateBuilder<OrderLineRequest>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var field = $"lineItems[{i}]";
            if (lines[i] is not { } line)
            {
                errors.Add(field, "Required.");
                continue;
            }
            errors.Required(field + ".productId", line.ProductId);
            if (line.Quantity is null or < 1)
                errors.Add(field + ".quantity", "A whole number of at least 1.");
            if (line.Denomination is <= 0)
                errors.Add(field + ".denomination", "A positive amount.");
            result.Add(new OrderLineRequest(line.ProductId ?? "", line.Quantity ?? 0, line.Denomination,
                OrderDetails.Read(field + ".productDetails", line.ProductDetails, errors)));
        }
        var units = result.Sum(l => (long)l.Quantity);
        if (units > limits.MaxVouchersPerOrder)
            errors.Add("lineItems", $"At most {limits.MaxVouchersPerOrder} units (vouchers) per order; these lines ask for {units}.");
        return result.MoveToImmutable();
    }

    internal static void ValidateRecipient(RecipientRequest? recipient, ValidationErrors errors)
    {
        if (recipient?.Email is { } email && !FieldShapes.IsEmail(email))
            errors.Add("recipient.email", "Not an email address.");
        if (recipient?.Phone is { } phone && !FieldShapes.IsPhone(phone))
            errors.Add("recipient.phone", "A phone number: digits, spaces, '-', '(', ')' and a leading '+', 6 to 32 characters.");
    }

    private static PaymentRequest ValidatePayment(PaymentBody? payment, ValidationErrors errors)
    {
        var type = payment?.Type ?? PaymentTypes.Account;
        if (!PaymentTypes.All.Contains(type))
            errors.Add("payment.type", $"One of: {string.Join(", ", PaymentTypes.All)}.");
        errors.MaxLength("payment.internalPoNumber", payment?.InternalPoNumber, 100);
        if (type == PaymentTypes.PurchaseOrder)
            errors.Required("payment.internalPoNumber", payment?.InternalPoNumber);
        else if (payment?.InternalPoNumber is not null || payment?.AutoApprove is not null)
            errors.Add("payment", "internalPoNumber and autoApprove belong to purchase orders (type purchase_order).");
        return new PaymentRequest(type, payment?.AutoApprove ?? false, payment?.InternalPoNumber);
    }

    private static ImmutableSortedDictionary<string, string>? ValidateMetadata(IReadOnlyDictionary<string, string?>? metadata, ValidationErrors errors)
    {
        if (metadata is null)
            return null;
        if (metadata.Count > MaxMetadataKeys)
            errors.Add("metadata", $"At most {MaxMetadataKeys} keys.");
        foreach (var (key, value) in metadata)
        {
            if (key.Length is 0 or > MaxKeyLength)
                errors.Add($"metadata.{key}", $"Keys have 1 to {MaxKeyLength} characters.");
            if (value is null || value.Length > MaxValueLength)
                errors.Add($"metadata.{key}", $"Values are strings of at most {MaxValueLength} characters.");
        }
        return metadata.Where(m => m.Value is not null).ToImmutableSortedDictionary(m => m.Key, m => m.Value!, StringComparer.Ordinal);
    }
}
