using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Attention.Sdk;
using Attention.Sdk.Http;

namespace AttentionFactory;

/// <summary>The shared <see cref="ApiConnection"/> plus the reading rules for shapes the docs do not show.</summary>
internal sealed class FactoryConnection(ApiConnection connection, AttentionFactoryClientOptions options)
{
    public AttentionFactoryClientOptions Options { get; } = options;

    public TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>The shared connection (for the escape hatch).</summary>
    public ApiConnection Api => connection;

    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        connection.SendAsync(request, type, cancellationToken);

    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> type, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        connection.SendAsync(request, type, requestOptions, cancellationToken);

    public Task SendAsync(ApiRequest request, CancellationToken cancellationToken) =>
        connection.SendAsync(request, cancellationToken);

    public Task SendAsync(ApiRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        connection.SendAsync(request, requestOptions, cancellationToken);

    /// <summary>Sends and deserializes, keeping the whole body as its raw JSON.</summary>
    public Task<T> SendWithRawAsync<T>(ApiRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class, IRawJson =>
        SendWithRawAsync(request, type, null, cancellationToken);

    /// <summary>Sends with per-call options and deserializes, keeping the whole body as its raw JSON.</summary>
    public async Task<T> SendWithRawAsync<T>(ApiRequest request, JsonTypeInfo<T> type, RequestOptions? requestOptions, CancellationToken cancellationToken)
        where T : class, IRawJson
    {
        var response = await connection.SendRawAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
        var value = ApiConnection.Deserialize(response, type);
        value.AttachRawJson(ReadRaw(response));
        return value;
    }

    /// <summary>Sends and deserializes; an empty body (for example 204) gives <paramref name="whenEmpty"/>.</summary>
    public Task<T> SendTolerantAsync<T>(ApiRequest request, JsonTypeInfo<T> type, Func<T> whenEmpty, CancellationToken cancellationToken)
        where T : class, IRawJson =>
        SendTolerantAsync(request, type, whenEmpty, null, cancellationToken);

    /// <summary>Sends with per-call options and deserializes; an empty body (for example 204) gives <paramref name="whenEmpty"/>.</summary>
    public async Task<T> SendTolerantAsync<T>(ApiRequest request, JsonTypeInfo<T> type, Func<T> whenEmpty, RequestOptions? requestOptions, CancellationToken cancellationToken)
        where T : class, IRawJson
    {
        var response = await connection.SendRawAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
        if (response.Body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return whenEmpty();
        }

        var value = ApiConnection.Deserialize(response, type);
        value.AttachRawJson(ReadRaw(response));
        return value;
    }

    public Task<ApiList<T>> SendListAsync<T>(ApiRequest request, JsonTypeInfo<T> itemType, string propertyName, CancellationToken cancellationToken) =>
        connection.SendListAsync(request, itemType, propertyName, cancellationToken);

    public Task<ApiList<T>> SendListAsync<T>(ApiRequest request, JsonTypeInfo<T> itemType, string propertyName, RequestOptions? requestOptions, CancellationToken cancellationToken) =>
        connection.SendListAsync(request, itemType, propertyName, requestOptions, cancellationToken);

    private static JsonElement ReadRaw(ApiResponse response)
    {
        using var document = response.ParseJson();
        return document.RootElement.Clone();
    }
}

/// <summary>A response model that keeps the raw JSON the server sent (for shapes the docs do not show).</summary>
internal interface IRawJson : IRawJsonModel
{
    void AttachRawJson(JsonElement raw);
}
