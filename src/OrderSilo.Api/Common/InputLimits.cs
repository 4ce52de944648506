using System.ComponentModel.DataAnnotations;

namespace OrderSilo.Api.Common;

/// <summary>
/// Bounds on what one request may bring in (section <c>Limits</c>, docs/security.md). The fixed bounds of single
/// fields (lengths, keys, lines) are beside the fields they bound; these are the ones an operator may need to move.
/// </summary>
public sealed class InputLimits
{
    public const string Section = "Limits";

    /// <summary>The largest request body, in bytes; a larger one is answered 413 <c>payload_too_large</c> unread.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The most vouchers one order may hold: every unit of every line is one voucher.</summary>
    [Range(1, 100_000)]
    public int MaxVouchersPerOrder { get; set; } = 1000;
}
