using System.Security.Cryptography;
using System.Text;

namespace OrderSilo.Grains.Payments;

/// <summary>
/// The built-in sandbox provider, for development and tests (docs/lifecycles.md): <c>tok_visa</c> and
/// <c>tok_mastercard</c> succeed, <c>tok_chargeDeclined</c> is declined, <c>tok_timeout</c> never answers (the
/// caller's timeout fires). It keeps no state: a charge id is derived from the idempotency key, so a repeated
/// charge answers the same id, as a real provider's idempotency would.
/// </summary>
public sealed class SandboxPaymentGateway : IPaymentGateway
{
    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellation)
    {
        switch (request.CardToken)
        {
            case "tok_visa" or "tok_mastercard":
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes(request.IdempotencyKey));
                return new ChargeResult(true, "ch_sandbox_" + Convert.ToHexStringLower(hash)[..24], null);
            case "tok_chargeDeclined":
                return new ChargeResult(false, null, "The card was declined (sandbox token tok_chargeDeclined).");
            case "tok_timeout":
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellation);
                }
                catch (OperationCanceledException)
                {
                }
                throw new TimeoutException("The payment gateway did not answer in time (sandbox token tok_timeout).");
            default:
                return new ChargeResult(false, null, "The gateway does not know this card token.");
        }
    }
}
