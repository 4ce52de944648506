using System.Text;
using OrderSilo.Contracts.Orders;

namespace OrderSilo.Grains.Orders;

/// <summary>
/// The SQL of one page of the order list, in the shapes the list indexes of <c>sql/10_ordersilo_read_model.sql</c>
/// serve: the account, a filter and the archived flag as equalities, then newest first on (created_at, order_id)
/// with the cursor as a row comparison, so that a page reads about limit + 1 index entries.
/// </summary>
internal static class OrderListSql
{
    /// <summary>The statement (positional parameters <c>$1…</c>) and its parameter values, in order.</summary>
    public static (string Sql, IReadOnlyList<object> Parameters) For(OrderQuery query)
    {
        var parameters = new List<object> { query.AccountId };
        var sql = new StringBuilder("select doc, created_at, order_id from orders where account_id = $1");
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
        if (query.Description is { } text)
        {
            // Only a text holding a trigram (three letters or digits in a row) can be looked up in
            // ix_orders_description_trgm; for any other that index would read all its entries, so the condition
            // takes a form it cannot serve, and the account's orders are walked newest first instead.
            if (HasTrigram(text))
                Filter(@"description ilike @ escape '\'", "%" + EscapeLike(text) + "%");
            else
                Filter("strpos(lower(description), lower(@)) > 0", text);
        }
        Filter("amount_total = @", query.AmountTotal);
        Filter("tag = @", query.Tag);
        Filter("archived = @", query.Archived ?? false);
        if (query.After is { } after)
        {
            parameters.Add(after.CreatedAt.ToUniversalTime());
            parameters.Add(after.OrderId);
            sql.Append($" and (created_at, order_id) < (${parameters.Count - 1}, ${parameters.Count})");
        }
        parameters.Add(query.Limit + 1);
        sql.Append(" order by created_at desc, order_id desc limit $").Append(parameters.Count);
        return (sql.ToString(), parameters);
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

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
