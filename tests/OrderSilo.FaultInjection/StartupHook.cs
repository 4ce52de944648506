using System.Reflection;
using System.Runtime.Loader;

/// <summary>
/// Runs before the silo's Main (DOTNET_STARTUP_HOOKS loads this assembly by path). The hosting startup that adds the
/// faults is then loaded by name, which the silo's own dependency list does not know: this answers that name.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        AssemblyLoadContext.Default.Resolving += (_, name) =>
            AssemblyName.ReferenceMatchesDefinition(name, self.GetName()) ? self : null;
    }
}
