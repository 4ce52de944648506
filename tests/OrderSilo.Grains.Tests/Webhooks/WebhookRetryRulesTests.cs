using OrderSilo.Grains.Webhooks;

namespace OrderSilo.Grains.Tests.Webhooks;

public sealed class WebhookRetryRulesTests
{
    private static readonly DateTimeOffset First = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly WebhookOptions Defaults = new();

    [Theory]
    [InlineData(200, true)]
    [InlineData(204, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    [InlineData(308, false)]
    [InlineData(410, false)]
    [InlineData(500, false)]
    [InlineData(null, false)]
    public void OnlyA2xxAnswer_IsASuccess(int? status, bool success) => Assert.Equal(success, WebhookRetryRules.IsSuccess(status));

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(5, 80)]
    [InlineData(12, 10240)]
    [InlineData(13, 20480)]
    [InlineData(14, 21600)]
    [InlineData(500, 21600)]
    public void Backoff_DoublesFromFiveSeconds_UpToSixHours_WithHalfOfItJittered(int failures, int fullSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(fullSeconds / 2.0), WebhookRetryRules.Backoff(failures, 0, Defaults));
        Assert.Equal(TimeSpan.FromSeconds(fullSeconds * 0.75), WebhookRetryRules.Backoff(failures, 0.5, Defaults));
        Assert.True(WebhookRetryRules.Backoff(failures, 0.999999, Defaults) <= TimeSpan.FromSeconds(fullSeconds));
    }

    [Fact]
    public void RetriesSpanTheWholeWindow_AndTheLastAttemptIsAtItsEnd()
    {
        var now = First;
        var attempts = 1;
        var schedule = new List<DateTimeOffset> { now };
        // Each attempt fails, drawing the longest waits of the jitter.
        while (WebhookRetryRules.NextAttempt(attempts, First, now, null, 0.999, Defaults) is { } next)
        {
            Assert.True(next > now);
            schedule.Add(now = next);
            attempts++;
        }

        Assert.Equal(First + TimeSpan.FromDays(3), schedule[^1]);
        Assert.InRange(schedule.Count, 15, 40);
        Assert.All(schedule.Zip(schedule.Skip(1)), pair => Assert.True(pair.Second - pair.First <= Defaults.MaxRetryDelay));
    }

    [Fact]
    public void NextAttempt_HonoursRetryAfter_UpToTheLongestDelay()
    {
        var now = First + TimeSpan.FromMinutes(1);
        Assert.Equal(now + TimeSpan.FromMinutes(30), WebhookRetryRules.NextAttempt(1, First, now, TimeSpan.FromMinutes(30), 0, Defaults));
        Assert.Equal(now + Defaults.MaxRetryDelay, WebhookRetryRules.NextAttempt(1, First, now, TimeSpan.FromDays(2), 0, Defaults));
        // A Retry-After shorter than the backoff does not hurry it.
        Assert.Equal(now + TimeSpan.FromSeconds(2.5), WebhookRetryRules.NextAttempt(1, First, now, TimeSpan.FromSeconds(1), 0, Defaults));
    }

    [Fact]
    public void AtTheWindowsEnd_TheDeliveryGivesUp()
    {
        Assert.Null(WebhookRetryRules.NextAttempt(30, First, First + TimeSpan.FromDays(3), null, 0.5, Defaults));
        Assert.NotNull(WebhookRetryRules.NextAttempt(30, First, First + TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1), null, 0.5, Defaults));
    }

    [Fact]
    public void AnEndpoint_IsDisabledAfterFailingForTheWholeWindow()
    {
        Assert.False(WebhookRetryRules.DisablesEndpoint(null, First, Defaults));
        Assert.False(WebhookRetryRules.DisablesEndpoint(First, First + TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1), Defaults));
        Assert.True(WebhookRetryRules.DisablesEndpoint(First, First + TimeSpan.FromDays(3), Defaults));
        Assert.True(WebhookRetryRules.IsGone(410));
    }
}
