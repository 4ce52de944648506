namespace OrderSilo.Api.Common;

/// <summary>Collects field errors of one request; empty when the request is valid.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors;
    private readonly string _prefix;

    public ValidationErrors() : this([], "")
    {
    }

    private ValidationErrors(Dictionary<string, List<string>> errors, string prefix) => (_errors, _prefix) = (errors, prefix);

    public bool Any => _errors.Count > 0;

    /// <summary>The same collection, naming fields under <paramref name="prefix"/> (such as <c>records[3].</c>).</summary>
    public ValidationErrors Under(string prefix) => new(_errors, _prefix + prefix);

    public void Add(string field, string message)
    {
        field = _prefix + field;
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
    }

    public void Required(string field, object? value)
    {
        if (value is null || value is string { Length: 0 })
            Add(field, "Required.");
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
            Add(field, $"At most {max} characters.");
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
