namespace Attention.Sdk.Http;

/// <summary>
/// The one pooled <see cref="SocketsHttpHandler"/> behind every client built without <see cref="IHttpClientFactory"/>:
/// creating clients never creates socket pools, and connections are recycled so DNS changes are seen.
/// </summary>
internal static class SharedSocketsHandler
{
    public static SocketsHttpHandler Instance { get; } = Create();

    /// <summary>
    /// A socket handler with the SDK's settings: connections recycled after 5 minutes (so a long-lived handler still sees DNS
    /// changes), idle ones closed after 1 minute, compressed responses accepted, 15-second connect timeout.
    /// </summary>
    public static SocketsHttpHandler Create() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };
}
