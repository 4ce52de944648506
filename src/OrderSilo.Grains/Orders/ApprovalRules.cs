using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// Who approves a purchase order, by the company's approval policy (docs/security.md): the operator always; the
/// account itself only in mode <c>account</c>, and the automatic rule only in mode <c>auto</c>, each up to
/// <see cref="ApprovalPolicy.AutoApproveUpTo"/> when the policy has a cap.
/// </summary>
public static class ApprovalRules
{
    /// <summary>True when a purchase order of <paramref name="total"/> is approved as it is placed.</summary>
    public static bool ApprovedOnPlacement(ApprovalPolicy policy, bool requested, decimal total) => policy.Mode switch
    {
        ApprovalModes.Auto => WithinCap(policy, total),
        ApprovalModes.Account => requested && WithinCap(policy, total),
        _ => false,
    };

    /// <summary>Why <paramref name="actor"/> may not approve an order of <paramref name="total"/>, or null.</summary>
    public static DomainError? Refusal(Actor actor, ApprovalPolicy policy, decimal total, string currency)
    {
        if (actor.Role == ActorRole.Operator)
            return null;
        if (actor.Role == ActorRole.Tenant && policy.Mode == ApprovalModes.Account && WithinCap(policy, total))
            return null;
        var reason = policy.Mode == ApprovalModes.Account
            ? $"the account approves orders up to {policy.AutoApproveUpTo} {currency}, and this one is {total} {currency}"
            : "the seller approves this company's purchase orders";
        return new DomainError(ErrorCodes.Forbidden, $"Not yours to approve: {reason}.", "orderId");
    }

    private static bool WithinCap(ApprovalPolicy policy, decimal total) => policy.AutoApproveUpTo is not { } cap || total <= cap;
}
