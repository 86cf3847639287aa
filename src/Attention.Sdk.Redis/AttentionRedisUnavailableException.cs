namespace Attention.Sdk.Redis;

/// <summary>
/// Redis could not be reached (or did not answer in time) for a guarantee that depends on it: a rate-limited request was not
/// sent, a payment was not recorded (and so not signed or sent), or a webhook delivery could not be registered. The inner
/// exception is the Redis client's error; it names the endpoint, never a password or API key.
/// </summary>
public sealed class AttentionRedisUnavailableException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was not done.</param>
    /// <param name="innerException">The Redis client's error.</param>
    public AttentionRedisUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
