namespace OrderSilo.Contracts.Accounts;

/// <summary>Who approves a company's purchase orders (<see cref="ApprovalPolicy.Mode"/>).</summary>
public static class ApprovalModes
{
    /// <summary>The operator only; a buyer's <c>autoApprove</c> is not honoured (the default).</summary>
    public const string Operator = "operator";
    /// <summary>The account approves its own (its <c>/approve</c>, or <c>autoApprove: true</c>), up to the cap.</summary>
    public const string Account = "account";
    /// <summary>Approved when placed, up to the cap; above it the operator approves.</summary>
    public const string Auto = "auto";

    /// <summary>Every mode.</summary>
    public static readonly string[] All = [Operator, Account, Auto];
}
