using OrderSilo.Api.Common;
using OrderSilo.Contracts.Catalog;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Api.Catalog;

public static class ProductValidator
{
    public static Product? Validate(string productId, ProductBody? body, ValidationErrors errors)
    {
        if (!Ids.IsValid(productId, "prd_"))
            errors.Add("productId", "An id of the form prd_… (letters, digits, '_' and '-', at most 64 characters).");
        if (body is null)
        {
            errors.Add("body", "Send a JSON object.");
            return null;
        }
        errors.Required("code", body.Code);
        errors.MaxLength("code", body.Code, 64);
        errors.Required("name", body.Name);
        errors.MaxLength("name", body.Name, 200);
        OneOf(errors, "kind", body.Kind, ProductKinds.Kinds);
        OneOf(errors, "valueType", body.ValueType, ProductKinds.ValueTypes);
        OneOf(errors, "delivery", body.Delivery ?? ProductKinds.Realtime, ProductKinds.Deliveries);
        if (body.VoucherType is not null || body.Kind == ProductKinds.Voucher)
            OneOf(errors, "voucherType", body.VoucherType ?? "code", ProductKinds.VoucherTypes);
        if (!Currencies.IsSupported(body.Currency))
            errors.Add("currency", "A supported ISO 4217 code (upper case, such as USD).");
        errors.Required("taxCategory", body.TaxCategory);
        if (body.OrderQuantityLimit is < 1)
            errors.Add("orderQuantityLimit", "At least 1.");
        if (body.ValidityDays is < 1)
            errors.Add("validityDays", "At least 1.");
        if (body.AffiliateCommissionPercent is < 0 or > 100)
            errors.Add("affiliateCommissionPercent", "A percent from 0 to 100.");
        ValidateValues(body, errors);
        if (errors.Any)
            return null;

        return new Product
        {
            ProductId = productId,
            Code = body.Code!,
            Name = body.Name!,
            Description = body.Description,
            Kind = body.Kind!,
            Currency = body.Currency!,
            UnitCost = body.UnitCost,
            UnitCostNotes = body.UnitCostNotes,
            Terms = body.Terms,
            DeliveryTerms = body.DeliveryTerms,
            TaxCategory = body.TaxCategory!,
            Tangible = body.Tangible ?? false,
            ValueType = body.ValueType!,
            Denominations = [.. body.Denominations ?? []],
            MinValue = body.MinValue,
            MaxValue = body.MaxValue,
            OrderQuantityLimit = body.OrderQuantityLimit ?? 10,
            IsPhoneNumberMandatory = body.IsPhoneNumberMandatory ?? false,
            Delivery = body.Delivery ?? ProductKinds.Realtime,
            VoucherType = body.Kind == ProductKinds.Voucher ? body.VoucherType ?? "code" : body.VoucherType,
            ValidityDays = body.ValidityDays ?? 365,
            RequiresSavedCard = body.RequiresSavedCard ?? false,
            AffiliateCommissionPercent = body.AffiliateCommissionPercent,
        };
    }

    private static void ValidateValues(ProductBody body, ValidationErrors errors)
    {
        var exact = Currencies.IsSupported(body.Currency)
            ? (Func<decimal, bool>)(d => Currencies.IsExact(d, body.Currency!))
            : _ => true;
        switch (body.ValueType)
        {
            case ProductKinds.FixedDenomination:
                if (body.Denominations is not { Count: > 0 } || body.Denominations.Any(d => d <= 0 || !exact(d)))
                    errors.Add("denominations", "At least one positive amount in whole minor units of the currency.");
                break;
            case ProductKinds.OpenValue:
                if (body.MinValue is not > 0)
                    errors.Add("minValue", "Required for open_value products: a positive amount.");
                if (body.MaxValue is not { } max)
                    errors.Add("maxValue", "Required for open_value products.");
                else if (max < body.MinValue)
                    errors.Add("maxValue", "Not below minValue.");
                break;
            case ProductKinds.FixedPrice:
                if (body.UnitCost is not >= 0)
                    errors.Add("unitCost", "Required for fixed_price products: an amount of at least 0.");
                break;
        }
        if (body.UnitCost is < 0)
            errors.Add("unitCost", "At least 0.");
    }

    private static void OneOf(ValidationErrors errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is null || !allowed.Contains(value))
            errors.Add(field, $"One of: {string.Join(", ", allowed)}.");
    }
}
