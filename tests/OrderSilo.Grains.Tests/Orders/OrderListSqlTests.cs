using OrderSilo.Contracts.Orders;
using OrderSilo.Grains.Orders;

namespace OrderSilo.Grains.Tests.Orders;

public sealed class OrderListSqlTests
{
    private static readonly OrderQuery Account = new() { AccountId = "acc_list", Limit = 25 };

    [Fact]
    public void For_NoFilter_ListsTheAccountsUnarchivedOrdersNewestFirst()
    {
        var statement = Assert.Single(OrderListSql.For(Account));

        Assert.Equal(
            "select doc, created_at, order_id from orders where account_id = $1 and archived = $2 order by created_at desc, order_id desc limit $3",
            statement.Sql);
        Assert.Equal<object>(["acc_list", false, 26], statement.Parameters);
    }

    [Fact]
    public void For_DescriptionWithATrigram_LooksAmongTheNewestOrdersFirstThenInTheTrigramIndex()
    {
        var statements = OrderListSql.For(Account with { Description = @"100% of TEAM_A\" });

        Assert.Collection(
            statements,
            newest =>
            {
                Assert.Equal(
                    "select doc, created_at, order_id from (select doc, created_at, order_id, description from orders"
                    + " where account_id = $1 and archived = $2 order by created_at desc, order_id desc limit 20000) newest"
                    + @" where description ilike $3 escape '\' order by created_at desc, order_id desc limit $4",
                    newest.Sql);
                Assert.Equal<object>(["acc_list", false, @"%100\% of TEAM\_A\\%", 26], newest.Parameters);
            },
            lookup =>
            {
                Assert.Equal(
                    "with matches as materialized (select order_id, created_at from orders"
                    + @" where account_id = $1 and description ilike $2 escape '\' and archived = $3)"
                    + " select o.doc, o.created_at, o.order_id from (select order_id, created_at from matches"
                    + " order by created_at desc, order_id desc limit $4) m join orders o on o.order_id = m.order_id"
                    + " order by m.created_at desc, m.order_id desc",
                    lookup.Sql);
                Assert.Equal<object>(["acc_list", @"%100\% of TEAM\_A\\%", false, 26], lookup.Parameters);
            });
    }

    [Fact]
    public void For_DescriptionWithoutATrigram_IsOnePositionMatchTheTrigramIndexCannotServe()
    {
        var statement = Assert.Single(OrderListSql.For(Account with { Description = "m_a" }));

        Assert.Contains("strpos(lower(description), lower($2)) > 0", statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("ilike", statement.Sql, StringComparison.Ordinal);
        Assert.Equal("m_a", statement.Parameters[1]);
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
            Description = "gi",
            AmountTotal = 75.00m,
            Tag = "spring",
            Archived = true,
            After = new OrderCursor(start.AddDays(10), "ord_after"),
            Limit = 10,
        };

        var statement = Assert.Single(OrderListSql.For(query));

        Assert.Equal(
            "select doc, created_at, order_id from orders where account_id = $1 and created_at >= $2 and created_at < $3"
            + " and company_id = $4 and status = $5 and reference = $6 and po_number = $7"
            + " and strpos(lower(description), lower($8)) > 0 and amount_total = $9 and tag = $10 and archived = $11"
            + " and (created_at, order_id) < ($12, $13) order by created_at desc, order_id desc limit $14",
            statement.Sql);
        var parameters = statement.Parameters;
        Assert.Equal(14, parameters.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), parameters[1]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)parameters[1]).Offset);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)parameters[11]).Offset);
        Assert.True((bool)parameters[10]);
        Assert.Equal(11, parameters[13]);
    }
}
