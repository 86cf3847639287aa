namespace Attention.Sdk.Webhooks;

/// <summary>
/// What one pass over a delivery found: where its <c>data</c> object lies in the body (the bytes that are both hashed and
/// deserialized), and the envelope's <c>event</c> and <c>timestamp</c> strings.
/// </summary>
internal readonly record struct WebhookEnvelope(int DataStart, int DataLength, string? EventName, string? Timestamp)
{
    /// <summary>The <c>data</c> object's bytes within <paramref name="body"/>, exactly as delivered.</summary>
    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> body) => body.Slice(DataStart, DataLength);
}
