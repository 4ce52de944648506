using System.Text;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// The SQL of one page of the order list, in the shapes the list indexes of <c>sql/10_ordersilo_read_model.sql</c>
/// serve: the account, a filter and the archived flag as equalities, then newest first on (created_at, order_id)
/// with the cursor as a row comparison, so that a page reads about limit + 1 index entries. Every statement
/// answers columns doc, created_at, order_id, at most limit + 1 rows, newest first.
/// </summary>
internal static class OrderListSql
{
    /// <summary>How many of the newest orders (after the other filters) a description with a trigram is first looked for in.</summary>
    public const int NewestWindow = 20_000;

    private const string PageOrder = "order by created_at desc, order_id desc";

    /// <summary>
    /// The statements that answer <paramref name="query"/>: run them in order until one answers limit + 1 rows or
    /// none is left; the last one run answers the page.
    /// </summary>
    /// <remarks>
    /// A description is a contains match that no btree serves, and which of the two ways to find it is cheaper
    /// depends on how many orders hold the text, which the planner can only guess from its statistics: guessed
    /// wrong either way, a page took a second at 1,100,000 orders. So a text with a trigram is first looked for
    /// among the newest <see cref="NewestWindow"/> orders (a bounded walk of a list index in page order, which
    /// fills a page when about one order in 800 holds the text), and only if that fills no page are all its orders
    /// looked up in the trigram index and sorted (cheap when few hold it, as the walk has just shown for the newest
    /// orders). The window balances the two at that size: each costs up to about 20 to 40 ms there.
    /// A text without a trigram has only the walk.
    /// </remarks>
    public static IReadOnlyList<OrderListStatement> For(OrderQuery query)
    {
        var text = query.Description;
        if (text is null || !HasTrigram(text))
        {
            var (where, parameters) = Where(query, text is null ? null : "strpos(lower(description), lower(@)) > 0", text);
            return [Statement($"select doc, created_at, order_id from orders where {where} {PageOrder} limit @", parameters, query.Limit + 1)];
        }

        var pattern = "%" + EscapeLike(text) + "%";
        var (recent, recentParameters) = Where(query, null, null);
        var newest = Statement(
            $"select doc, created_at, order_id from (select doc, created_at, order_id, description from orders where {recent} {PageOrder} limit {NewestWindow}) newest"
            + $@" where description ilike @ escape '\' {PageOrder} limit @",
            recentParameters, pattern, query.Limit + 1);
        // Materialized: the planner must collect the matches and sort them, not walk the account newest first again.
        var (all, allParameters) = Where(query, @"description ilike @ escape '\'", pattern);
        var lookup = Statement(
            $"with matches as materialized (select order_id, created_at from orders where {all})"
            + $" select o.doc, o.created_at, o.order_id from (select order_id, created_at from matches {PageOrder} limit @) m"
            + " join orders o on o.order_id = m.order_id order by m.created_at desc, m.order_id desc",
            allParameters, query.Limit + 1);
        return [newest, lookup];
    }

    /// <summary>True when <paramref name="text"/> has three letters or digits in a row: pg_trgm then has a trigram to look up.</summary>
    public static bool HasTrigram(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsLetterOrDigit(c) ? run + 1 : 0;
            if (run == 3)
                return true;
        }
        return false;
    }

    /// <summary>The conditions of every filter but the description's, plus <paramref name="description"/> if given; '@' marks a parameter.</summary>
    private static (string Where, List<object> Parameters) Where(OrderQuery query, string? description, object? descriptionValue)
    {
        var parameters = new List<object> { query.AccountId };
        var sql = new StringBuilder("account_id = $1");
        void Filter(string condition, object? value)
        {
            if (value is null)
                return;
            parameters.Add(value);
            sql.Append(" and ").Append(condition.Replace("@", "$" + parameters.Count, StringComparison.Ordinal));
        }
        // Npgsql writes timestamptz from UTC values only.
        Filter("created_at >= @", query.DateStart?.ToUniversalTime());
        Filter("created_at < @", query.DateEnd?.ToUniversalTime());
        Filter("company_id = @", query.CompanyId);
        Filter("status = @", query.Status);
        Filter("reference = @", query.Reference);
        Filter("po_number = @", query.PoNumber);
        if (description is not null)
            Filter(description, descriptionValue);
        Filter("amount_total = @", query.AmountTotal);
        Filter("tag = @", query.Tag);
        Filter("archived = @", query.Archived ?? false);
        if (query.After is { } after)
        {
            parameters.Add(after.CreatedAt.ToUniversalTime());
            parameters.Add(after.OrderId);
            sql.Append($" and (created_at, order_id) < (${parameters.Count - 1}, ${parameters.Count})");
        }
        return (sql.ToString(), parameters);
    }

    /// <summary>Numbers the remaining '@' marks of <paramref name="sql"/> after <paramref name="parameters"/>, one per value.</summary>
    private static OrderListStatement Statement(string sql, List<object> parameters, params object[] values)
    {
        var text = new StringBuilder();
        var next = 0;
        foreach (var part in sql.Split('@'))
        {
            if (next > 0)
                text.Append('$').Append(parameters.Count + next);
            text.Append(part);
            next++;
        }
        if (next - 1 != values.Length)
            throw new ArgumentException($"{next - 1} parameter marks for {values.Length} values", nameof(values));
        return new OrderListStatement(text.ToString(), [.. parameters, .. values]);
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
