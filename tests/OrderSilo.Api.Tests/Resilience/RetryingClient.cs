namespace OrderSilo.Api.Tests.Resilience;

/// <summary>
/// A voucher issuer's client: it retries a placement on 503, on a broken connection and on a timeout, with the
/// same poNumber and body, until it is acknowledged. Any other answer is a failure the test reports.
/// </summary>
public static class RetryingClient
{
    public sealed record Acknowledgement(int Status, string OrderId, int Attempts, int Unavailable);

    /// <summary>The first answer that is not "unavailable", with how many attempts it took.</summary>
    public sealed record Answer(HttpResponseMessage Response, int Attempts, int Unavailable);

    public static async Task<Acknowledgement> PlaceAsync(HttpClient http, object body, TimeSpan patience)
    {
        var answer = await PostAsync(http, "/api/v1/orders", body, patience);
        var status = (int)answer.Response.StatusCode;
        if (status is not (200 or 201))
            throw new InvalidOperationException($"Placement answered {status}: {await answer.Response.Content.ReadAsStringAsync()}");
        var order = await ApiSession.ReadJsonAsync(answer.Response, status);
        return new Acknowledgement(status, order["orderId"]!.GetValue<string>(), answer.Attempts, answer.Unavailable);
    }

    /// <summary>Posts <paramref name="body"/> until the answer is something other than 503 or a broken connection.</summary>
    public static async Task<Answer> PostAsync(HttpClient http, string path, object body, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var (attempts, unavailable) = (0, 0);
        while (true)
        {
            attempts++;
            try
            {
                var response = await http.PostAsJsonAsync(path, body);
                if ((int)response.StatusCode != 503)
                    return new Answer(response, attempts, unavailable);
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
                throw new TimeoutException($"Not answered after {attempts} attempts in {patience}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
