using System.Security.Cryptography;
using System.Text;

namespace OrderSilo.Grains.Payments;

/// <summary>
/// The built-in sandbox provider, for development and tests (docs/lifecycles.md): <c>tok_visa</c> and
/// <c>tok_mastercard</c> succeed, <c>tok_chargeDeclined</c> is declined, <c>tok_timeout</c> never answers (the
/// caller's timeout fires). It keeps no state: a charge id is derived from the idempotency key, so a repeated
/// charge answers the same id, as a real provider's idempotency would; refunds likewise (a refund always succeeds,
/// and the amounts are the caller's to keep within what was charged).
/// </summary>
public sealed class SandboxPaymentGateway : IPaymentGateway
{
    public async Task<ChargeResult> ChargeAsync(ChargeRequest request, CancellationToken cancellation)
    {
        switch (request.CardToken)
        {
            case "tok_visa" or "tok_mastercard":
                return new ChargeResult(true, IdOf("ch_sandbox_", request.IdempotencyKey), null);
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

    public Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellation) =>
        Task.FromResult(new RefundResult(true, IdOf("re_sandbox_", request.IdempotencyKey), null));

    private static string IdOf(string prefix, string idempotencyKey) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..24];
}
