namespace OrderSilo.Api.Tests.Operations;

/// <summary>Who calls each operation of <see cref="AuthorizationMatrix"/>, always with the owner's ids in the path.</summary>
internal enum Caller
{
    /// <summary>A tenant's API client, of the account that has the resources.</summary>
    Owner,

    /// <summary>A tenant's API client of another account.</summary>
    OtherTenant,

    /// <summary>The seller's API client, scope <c>admin</c>.</summary>
    Operator,

    /// <summary>No <c>Authorization</c> header at all.</summary>
    NoToken,
}
