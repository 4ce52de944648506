using System.Globalization;

namespace OrderSilo.Bench;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: OrderSilo.Bench [options]
          --url URL              base address of the API host (default http://127.0.0.1:5080)
          --pg CONNSTRING        Npgsql connection string of the system's database
                                 (default $ORDERSILO_PG, else Host=127.0.0.1;Port=54329;Username=postgres;Database=ordersilo)
          --admin-id ID          operator client id (default $ORDERSILO_ADMIN_CLIENT_ID)
          --admin-secret SECRET  operator client secret (default $ORDERSILO_ADMIN_CLIENT_SECRET)
          --seconds N            length of each measured step (default 10)
          --history-orders N     orders seeded for the one company of the order-history step (default 1000000;
                                 its account gets a tenth more for three other companies); 0 skips the step
          --out PATH             markdown file the dated results are appended to (default docs/benchmarks.md)
          --label TEXT           free text recorded with the results (e.g. "2 silos, commit abc123")
          --help                 this text
        """;

    public Uri Url { get; init; } = new("http://127.0.0.1:5080");
    public string Pg { get; init; } = "Host=127.0.0.1;Port=54329;Username=postgres;Database=ordersilo";
    public string AdminId { get; init; } = "";
    public string AdminSecret { get; init; } = "";
    public int Seconds { get; init; } = 10;
    public int HistoryOrders { get; init; } = 1_000_000;
    public string Out { get; init; } = "docs/benchmarks.md";
    public string? Label { get; init; }
    public bool ShowHelp { get; init; }

    public TimeSpan StepDuration => TimeSpan.FromSeconds(Seconds);

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions
        {
            Pg = Environment.GetEnvironmentVariable("ORDERSILO_PG") is { Length: > 0 } pg
                ? pg
                : "Host=127.0.0.1;Port=54329;Username=postgres;Database=ordersilo",
            AdminId = Environment.GetEnvironmentVariable("ORDERSILO_ADMIN_CLIENT_ID") ?? "",
            AdminSecret = Environment.GetEnvironmentVariable("ORDERSILO_ADMIN_CLIENT_SECRET") ?? "",
        };

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return options with { ShowHelp = true };
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value, or is unknown.");
            }

            var value = args[++i];
            options = name switch
            {
                "--url" => options with { Url = ParseUrl(value) },
                "--pg" => options with { Pg = value },
                "--admin-id" => options with { AdminId = value },
                "--admin-secret" => options with { AdminSecret = value },
                "--seconds" => options with { Seconds = ParseSeconds(value) },
                "--history-orders" => options with { HistoryOrders = ParseHistoryOrders(value) },
                "--out" => options with { Out = value },
                "--label" => options with { Label = value },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        if (options.AdminId.Length == 0 || options.AdminSecret.Length == 0)
        {
            throw new ArgumentException(
                "the operator client is needed: --admin-id/--admin-secret or ORDERSILO_ADMIN_CLIENT_ID/_SECRET");
        }

        return options;
    }

    private static Uri ParseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ArgumentException($"--url must be an absolute http(s) URL, not '{value}'");

    private static int ParseSeconds(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600
            ? seconds
            : throw new ArgumentException($"--seconds must be a whole number from 1 to 3600, not '{value}'");

    private static int ParseHistoryOrders(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var orders) && orders is >= 0 and <= 10_000_000
            ? orders
            : throw new ArgumentException($"--history-orders must be a whole number from 0 to 10000000, not '{value}'");
}
