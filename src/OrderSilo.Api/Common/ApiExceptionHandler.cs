using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace OrderSilo.Api.Common;

/// <summary>
/// Turns exceptions into problem+json: unreadable bodies are 400 naming the field; a cluster or database
/// that cannot be reached is 503 with Retry-After (every order request is safe to retry by poNumber);
/// anything else is a 500 that is logged, with no internals in the answer.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = ApiProblems.Validation(BadRequestErrors(bad));
        }
        else if (IsTransient(exception))
        {
            LogUnavailable(logger, exception, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "1";
            problem = ApiProblems.Create(ApiProblems.Unavailable, "The cluster or the database did not answer in time.");
        }
        else
        {
            LogUnexpected(logger, exception, httpContext.Request.Path);
            problem = ApiProblems.Create(ApiProblems.InternalError, "The error was logged.");
        }
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    public static bool IsTransient(Exception exception) => exception switch
    {
        OrleansException or TimeoutException or DbException or OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    private static Dictionary<string, string[]> BadRequestErrors(BadHttpRequestException bad)
    {
        var json = bad.InnerException as JsonException ?? bad.InnerException?.InnerException as JsonException;
        var field = json?.Path is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : "body";
        var message = json is null
            ? bad.Message
            : "Not readable as the expected type" + (json.InnerException is { } inner ? $": {inner.Message}" : ".");
        return new() { [field.Length == 0 ? "body" : field] = [message] };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster or database unavailable while serving {Path}")]
    private static partial void LogUnavailable(ILogger logger, Exception error, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error while serving {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception error, string path);
}
