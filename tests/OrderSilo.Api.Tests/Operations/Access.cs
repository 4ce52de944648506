namespace OrderSilo.Api.Tests.Operations;

/// <summary>What one caller gets from one operation in <see cref="AuthorizationMatrix"/>, read from the answer.</summary>
internal enum Access
{
    /// <summary>
    /// Past the token, the policy and the ownership check, answered by the operation's handler: a 2xx, or 400, 409 or
    /// 422 about the request. The probe body <c>{}</c> may well answer 400 <c>validation_failed</c>, and an order in a
    /// status the step does not fit 409 <c>invalid_state</c>. Never a 404: every id in the path names something of
    /// the owner's that exists, or of the catalog, which every tenant sees.
    /// </summary>
    Allowed,

    /// <summary>403 problem+json <c>forbidden</c>: the policy refuses the token's scope, or the grain the actor's role.</summary>
    Forbidden,

    /// <summary>404 problem+json <c>not_found</c>: another account's resource answers as if it did not exist.</summary>
    Hidden,

    /// <summary>401 problem+json <c>unauthorized</c>: the call has no bearer token.</summary>
    Unauthenticated,
}
