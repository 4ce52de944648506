using System.Globalization;
using Orleans;
using Polly.Timeout;

namespace OrderSilo.FaultInjection;

/// <summary>
/// Makes grain calls fail the ways a churning cluster or a library can: before or after the grain did its work, with
/// an InvalidOperationException, an ObjectDisposedException, an exception without a codec, or Orleans' own placement
/// timeout whose inner Polly exception has none. Only calls to or from a grain whose key contains
/// <c>ORDERSILO_FAULTS_MARKER</c> fail, each with probability <c>ORDERSILO_FAULTS_RATE</c>; a key containing
/// <c>ORDERSILO_FAULTS_BUG_MARKER</c> always gets an ArgumentException, as a programming error would. Each fault is
/// written to standard output as one line starting with <see cref="LinePrefix"/>, so a test can count them.
/// </summary>
public sealed class RandomFaults(string marker, double rate, string bugMarker) : IIncomingGrainCallFilter
{
    public const string LinePrefix = "fault-injection:";
    public const string DefaultMarker = "/fault-";
    public const string DefaultBugMarker = "/bug-";

    public static RandomFaults FromEnvironment() => new(
        Environment.GetEnvironmentVariable("ORDERSILO_FAULTS_MARKER") ?? DefaultMarker,
        double.Parse(Environment.GetEnvironmentVariable("ORDERSILO_FAULTS_RATE") ?? "0.1", CultureInfo.InvariantCulture),
        Environment.GetEnvironmentVariable("ORDERSILO_FAULTS_BUG_MARKER") ?? DefaultBugMarker);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var keys = $"{context.TargetId.Key} {context.SourceId?.Key}";
        var call = $"{context.InterfaceName}.{context.MethodName}";
        if (keys.Contains(bugMarker, StringComparison.Ordinal))
            throw Fault("argument", "before", call);
        if (!keys.Contains(marker, StringComparison.Ordinal) || Random.Shared.NextDouble() >= rate)
        {
            await context.Invoke();
            return;
        }
        string[] kinds = ["invalid-operation", "object-disposed", "codec-less", "placement-timeout"];
        var kind = kinds[Random.Shared.Next(kinds.Length)];
        if (Random.Shared.Next(2) == 0)
            throw Fault(kind, "before", call);
        await context.Invoke();
        throw Fault(kind, "after", call);
    }

    private static Exception Fault(string kind, string when, string call)
    {
        Console.Out.WriteLine($"{LinePrefix} {kind} {when} {call}");
        var message = $"Injected {kind} fault {when} {call}.";
        return kind switch
        {
            "argument" => new ArgumentException(message, nameof(kind)),
            "invalid-operation" => new InvalidOperationException(message),
            "object-disposed" => new ObjectDisposedException("injected", message),
            "codec-less" => new CodecLessException(message),
            _ => new TimeoutException(message, new TimeoutRejectedException(message)),
        };
    }
}
