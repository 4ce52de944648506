namespace OrderSilo.Bench;

/// <summary>One of the targets, the value measured for it and whether it was met.</summary>
internal sealed record TargetCheck(string Figure, string Measured, string Target, bool Met);
