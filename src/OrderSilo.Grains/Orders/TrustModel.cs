using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// Who may move money on an order, enforced here in the grains whatever the HTTP edge let through (docs/security.md
/// has the whole table; approvals are in <see cref="ApprovalRules"/>).
/// </summary>
public static class TrustModel
{
    /// <summary>Money received by wire, check or cash is the seller's word: the operator's only.</summary>
    public static DomainError? RecordPaymentRefusal(Actor actor) => actor.Role == ActorRole.Operator
        ? null
        : new DomainError(ErrorCodes.Forbidden,
            "Only the seller records money received. Pay by card on the order's paymentLink, or with autoPay and the saved card.", "orderId");

    /// <summary>Accepting a quote is the buyer's decision: its tenant's only.</summary>
    public static DomainError? AcceptRefusal(Actor actor) => actor.Role == ActorRole.Tenant
        ? null
        : new DomainError(ErrorCodes.Forbidden, "Only the buyer accepts its quote.", "orderId");

    /// <summary>A top-up says money arrived, and a refund gives money back: the operator's only.</summary>
    public static DomainError? OperatorOnlyRefusal(Actor actor, string what, string field) => actor.Role == ActorRole.Operator
        ? null
        : new DomainError(ErrorCodes.Forbidden, $"Only the seller {what}.", field);
}
