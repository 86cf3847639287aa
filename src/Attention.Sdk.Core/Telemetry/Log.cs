using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Telemetry;

/// <summary>The SDK's log events (category <c>Attention.Sdk.Http</c>). URLs are redacted before they get here.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Api} {Method} {Url} attempt {Attempt} sending")]
    public static partial void Sending(ILogger logger, string api, string method, string url, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Api} {Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms (attempt {Attempt})")]
    public static partial void Received(ILogger logger, string api, string method, string? route, int statusCode, double elapsedMs, int attempt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Api} {Method} {Route} attempt {Attempt} failed after {ElapsedMs:0.0} ms: {Error}")]
    public static partial void Failed(ILogger logger, string api, string method, string? route, int attempt, double elapsedMs, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Trace, Message = "{Api} {Direction} header {Name}: {Value}")]
    public static partial void Header(ILogger logger, string api, string direction, string name, string value);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Api} {Method} {Route}: the retry answered {StatusCode} after an earlier attempt's answer was lost; the earlier attempt did the work, reported as success")]
    public static partial void DeleteCompletedEarlier(ILogger logger, string api, string method, string? route, int statusCode);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Api}: the API key does not start with a documented prefix ({Prefixes}); it is used as given. Check it if calls answer 401")]
    public static partial void UndocumentedKeyPrefix(ILogger logger, string api, string prefixes);
}
