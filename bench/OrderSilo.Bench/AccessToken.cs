namespace OrderSilo.Bench;

/// <summary>A bearer token and the moment, on the Stopwatch clock, after which it should be renewed.</summary>
internal sealed record AccessToken(string Value, string Scope, long RenewAfter);
