namespace OrderSilo.Api.Pricing;

/// <summary>Something that would refuse the order: its error code, a sentence, and the request field at fault.</summary>
public sealed record PreviewError(string Code, string Detail, string? Field);
