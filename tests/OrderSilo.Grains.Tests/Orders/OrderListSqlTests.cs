using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Orders;

namespace OrderSilo.Grains.Tests.Orders;

public sealed class OrderListSqlTests
{
    private static readonly OrderQuery Account = new() { AccountId = "acc_list", Limit = 25 };

    [Fact]
    public void For_NoFilter_ListsTheAccountsUnarchivedOrdersNewestFirst()
    {
        var (sql, parameters) = OrderListSql.For(Account);

        Assert.Equal(
            "select doc, created_at, order_id from orders where account_id = $1 and archived = $2 order by created_at desc, order_id desc limit $3",
            sql);
        Assert.Equal<object>(["acc_list", false, 26], parameters);
    }

    [Fact]
    public void For_DescriptionWithATrigram_IsAnIlikeWithWildcardsTakenLiterally()
    {
        var (sql, parameters) = OrderListSql.For(Account with { Description = @"100% of TEAM_A\" });

        Assert.Contains(@"description ilike $2 escape '\'", sql, StringComparison.Ordinal);
        Assert.Equal(@"%100\% of TEAM\_A\\%", parameters[1]);
    }

    [Fact]
    public void For_DescriptionWithoutATrigram_IsAPositionMatchTheTrigramIndexCannotServe()
    {
        var (sql, parameters) = OrderListSql.For(Account with { Description = "m_a" });

        Assert.Contains("strpos(lower(description), lower($2)) > 0", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ilike", sql, StringComparison.Ordinal);
        Assert.Equal("m_a", parameters[1]);
    }

    [Theory]
    [InlineData("abc", true)]
    [InlineData("a-bcd", true)]
    [InlineData("Zürich", true)]
    [InlineData("471", true)]
    [InlineData("ab", false)]
    [InlineData("a-b-c", false)]
    [InlineData("10%", false)]
    [InlineData("", false)]
    public void HasTrigram_NeedsThreeLettersOrDigitsInARow(string text, bool expected) =>
        Assert.Equal(expected, OrderListSql.HasTrigram(text));

    [Fact]
    public void For_EveryFilterAndACursor_NumbersTheParametersInOrderAndEndsWithTheLimit()
    {
        var start = new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.FromHours(2));
        var query = Account with
        {
            DateStart = start,
            DateEnd = start.AddDays(30),
            CompanyId = "co_child",
            Status = "completed",
            Reference = "REF-9",
            PoNumber = "PO-1",
            Description = "gift",
            AmountTotal = 75.00m,
            Tag = "spring",
            Archived = true,
            After = new OrderCursor(start.AddDays(10), "ord_after"),
            Limit = 10,
        };

        var (sql, parameters) = OrderListSql.For(query);

        Assert.Equal(
            "select doc, created_at, order_id from orders where account_id = $1 and created_at >= $2 and created_at < $3"
            + " and company_id = $4 and status = $5 and reference = $6 and po_number = $7"
            + @" and description ilike $8 escape '\' and amount_total = $9 and tag = $10 and archived = $11"
            + " and (created_at, order_id) < ($12, $13) order by created_at desc, order_id desc limit $14",
            sql);
        Assert.Equal(14, parameters.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), parameters[1]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)parameters[1]).Offset);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)parameters[11]).Offset);
        Assert.True((bool)parameters[10]);
        Assert.Equal(11, parameters[13]);
    }
}
