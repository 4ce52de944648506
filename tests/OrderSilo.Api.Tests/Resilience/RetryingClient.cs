namespace OrderSilo.Api.Tests.Resilience;

/// <summary>
/// A voucher issuer's client: it retries a placement on 503, on a broken connection and on a timeout, with the
/// same poNumber and body, until it is acknowledged. Any other answer is a failure the test reports.
/// </summary>
public static class RetryingClient
{
    public sealed record Acknowledgement(int Status, string OrderId, int Attempts, int Unavailable);

    public static async Task<Acknowledgement> PlaceAsync(HttpClient http, object body, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var (attempts, unavailable) = (0, 0);
        while (true)
        {
            attempts++;
            try
            {
                var response = await http.PostAsJsonAsync("/api/v1/orders", body);
                var status = (int)response.StatusCode;
                if (status is 200 or 201)
                {
                    var order = await ApiSession.ReadJsonAsync(response, status);
                    return new Acknowledgement(status, order["orderId"]!.GetValue<string>(), attempts, unavailable);
                }
                if (status != 503)
                    throw new InvalidOperationException($"Placement answered {status}: {await response.Content.ReadAsStringAsync()}");
                unavailable++;
            }
            catch (HttpRequestException)
            {
                unavailable++;
            }
            catch (TaskCanceledException)
            {
                unavailable++;
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not acknowledged after {attempts} attempts in {patience}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
