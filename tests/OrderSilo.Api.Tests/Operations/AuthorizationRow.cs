namespace OrderSilo.Api.Tests.Operations;

/// <summary>
/// One operation of the OpenAPI document, as <c>METHOD /path</c>, and what each caller gets from it.
/// <paramref name="Consumes"/>: the allowed call may use up what its path names (it archives, cancels, approves,
/// deletes or revokes even with the probe body <c>{}</c>), so the row gets an order, webhook or client of its own.
/// </summary>
internal sealed record AuthorizationRow(string Operation, Access Owner, Access OtherTenant, Access Operator, Access NoToken, bool Consumes = false)
{
    public Access For(Caller caller) => caller switch
    {
        Caller.Owner => Owner,
        Caller.OtherTenant => OtherTenant,
        Caller.Operator => Operator,
        Caller.NoToken => NoToken,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };
}
