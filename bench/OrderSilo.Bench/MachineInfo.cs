using System.Globalization;
using System.Runtime.InteropServices;

namespace OrderSilo.Bench;

/// <summary>What the figures were measured on: they mean nothing without it.</summary>
internal sealed record MachineInfo(string Cpu, int Processors, string Memory, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        FirstValue("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        MemoryText(),
        FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') is { } distribution
            ? $"{distribution}, kernel {Environment.OSVersion.Version}"
            : RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    private static string MemoryText()
    {
        // /proc/meminfo: "MemTotal:       24634064 kB"
        var total = FirstValue("/proc/meminfo", "MemTotal", ':');
        return total is not null
            && long.TryParse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0 / 1024.0:0.0} GiB")
            : "unknown";
    }

    private static string? FirstValue(string path, string key, char separator)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Select(line => line.Split(separator, 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == key)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }
}
