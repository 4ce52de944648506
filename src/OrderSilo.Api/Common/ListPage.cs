using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderSilo.Api.Common;

/// <summary>A page of a list: <c>{data, nextCursor}</c>; <c>nextCursor</c> is null on the last page.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Data, string? NextCursor);

/// <summary>Cursor pagination as API.md sets it: <c>?limit=</c> from 1 to 100 (default 25) and <c>?cursor=</c>.</summary>
public static class ListPage
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static ProblemHttpResult? InvalidLimit(int? limit) =>
        limit is < 1 or > MaxLimit
            ? ApiProblems.Validation("limit", $"From 1 to {MaxLimit}.")
            : null;

    public static int SizeOf(int? limit) => limit ?? DefaultLimit;

    /// <summary>The page from one more row than asked for: the extra row only says that a next page exists.</summary>
    public static ListPage<T> Of<T>(IReadOnlyList<T> rows, int size, Func<T, string> key)
    {
        var data = rows.Take(size).ToList();
        return new ListPage<T>(data, rows.Count > size ? key(data[^1]) : null);
    }
}
