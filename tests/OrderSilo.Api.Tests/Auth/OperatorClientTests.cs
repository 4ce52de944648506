using System.Security.Cryptography;
using static OrderSilo.Api.Tests.Auth.SignInRequests;

namespace OrderSilo.Api.Tests.Auth;

/// <summary>
/// Operator clients stay revoked: the admin API lists and revokes them, and start-up provisioning, which registers
/// the configured operator client on every start, does not bring a revoked one back. Generated credentials go to an
/// owner-only file and never to a host's output.
/// </summary>
[Collection(SignInShared.Name)]
public sealed class OperatorClientTests(SignInSystem fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARevokedOperatorClient_StaysRevoked_WhenAnAPIHostProvisionsItAgain()
    {
        var (id, secret) = ("cli_second_" + Guid.NewGuid().ToString("N")[..8], Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
        var configured = new Dictionary<string, string?> { ["ORDERSILO_ADMIN_CLIENT_ID"] = id, ["ORDERSILO_ADMIN_CLIENT_SECRET"] = secret };
        var (first, firstApi) = await fixture.System.StartAnotherApiAsync(settings: configured);
        HttpResponseMessage beforeRevoke, revoke, afterRevoke, revokeAgain, afterRestart, afterRestartElsewhere;
        await using (first)
        {
            beforeRevoke = await TokenAsync(firstApi, id, secret, SignInSystem.NewAddress());
            revoke = await fixture.Admin.Http.DeleteAsync(new Uri($"/api/v1/admin/operator-clients/{id}", UriKind.Relative), Cancel);
            afterRevoke = await TokenAsync(firstApi, id, secret, SignInSystem.NewAddress());
            revokeAgain = await fixture.Admin.Http.DeleteAsync(new Uri($"/api/v1/admin/operator-clients/{id}", UriKind.Relative), Cancel);
        }
        // A restart: the host provisions the same configured client again before it is ready.
        var (second, secondApi) = await fixture.System.StartAnotherApiAsync(settings: configured);
        await using (second)
        {
            afterRestart = await TokenAsync(secondApi, id, secret, SignInSystem.NewAddress());
            afterRestartElsewhere = await TokenAsync(fixture.System.ApiBaseAddress, id, secret, SignInSystem.NewAddress());
        }
        var listed = await ListAsync();

        Assert.Equal(HttpStatusCode.OK, beforeRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revokeAgain.StatusCode);
        Assert.Equal("invalid_client", (await ApiSession.ReadJsonAsync(afterRevoke, 401))["error"]!.GetValue<string>());
        Assert.Equal("invalid_client", (await ApiSession.ReadJsonAsync(afterRestart, 401))["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, afterRestartElsewhere.StatusCode);
        Assert.True(listed[id]["revoked"]!.GetValue<bool>());
        Assert.Equal("admin", listed[id]["scope"]!.GetValue<string>());
        Assert.False(listed[fixture.System.AdminClientId]["revoked"]!.GetValue<bool>());
        Assert.DoesNotContain(second.AllOutput, line => line.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(second.AllOutput, line => line.Contains($"{id} was revoked by an operator and stays revoked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokingAClientThatIsNoOperators_AnswersNotFound_AndChangesNothing()
    {
        using var tenant = await fixture.Admin.CreateTenantAsync();

        var tenantsClient = await fixture.Admin.Http.DeleteAsync(new Uri($"/api/v1/admin/operator-clients/{tenant.ClientId}", UriKind.Relative), Cancel);
        var unknown = await fixture.Admin.Http.DeleteAsync(new Uri("/api/v1/admin/operator-clients/cli_nobody", UriKind.Relative), Cancel);
        var malformed = await fixture.Admin.Http.DeleteAsync(new Uri("/api/v1/admin/operator-clients/not-a-client", UriKind.Relative), Cancel);
        var badLimit = await fixture.Admin.Http.GetAsync(new Uri("/api/v1/admin/operator-clients?limit=0", UriKind.Relative), Cancel);
        var byTenant = await tenant.Http.GetAsync(new Uri("/api/v1/admin/operator-clients", UriKind.Relative), Cancel);

        Assert.Contains(tenant.ClientId, (await Problems.AssertAsync(tenantsClient, 404, "not_found"))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await Problems.AssertAsync(unknown, 404, "not_found");
        await Problems.AssertAsync(malformed, 404, "not_found");
        await Problems.AssertAsync(badLimit, 400, "validation_failed", "limit");
        await Problems.AssertAsync(byTenant, 403, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(fixture.System.ApiBaseAddress, tenant.ClientId, tenant.ClientSecret, SignInSystem.NewAddress())).StatusCode);
    }

    [Fact]
    public async Task GeneratedCredentials_AreKeptInAnOwnerOnlyFile_NeverInTheOutput_AndKeptAcrossARestart()
    {
        var folder = Directory.CreateTempSubdirectory("ordersilo-credentials-");
        try
        {
            var file = Path.Combine(folder.FullName, "credentials.env");
            var unconfigured = new Dictionary<string, string?>
            {
                ["ORDERSILO_ADMIN_CLIENT_ID"] = null,
                ["ORDERSILO_ADMIN_CLIENT_SECRET"] = null,
                ["ORDERSILO_CREDENTIALS_FILE"] = file,
            };
            var (first, firstApi) = await fixture.System.StartAnotherApiAsync(settings: unconfigured);
            IReadOnlyList<string> output;
            HttpResponseMessage signIn;
            string id, secret, written;
            await using (first)
            {
                written = await File.ReadAllTextAsync(file, Cancel);
                (id, secret) = (Value(written, "ORDERSILO_ADMIN_CLIENT_ID"), Value(written, "ORDERSILO_ADMIN_CLIENT_SECRET"));
                signIn = await TokenAsync(firstApi, id, secret, SignInSystem.NewAddress());
                output = first.AllOutput;
            }
            var (second, secondApi) = await fixture.System.StartAnotherApiAsync(settings: unconfigured);
            HttpResponseMessage afterRestart;
            await using (second)
                afterRestart = await TokenAsync(secondApi, id, secret, SignInSystem.NewAddress());

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(file));
            Assert.StartsWith("cli_", id, StringComparison.Ordinal);
            Assert.True(secret.Length >= 32, $"a secret of {secret.Length} characters");
            Assert.Equal("admin", (await ApiSession.ReadJsonAsync(signIn, 200))["scope"]!.GetValue<string>());
            Assert.DoesNotContain(output, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.Contains(output, line => line.Contains(file, StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
            Assert.Equal(written, await File.ReadAllTextAsync(file, Cancel));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Value(string file, string key) =>
        file.Split('\n').Single(line => line.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..].Trim();

    private async Task<Dictionary<string, JsonNode>> ListAsync()
    {
        var page = await ApiSession.ReadJsonAsync(
            await fixture.Admin.Http.GetAsync(new Uri("/api/v1/admin/operator-clients?limit=100", UriKind.Relative), Cancel), 200);
        Assert.True(page.ContainsKey("nextCursor"));
        return page["data"]!.AsArray().ToDictionary(c => c!["clientId"]!.GetValue<string>(), c => c!);
    }
}
