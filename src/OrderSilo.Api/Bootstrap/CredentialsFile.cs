namespace OrderSilo.Api.Bootstrap;

/// <summary>
/// Where generated credentials are kept (<c>ORDERSILO_CREDENTIALS_FILE</c>): <c>KEY=value</c> lines, as run.sh's
/// <c>.ordersilo/credentials.env</c>, in a file only its owner may read or write (0600). A key already in the file is
/// used again, so a restarted host keeps its credentials. Secrets are never written anywhere else, logs included.
/// </summary>
public sealed class CredentialsFile(string path)
{
    public const string SettingKey = "ORDERSILO_CREDENTIALS_FILE";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Path { get; } = path;

    /// <summary><c>$HOME/.ordersilo/credentials.env</c> unless the setting names another file.</summary>
    public static CredentialsFile From(IConfiguration configuration) =>
        new(configuration[SettingKey] is { Length: > 0 } path
            ? path
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ordersilo", "credentials.env"));

    /// <summary>The value of <paramref name="key"/> in the file (the last one), or null.</summary>
    public string? Read(string key)
    {
        if (!File.Exists(Path))
            return null;
        var prefix = key + "=";
        return File.ReadLines(Path).LastOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal)) is { } line && line.Length > prefix.Length
            ? line[prefix.Length..]
            : null;
    }

    /// <summary>Appends the lines, creating the file and its folder private to this user.</summary>
    public void Append(IEnumerable<(string Key, string Value)> entries)
    {
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } folder && !Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(folder);
            else
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(Path, options))
        using (var writer = new StreamWriter(stream))
        {
            foreach (var (key, value) in entries)
                writer.WriteLine($"{key}={value}");
        }
        // A file that existed before may have been readable by others: it holds secrets now.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path, OwnerOnly);
    }
}
