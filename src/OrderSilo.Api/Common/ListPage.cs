namespace OrderSilo.Api.Common;

/// <summary>A page of a list: <c>{data, nextCursor}</c>; <c>nextCursor</c> is null on the last page.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Data, string? NextCursor);
