using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrderSilo.Contracts.Orders;
using OrderSilo.Hosting;

namespace OrderSilo.Api.Orders;

/// <summary>
/// What every order placement leaves behind: a count by outcome (and by error code when refused), its latency,
/// and one structured log line with the order id, the poNumber and the account as fields. Never the vouchers.
/// </summary>
public sealed partial class PlacementTelemetry
{
    private readonly Counter<long> _placed;
    private readonly Counter<long> _replayed;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _duration;
    private readonly ILogger<PlacementTelemetry> _logger;

    public PlacementTelemetry(IMeterFactory meters, ILogger<PlacementTelemetry> logger)
    {
        _logger = logger;
        var meter = meters.Create(TelemetrySetup.MeterName);
        _placed = meter.CreateCounter<long>("ordersilo.orders.placed", "{order}", "New orders placed.");
        _replayed = meter.CreateCounter<long>("ordersilo.orders.replayed", "{order}", "Placements answered with the order their poNumber already has.");
        _rejected = meter.CreateCounter<long>("ordersilo.orders.rejected", "{order}", "Placements refused, by error code.");
        _duration = meter.CreateHistogram("ordersilo.orders.placement.duration", "s", "Time to answer an order placement, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void Placed(long started, string accountId, Order order)
    {
        _placed.Add(1);
        Record(started, "created");
        LogPlaced(_logger, order.OrderId, order.PoNumber, accountId, order.CompanyId, order.Totals.AmountTotal, order.Currency);
    }

    public void Replayed(long started, string accountId, Order order)
    {
        _replayed.Add(1);
        Record(started, "replayed");
        LogReplayed(_logger, order.OrderId, order.PoNumber, accountId);
    }

    public void Rejected(long started, string accountId, string? poNumber, string code)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("code", code));
        Record(started, "rejected");
        LogRejected(_logger, poNumber, accountId, code);
    }

    private void Record(long started, string outcome) =>
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Order {OrderId} placed for poNumber {PoNumber} of account {AccountId}, company {CompanyId}: {AmountTotal} {Currency}")]
    private static partial void LogPlaced(ILogger logger, string orderId, string poNumber, string accountId, string companyId, decimal amountTotal, string currency);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Order {OrderId} replayed for poNumber {PoNumber} of account {AccountId}")]
    private static partial void LogReplayed(ILogger logger, string orderId, string poNumber, string accountId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Order for poNumber {PoNumber} of account {AccountId} rejected: {Code}")]
    private static partial void LogRejected(ILogger logger, string? poNumber, string accountId, string code);
}
