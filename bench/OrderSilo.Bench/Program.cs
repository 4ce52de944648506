using OrderSilo.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

BenchResults results;
try
{
    results = await new Benchmark(options, Console.Out).RunAsync(cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("benchmark interrupted; nothing recorded");
    return 130;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or Npgsql.NpgsqlException)
{
    var reasons = string.Join(" ← ", Causes(e).Select(c => c.Message));
    Console.Error.WriteLine($"benchmark failed: {reasons}");
    return 1;
}

Report.ToConsole(results, Console.Out);
if (results.Steps.Any(s => s.Successes == 0))
{
    Console.Error.WriteLine($"a step had no successful operation; nothing recorded in {options.Out}");
    return 1;
}

await Report.AppendMarkdownAsync(results, options.Out, CancellationToken.None);
Console.WriteLine($"recorded in {options.Out}");
return 0;

static IEnumerable<Exception> Causes(Exception e)
{
    for (Exception? cause = e; cause is not null; cause = cause.InnerException)
    {
        yield return cause;
    }
}
