using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Attention.Sdk;
using Attention.Sdk.Http;

namespace AutoPersonas;

/// <summary>
/// The shared <see cref="ApiConnection"/> plus what every AutoPersonas call does: name its scope (so a 403 names it), refuse before
/// sending when declared scopes do not include it, and read bodies whose shapes the docs do not show (raw JSON kept, lists in any envelope).
/// </summary>
internal sealed class ApConnection(ApiConnection connection, AutoPersonasClientOptions options)
{
    private static readonly string[] s_listNames = ["data", "items", "results"];

    public AutoPersonasClientOptions Options { get; } = options;

    public TimeProvider TimeProvider => Options.TimeProvider;

    /// <summary>
    /// Sends and returns the raw 2xx answer, after the scope check on the scope the request names (from its catalogued endpoint,
    /// <see cref="AutoPersonasEndpoints"/>). The scope check comes first: a call whose scope is not granted throws
    /// <see cref="ScopeNotGrantedException"/> even when <paramref name="requestOptions"/> also holds an idempotency key (which Core
    /// would refuse next, since no AutoPersonas endpoint de-duplicates). Null options: exactly the plain call.
    /// </summary>
    public Task<ApiResponse> SendRawAsync(ApiRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        EnsureGranted(request);
        return connection.SendRawAsync(request, requestOptions, cancellationToken);
    }

    /// <summary>The escape hatch: the scope the request names is checked against declared scopes, then Core sends it.</summary>
    public Task<ApiResponse> SendUntypedAsync(ApiRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureGranted(request);
        return connection.SendUntypedAsync(request, requestOptions, cancellationToken);
    }

    /// <summary>Sends (with per-call options, or null) and reads a model, attaching the raw body.</summary>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> type, RequestOptions? requestOptions, CancellationToken cancellationToken)
        where T : AutoPersonasModel
    {
        var response = await SendRawAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
        return Read(response, type);
    }

    /// <summary>Sends and reads a model; an empty body (for example 204) gives an empty model of <paramref name="whenEmpty"/>.</summary>
    public async Task<T> SendTolerantAsync<T>(ApiRequest request, JsonTypeInfo<T> type, Func<T> whenEmpty, RequestOptions? requestOptions, CancellationToken cancellationToken)
        where T : AutoPersonasModel
    {
        var response = await SendRawAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
        return response.Body.Span.Trim(" \t\r\n"u8).IsEmpty ? whenEmpty() : Read(response, type);
    }

    /// <summary>Sends and reads a list in whatever envelope the server uses.</summary>
    public async Task<ApiList<T>> SendListAsync<T>(ApiRequest request, JsonTypeInfo<T> itemType, string resourceName, RequestOptions? requestOptions, CancellationToken cancellationToken)
        where T : AutoPersonasModel
    {
        var response = await SendRawAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
        return ReadList(response, itemType, resourceName);
    }

    public static T Read<T>(ApiResponse response, JsonTypeInfo<T> type)
        where T : AutoPersonasModel
    {
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement.Clone();
            var value = root.Deserialize(type) ?? throw new JsonException("The body is JSON null.");
            value.RawJson = root;
            return value;
        }
        catch (Exception ex) when (IsReadFailure(ex))
        {
            throw new AttentionResponseException(
                $"The {(int)response.StatusCode} response body could not be read as {typeof(T).Name}: {ex.Message}",
                response.StatusCode,
                ApiErrorReader.Truncate(response.Text),
                ex);
        }
    }

    public static ApiList<T> ReadList<T>(ApiResponse response, JsonTypeInfo<T> itemType, string resourceName)
        where T : AutoPersonasModel =>
        ApiListReader.Read(response, itemType, resourceName, static (item, element) => item.RawJson = element);

    // Typed methods get the scope from their catalogued endpoint; an escape-hatch request names its own (or none: nothing to check).
    private void EnsureGranted(ApiRequest request)
    {
        if (request.RequiredPermission is not { Length: > 0 } permission || Options.GrantedScopes is not { } granted)
        {
            return;
        }

        var scope = AutoPersonasScope.FromValue(permission);
        if (!granted.Contains(scope))
        {
            throw new ScopeNotGrantedException(scope, request.Method.Method, connection.BaseAddress.AbsolutePath.TrimEnd('/') + "/" + request.RouteTemplate, granted);
        }
    }

    private static bool IsReadFailure(Exception ex) => ApiConnection.IsDecodeFailure(ex);
}

/// <summary>Request-building shortcuts shared by the resource clients.</summary>
internal static class ApiRequestExtensions
{
    /// <summary>Sets a JSON body when <paramref name="body"/> is set; a null body sends none.</summary>
    public static ApiRequest WithOptionalJsonBody<T>(this ApiRequest request, T? body, JsonTypeInfo<T> typeInfo)
        where T : class =>
        body is null ? request : request.WithJsonBody(body, typeInfo);
}
