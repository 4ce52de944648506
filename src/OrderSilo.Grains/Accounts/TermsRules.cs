using System.Collections.Immutable;
using System.Text.Json;
using OrderSilo.Contracts.Accounts;
using OrderSilo.Contracts.Common;

namespace OrderSilo.Grains.Accounts;

/// <summary>
/// The operator's terms of trade with a company (credit limit, payment terms, approval policy), each change written
/// to the company's change log with who made it. New companies start with no credit and, at the top of an account,
/// with the operator approving; a child company follows its parent's approval policy until it has one of its own.
/// </summary>
public static class TermsRules
{
    /// <summary>A company as it is created: whatever the caller asked, no credit until the operator gives some.</summary>
    public static Company Opened(Company company)
    {
        var zero = Currencies.Round(0m, company.Currency);
        return company with
        {
            CreditLimit = zero,
            AvailableCredit = zero,
            ApprovalPolicy = company.ParentCompanyId is null ? ApprovalPolicy.Default : null,
        };
    }

    public static Outcome<CompanyState> Apply(CompanyState state, CompanyTerms terms, Actor actor, DateTimeOffset now)
    {
        if (actor.Role != ActorRole.Operator)
            return Outcome<CompanyState>.Fail(ErrorCodes.Forbidden, "Only the seller sets a company's credit, payment terms and approval policy.", "companyId");
        var before = state.Company!;
        var next = state;
        if (terms.SetsCreditLimit)
        {
            var limited = CreditRules.SetLimit(next, terms.CreditLimit);
            if (limited.Failed)
                return limited;
            next = limited.Value!;
        }
        if (terms.PaymentTermsDays is { } days)
            next = next with { Company = next.Company! with { PaymentTermsDays = days } };
        if (terms.SetsApprovalPolicy)
        {
            if (PolicyRefusal(terms.ApprovalPolicy, before) is { } refusal)
                return Outcome<CompanyState>.Fail(refusal);
            var policy = terms.ApprovalPolicy is { } p && p.AutoApproveUpTo is { } cap ? p with { AutoApproveUpTo = Currencies.Round(cap, before.Currency) } : terms.ApprovalPolicy;
            // The home company always has a policy of its own: null there means the default.
            next = next with { Company = next.Company! with { ApprovalPolicy = policy ?? (before.ParentCompanyId is null ? ApprovalPolicy.Default : null) } };
        }
        var after = next.Company!;
        var changes = ImmutableArray.CreateBuilder<CompanyChange>();
        Log(changes, now, actor, "creditLimit", before.CreditLimit, after.CreditLimit);
        Log(changes, now, actor, "paymentTermsDays", before.PaymentTermsDays, after.PaymentTermsDays);
        Log(changes, now, actor, "approvalPolicy", before.ApprovalPolicy, after.ApprovalPolicy);
        return Outcome<CompanyState>.Ok(next with { Changes = next.Changes.AddRange(changes) });
    }

    private static DomainError? PolicyRefusal(ApprovalPolicy? policy, Company company)
    {
        if (policy is null)
            return null;
        if (!ApprovalModes.All.Contains(policy.Mode))
            return new(ErrorCodes.ValidationFailed, $"approvalPolicy.mode is one of {string.Join(", ", ApprovalModes.All)}.", "approvalPolicy.mode");
        return policy.AutoApproveUpTo is { } cap && (cap < 0 || !Currencies.IsExact(cap, company.Currency))
            ? new(ErrorCodes.ValidationFailed, $"An amount of at least 0 in whole minor units of {company.Currency}.", "approvalPolicy.autoApproveUpTo")
            : null;
    }

    private static void Log<T>(ImmutableArray<CompanyChange>.Builder changes, DateTimeOffset now, Actor actor, string field, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
            changes.Add(new CompanyChange(now, actor.Name, field, Json(before), Json(after)));
    }

    private static string? Json<T>(T value) => value is null ? null : JsonSerializer.Serialize(value, PublicJson.Options);
}
