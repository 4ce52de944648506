using Microsoft.Extensions.Options;

namespace OrderSilo.Grains.Webhooks;

/// <summary>Stops the silo at start with one line naming a webhook setting that is out of range.</summary>
internal sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
