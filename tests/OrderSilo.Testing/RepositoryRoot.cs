namespace OrderSilo.Testing;

/// <summary>The checkout the tests run from, and the build outputs of its hosts.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The build configuration folder of the running tests (<c>debug</c> or <c>release</c>).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Name;

    public static string HostDll(string project) =>
        System.IO.Path.Combine(Path, "artifacts", "bin", project, Configuration, project + ".dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrderSilo.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No OrderSilo.sln above {AppContext.BaseDirectory}.");
    }
}
