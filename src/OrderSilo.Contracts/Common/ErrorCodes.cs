namespace OrderSilo.Contracts.Common;

/// <summary>The stable error codes of the HTTP contract (see API.md, "Error codes").</summary>
public static class ErrorCodes
{
    /// <summary>A malformed body or field.</summary>
    public const string ValidationFailed = "validation_failed";
    /// <summary>The caller may not do this (the trust model, docs/security.md), whatever the request says.</summary>
    public const string Forbidden = "forbidden";
    /// <summary>No such resource in the caller's account.</summary>
    public const string NotFound = "not_found";
    /// <summary>A quantity above the product's order quantity limit.</summary>
    public const string QuantityLimitExceeded = "quantity_limit_exceeded";
    /// <summary>A stale version.</summary>
    public const string VersionConflict = "version_conflict";
    /// <summary>A transition not allowed from the current status.</summary>
    public const string InvalidState = "invalid_state";
    /// <summary>A poNumber already used with a different body.</summary>
    public const string PoNumberReused = "po_number_reused";
    /// <summary>The company's available credit is too low for the order.</summary>
    public const string CreditLimitExceeded = "credit_limit_exceeded";
    /// <summary>A denomination the product does not offer.</summary>
    public const string InvalidDenomination = "invalid_denomination";
    /// <summary>The product needs the recipient's phone number.</summary>
    public const string PhoneRequired = "phone_required";
    /// <summary>The lines or the requested currency do not share one currency.</summary>
    public const string CurrencyMismatch = "currency_mismatch";
    /// <summary>The product or payment type is not offered by this version of the service.</summary>
    public const string Unsupported = "unsupported";
    /// <summary>A resource with the same unique value already exists.</summary>
    public const string Conflict = "conflict";
    /// <summary>A valid record of an atomic batch that was not placed because another record was refused.</summary>
    public const string BatchNotPlaced = "batch_not_placed";
    /// <summary>The product, or accepting with autoPay, needs a saved card the company does not have.</summary>
    public const string SavedCardRequired = "saved_card_required";
    /// <summary>The payment gateway declined the saved card.</summary>
    public const string CardDeclined = "card_declined";
    /// <summary>The free payment type on an order whose total is not zero.</summary>
    public const string NotFree = "not_free";
    /// <summary>A purchase order for a company without a billing name.</summary>
    public const string BillingNameRequired = "billing_name_required";
    /// <summary>An order paid from the prepaid balance that is larger than the balance.</summary>
    public const string InsufficientBalance = "insufficient_balance";
    /// <summary>The payment gateway refused to give card money back.</summary>
    public const string RefundFailed = "refund_failed";
    /// <summary>A refund larger than what was paid and not yet refunded.</summary>
    public const string RefundTooLarge = "refund_exceeds_paid";
    /// <summary>A payment larger than what the order still owes.</summary>
    public const string Overpayment = "overpayment";
    /// <summary>The account already has as many of this resource as it may (such as webhook endpoints).</summary>
    public const string LimitExceeded = "limit_exceeded";
    /// <summary>A coupon that cannot be used: unknown, disabled, not started, expired, used up, wrong currency, not applicable.</summary>
    public const string PromotionUnavailable = "promotion_unavailable";
}
