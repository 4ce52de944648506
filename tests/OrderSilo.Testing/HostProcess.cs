using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrderSilo.Testing;

/// <summary>A silo or API host running as a real process, so tests can stop it gracefully or kill it outright.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string>? _everything;
    private int _disposed;

    private HostProcess(string name, Process process, bool keepAllOutput)
    {
        Name = name;
        _process = process;
        _everything = keepAllOutput ? new() : null;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string RecentOutput => string.Join('\n', _output);

    /// <summary>Every line the process wrote to standard output and error (started with keepAllOutput).</summary>
    public IReadOnlyList<string> AllOutput =>
        _everything is { } all ? [.. all] : throw new InvalidOperationException($"{Name} was started without keepAllOutput.");

    public int ExitCode => _process.ExitCode;

    public static HostProcess Start(string name, string project, IReadOnlyDictionary<string, string> environment, bool keepAllOutput = false)
    {
        var dll = RepositoryRoot.HostDll(project);
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {project}.");
        return new HostProcess(name, process, keepAllOutput);
    }

    /// <summary>Waits for the process to end by itself; kills it and fails when it does not within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            throw new TimeoutException($"{Name} was still running after {timeout}.\n{RecentOutput}");
        }
        // The exit event can come before the last redirected lines: wait for the end of both streams.
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once, mid-request, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then up to <paramref name="timeout"/> for a graceful shutdown before killing.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
            return;
        await Shell.RunAsync("kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>Stops and releases the process; a second call (a test's, then its system's) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _everything?.Enqueue(line);
        _output.Enqueue(line);
        while (_output.Count > 200)
            _output.TryDequeue(out _);
    }
}
