namespace Attention.Sdk.Http;

/// <summary>Method classification used by the idempotency and retry rules.</summary>
internal static class HttpMethods
{
    /// <summary>Methods whose repetition has no extra effect by HTTP's definition.</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace;

    /// <summary>Methods that create or change something and therefore get an Idempotency-Key.</summary>
    public static bool NeedsIdempotencyKey(HttpMethod method) => method == HttpMethod.Post || method == HttpMethod.Patch;
}
