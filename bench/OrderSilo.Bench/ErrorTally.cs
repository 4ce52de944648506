namespace OrderSilo.Bench;

/// <summary>How often one kind of failure happened, with the first example seen.</summary>
internal sealed record ErrorTally(long Count, string Sample);
