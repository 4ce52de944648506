using System.Text.RegularExpressions;

namespace OrderSilo.Api.Common;

/// <summary>The shapes of simple fields, checked the same way on every endpoint.</summary>
public static partial class FieldShapes
{
    public static bool IsEmail(string? value) => value is { Length: <= 254 } && Email().IsMatch(value);

    public static bool IsCountry(string? value) => value is not null && CountryCodes.All.Contains(value);

    public static bool IsPhone(string? value) => value is not null && Phone().IsMatch(value);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{6,32}$")]
    private static partial Regex Phone();
}
