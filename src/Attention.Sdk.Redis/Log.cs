using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Redis;

/// <summary>The package's log events (category <c>Attention.Sdk.Redis</c>). Keys appear only as hashes.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Redis is unreachable for the {Api} rate limit (key {KeyHash}); permits come from the in-process limiter until it answers again: {Error}")]
    public static partial void RateLimitFallback(ILogger logger, string api, string keyHash, string error);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Redis answers again for the {Api} rate limit (key {KeyHash}); permits come from Redis")]
    public static partial void RateLimitRecovered(ILogger logger, string api, string keyHash);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "The Redis payment ledger runs on a server that does not guarantee durability ({Reason}); a crash of Redis can lose a payment record and allow a second payment")]
    public static partial void LedgerNotDurable(ILogger logger, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Redis is unreachable for the {Api} retry budget (key {KeyHash}); failed calls are not retried until it answers again: {Error}")]
    public static partial void RetryBudgetUnavailable(ILogger logger, string api, string keyHash, string error);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Redis answers again for the {Api} retry budget (key {KeyHash}); retries resume within the budget")]
    public static partial void RetryBudgetRecovered(ILogger logger, string api, string keyHash);
}
