using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace OrderSilo.Api.Common;

/// <summary>
/// Turns exceptions into problem+json: a body over the size limit is 413; unreadable bodies are 400 naming the field;
/// a grain call that failed for the cluster's reasons (<see cref="ClusterCallException"/>), or a database that cannot be reached, is 503 with
/// Retry-After; anything else is a programming error, a 500 logged with its type, with no internals in the answer.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult problem;
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            // Kestrel stopped reading at Limits:MaxRequestBodyBytes in a read of our own (a form); bodies bound by
            // minimal APIs are answered by the framework and shaped by ApiProblems.Describe.
            problem = ApiProblems.PayloadTooLargeProblem();
        }
        else if (exception is BadHttpRequestException bad)
        {
            problem = ApiProblems.Validation(BadRequestErrors(bad));
        }
        else if (IsTransient(exception))
        {
            LogUnavailable(logger, exception, Pay.PayPageEndpoints.Loggable(httpContext.Request.Path));
            httpContext.Response.Headers.RetryAfter = "1";
            problem = ApiProblems.Create(ApiProblems.Unavailable, "The cluster or the database did not answer in time.");
        }
        else
        {
            LogUnexpected(logger, exception, exception.GetType().FullName ?? exception.GetType().Name, Pay.PayPageEndpoints.Loggable(httpContext.Request.Path));
            problem = ApiProblems.Create(ApiProblems.InternalError, "The error was logged.");
        }
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>
    /// Whether the request may succeed when repeated: every grain call's failure but a programming error (wrapped by
    /// <see cref="ClusterCallFilter"/>), and what the cluster client or the database throws outside a grain call.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ClusterCallException or OrleansException or TimeoutException or DbException or OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => !ProgrammingErrors.Is(exception) && exception.InnerException is { } inner && IsTransient(inner),
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {ExceptionType} while serving {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception error, string exceptionType, string path);
}
