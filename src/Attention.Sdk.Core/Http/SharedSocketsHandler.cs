namespace Attention.Sdk.Http;

/// <summary>
/// The one pooled <see cref="SocketsHttpHandler"/> behind every client built without <see cref="IHttpClientFactory"/>:
/// creating clients never creates socket pools, and connections are recycled so DNS changes are seen.
/// </summary>
internal static class SharedSocketsHandler
{
    public static SocketsHttpHandler Instance { get; } = new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };
}
