using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace OrderSilo.Hosting;

/// <summary>
/// Start-up validation of a host's settings, before anything starts: every problem is one line naming the
/// setting as the environment variable that sets it, and the host exits with <see cref="ExitCode"/>. Values are
/// never echoed where they may be secret (connection strings, keys).
/// </summary>
internal sealed partial class SettingsCheck(IConfiguration configuration, string host)
{
    public const int ExitCode = 2;

    private readonly List<string> _problems = [];

    public bool Failed => _problems.Count > 0;

    /// <summary>A setting's value by configuration key (<c>Auth:SigningKey</c>); an empty value counts as unset.</summary>
    public string? Value(string key) => configuration[key] is { Length: > 0 } value ? value : null;

    public void Fail(string key, string problem) => _problems.Add($"{host}: setting {EnvironmentName(key)} {problem}");

    /// <summary><c>Auth:SigningKey</c> as it is set in the environment: <c>Auth__SigningKey</c>.</summary>
    public static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>A required Npgsql connection string that parses and names a host.</summary>
    public string ConnectionString(string key)
    {
        if (Value(key) is not { } value)
        {
            Fail(key, "is not set: give the Npgsql connection string of the OrderSilo database (Host=…;Database=…;Username=…).");
            return "";
        }
        try
        {
            if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(value).Host))
                Fail(key, "names no Host.");
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // The parser's message may quote the string, password included: name only the kind of fault.
            Fail(key, $"is not a valid Npgsql connection string ({error.GetType().Name}).");
        }
        return value;
    }

    /// <summary>A required base64 key of at least <paramref name="minimumBytes"/> bytes.</summary>
    public void Base64Key(string key, int minimumBytes)
    {
        if (Value(key) is not { } value)
        {
            Fail(key, $"is not set: give a base64 key of at least {minimumBytes} random bytes (head -c 32 /dev/urandom | base64).");
            return;
        }
        var bytes = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, bytes, out var length))
            Fail(key, "is not base64.");
        else if (length < minimumBytes)
            Fail(key, $"decodes to {length} bytes; it needs at least {minimumBytes}.");
    }

    public int Port(string key, int fallback, bool allowZero = false)
    {
        var port = Number(key, fallback);
        if (port < (allowZero ? 0 : 1) || port > 65535)
            Fail(key, $"is {port}: give a port number from {(allowZero ? 0 : 1)} to 65535.");
        return port;
    }

    public int Number(string key, int fallback)
    {
        if (Value(key) is not { } value)
            return fallback;
        if (int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
            return number;
        Fail(key, $"is '{value}', not a whole number.");
        return fallback;
    }

    public bool Flag(string key, bool fallback)
    {
        if (Value(key) is not { } value)
            return fallback;
        if (bool.TryParse(value, out var flag))
            return flag;
        Fail(key, $"is '{value}': give true or false.");
        return fallback;
    }

    public Uri? AbsoluteUri(string key)
    {
        if (Value(key) is not { } value)
            return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri;
        Fail(key, $"is '{value}': give an absolute http:// or https:// address.");
        return null;
    }

    /// <summary>
    /// Binds a section to <typeparamref name="T"/> and checks its data annotations, reporting each fault under
    /// the key that set it; answers the defaults when the section cannot be read.
    /// </summary>
    public T Section<T>(string section) where T : class, new()
    {
        T options;
        try
        {
            options = configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException error)
        {
            var match = BinderFault().Match(error.Message);
            Fail(match.Success ? match.Groups["key"].Value : section,
                match.Success ? $"cannot be read as {Simple(match.Groups["type"].Value)}." : $"cannot be read: {error.Message}");
            return new T();
        }
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            foreach (var result in results)
                Fail($"{section}:{result.MemberNames.FirstOrDefault() ?? "?"}", $"is not valid: {result.ErrorMessage}");
        }
        return options;
    }

    /// <summary>
    /// A setting that only fails once the host resolves its options (a malformed value of a section bound with
    /// <c>Configure</c>): the same one line as the up-front checks, or null for any other exception.
    /// </summary>
    public string? Describe(Exception error) => error switch
    {
        InvalidOperationException when BinderFault().Match(error.Message) is { Success: true } match =>
            $"{host}: setting {EnvironmentName(match.Groups["key"].Value)} cannot be read as {Simple(match.Groups["type"].Value)}.",
        Microsoft.Extensions.Options.OptionsValidationException invalid =>
            $"{host}: settings of {invalid.OptionsType.Name} are not valid: {string.Join(" ", invalid.Failures)}",
        // Hosts and Orleans' lifecycle wrap what failed in a start-up stage.
        AggregateException aggregate => aggregate.InnerExceptions.Select(Describe).FirstOrDefault(d => d is not null),
        _ => error.InnerException is { } inner ? Describe(inner) : null,
    };

    /// <summary>Writes every problem, one a line; answers the exit code (0 when there is none).</summary>
    public int Report(TextWriter error)
    {
        foreach (var problem in _problems)
            error.WriteLine(problem);
        return Failed ? ExitCode : 0;
    }

    private static string Simple(string typeName) => typeName[(typeName.LastIndexOf('.') + 1)..];

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderFault();
}
