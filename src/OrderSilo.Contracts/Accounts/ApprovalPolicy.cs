namespace OrderSilo.Contracts.Accounts;

/// <summary>The operator's rule for approving a company's purchase orders (null on a child: its parent's applies).</summary>
/// <param name="Mode">One of <see cref="ApprovalModes"/>.</param>
/// <param name="AutoApproveUpTo">The largest order total the account or the automatic rule may approve; null = any.</param>
[GenerateSerializer, Immutable, Alias("OrderSilo.ApprovalPolicy")]
public sealed record ApprovalPolicy(
    [property: Id(0)] string Mode,
    [property: Id(1)] decimal? AutoApproveUpTo = null)
{
    /// <summary>The operator approves (what a home company starts with).</summary>
    public static readonly ApprovalPolicy Default = new(ApprovalModes.Operator);
}
