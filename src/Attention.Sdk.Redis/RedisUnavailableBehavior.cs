namespace Attention.Sdk.Redis;

/// <summary>What the distributed rate limiter does when Redis cannot be reached.</summary>
public enum RedisUnavailableBehavior
{
    /// <summary>The request is not sent: the call throws <see cref="AttentionRedisUnavailableException"/> (the default).</summary>
    FailClosed,

    /// <summary>
    /// The request takes its permit from the in-process limiter instead (each process then holds the budget alone, so the fleet
    /// may exceed it); the switch is logged as a warning, and so is the return to Redis.
    /// </summary>
    FallBackToInProcess,
}
