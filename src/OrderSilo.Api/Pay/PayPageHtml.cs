using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using OrderSilo.Contracts.Common;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Api.Pay;

/// <summary>
/// The pay page's HTML: plain server-rendered forms that work without JavaScript, each field with its label and its
/// error (announced by screen readers), reachable and sent with the keyboard alone. Every value is HTML-encoded.
/// </summary>
public static class PayPageHtml
{
    /// <summary>The order awaiting payment, with the wire instructions and the card form (and its errors, if any).</summary>
    public static string PayForm(SellerOptions seller, Order order, IReadOnlyDictionary<string, string> errors, string? declined)
    {
        var owed = order.Totals.AmountTotal - order.AmountPaid;
        var body = new StringBuilder();
        body.Append(Summary(seller, order));
        body.Append(CultureInfo.InvariantCulture, $"""
            <p>Payment of <strong>{Money(owed, order)}</strong> is due by <time datetime="{E(Iso(order.PaymentDueAt))}">{E(Shown(order.PaymentDueAt))}</time>.</p>
            <section aria-labelledby="wire"><h2 id="wire">Pay by bank transfer</h2>
            <p>{E(seller.WireInstructions)}</p>
            <p>Quote the reference <strong id="reference">{E(order.OrderId)}</strong> so that we can match your payment to this order.</p>
            </section>
            <section aria-labelledby="card"><h2 id="card">Pay by card</h2>
            """);
        if (declined is not null || errors.Count > 0)
        {
            body.Append("<div role=\"alert\" id=\"problem\"><p>");
            body.Append(E(declined ?? "Please correct the fields marked below."));
            body.Append("</p></div>");
        }
        body.Append("<form method=\"post\" novalidate>");
        Field(body, "cardNumber", "Card number", "cc-number", "numeric", errors, "Test cards: 4242 4242 4242 4242 is paid, 4000 0000 0000 0002 is declined.");
        Field(body, "expiry", "Expiry date (MM/YY)", "cc-exp", "numeric", errors);
        Field(body, "cvc", "Security code", "cc-csc", "numeric", errors);
        Field(body, "name", "Name on the card", "cc-name", "text", errors);
        body.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\">Pay {Money(owed, order)}</button></form></section>");
        return Page(seller, $"Pay order {order.PoNumber}", body.ToString());
    }

    /// <summary>An order that is paid: nothing more to pay (the vouchers are the buyer's, never shown here).</summary>
    public static string Paid(SellerOptions seller, Order order) =>
        Page(seller, $"Order {order.PoNumber} is paid", Summary(seller, order) + $"""
            <p role="status" id="paid">Order {E(order.PoNumber)} is paid in full. Thank you: nothing more is due.</p>
            """);

    /// <summary>A link that leads nowhere: changed, expired, or its order cancelled.</summary>
    public static string NotFound(SellerOptions seller) =>
        Page(seller, "Payment link not valid", """
            <p id="not-found">This payment link is not valid. It may have been mistyped, or it has expired: the order was cancelled or its payment term is over.
            Ask the seller for a new link.</p>
            """);

    private static string Summary(SellerOptions seller, Order order)
    {
        var rows = new StringBuilder();
        foreach (var line in order.LineItems)
        {
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr><th scope="row">{E(line.ProductName)}</th><td>{line.Quantity}</td><td>{Money(line.UnitNetPrice, order)}</td><td>{Money(line.Discount, order)}</td><td>{Money(line.Vat, order)} ({line.VatPercent.ToString("0.##", CultureInfo.InvariantCulture)}%)</td><td>{Money(line.GrossDiscountedPrice, order)}</td></tr>
                """);
        }
        var totals = order.Totals;
        return $"""
            <p>{E(seller.Name)} · order <strong>{E(order.PoNumber)}</strong> · <span id="order-id">{E(order.OrderId)}</span></p>
            <table>
            <caption>What you are paying for</caption>
            <thead><tr><th scope="col">Item</th><th scope="col">Quantity</th><th scope="col">Unit price</th><th scope="col">Discount</th><th scope="col">VAT</th><th scope="col">Total</th></tr></thead>
            <tbody>{rows}</tbody>
            <tfoot>
            <tr><th scope="row" colspan="5">Net after discount</th><td>{Money(totals.NetDiscountedPrice, order)}</td></tr>
            <tr><th scope="row" colspan="5">VAT</th><td id="vat">{Money(totals.Vat, order)}</td></tr>
            <tr><th scope="row" colspan="5">Total</th><td id="total">{Money(totals.AmountTotal, order)}</td></tr>
            <tr><th scope="row" colspan="5">Paid so far</th><td>{Money(order.AmountPaid, order)}</td></tr>
            </tfoot>
            </table>
            """;
    }

    private static void Field(StringBuilder body, string name, string label, string autocomplete, string inputMode,
        IReadOnlyDictionary<string, string> errors, string? hint = null)
    {
        var described = new List<string>();
        body.Append(CultureInfo.InvariantCulture, $"<p><label for=\"{name}\">{E(label)}</label>");
        if (hint is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<span class=\"hint\" id=\"{name}-hint\">{E(hint)}</span>");
            described.Add(name + "-hint");
        }
        if (errors.TryGetValue(name, out var error))
        {
            body.Append(CultureInfo.InvariantCulture, $"<span class=\"error\" id=\"{name}-error\">{E(error)}</span>");
            described.Add(name + "-error");
        }
        var aria = described.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', described)}\"";
        var invalid = error is null ? "" : " aria-invalid=\"true\"";
        body.Append(CultureInfo.InvariantCulture, $"<input id=\"{name}\" name=\"{name}\" autocomplete=\"{autocomplete}\" inputmode=\"{inputMode}\" required{aria}{invalid}></p>");
    }

    private static string Page(SellerOptions seller, string title, string main) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{E(title)}} · {{E(seller.Name)}}</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ccc; }
        label { display: block; font-weight: 600; } input { font: inherit; padding: .4rem; width: 100%; max-width: 22rem; }
        .hint { display: block; color: #444; } .error { display: block; color: #a00000; font-weight: 600; }
        [role=alert] { border: 2px solid #a00000; padding: 0 1rem; } button { font: inherit; padding: .5rem 1.2rem; margin-top: 1rem; }
        :focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
        </style>
        </head>
        <body>
        <main>
        <h1>{{E(title)}}</h1>
        {{main}}
        </main>
        </body>
        </html>
        """;

    private static string Money(decimal amount, Order order) =>
        E($"{amount.ToString("F" + Currencies.DigitsOf(order.Currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)} {order.Currency}");

    private static string Iso(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

    private static string Shown(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");
}
