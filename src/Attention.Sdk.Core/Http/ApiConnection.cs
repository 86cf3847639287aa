using System.Buffers;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Attention.Sdk.RateLimiting;
using Attention.Sdk.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.Timeout;

namespace Attention.Sdk.Http;

/// <summary>
/// Sends <see cref="ApiRequest"/>s through the SDK pipeline and turns what comes back into either a typed result or an
/// <see cref="AttentionException"/>: non-2xx answers become the status's exception with the server's message, undecodable
/// bodies become <see cref="AttentionResponseException"/>, transport failures and timeouts their own types. API packages'
/// clients are thin layers over this type; it is public so callers can reach undocumented endpoints the same way.
/// </summary>
public sealed class ApiConnection
{
    // Bodies up to this size are read into a pooled array (ArrayPool.Shared keeps arrays up to 1 MiB); larger ones stream.
    private const int PooledBodyLimit = 1024 * 1024;

    private static readonly string s_sdkVersion =
        typeof(ApiConnection).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly HttpClient _http;
    private readonly HttpMessageInvoker? _handlers;
    private readonly Uri _baseAddress;
    private readonly string _basePath;
    private readonly string _userAgent;
    private readonly ApiExceptionFactory _errors;
    private readonly TimeProvider _time;
    private readonly AttentionClientOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a connection over an <see cref="HttpClient"/> built by <see cref="AttentionPipeline"/> (or by DI with the same handlers).</summary>
    public ApiConnection(HttpClient httpClient, ApiProfile profile, AttentionClientOptions options, ApiExceptionFactory? exceptionFactory = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _handlers = (httpClient as PipelineHttpClient)?.Handlers;
        Profile = profile;
        _options = options;
        _time = options.TimeProvider;
        _baseAddress = options.BaseAddress is not null || httpClient.BaseAddress is null
            ? options.ResolveBaseAddress(profile)
            : new Uri(httpClient.BaseAddress.ToString().TrimEnd('/') + "/");
        _basePath = _baseAddress.AbsolutePath.TrimEnd('/');
        _userAgent = $"attention-sdk-dotnet/{s_sdkVersion} ({profile.Name}; .NET {Environment.Version})"
            + (string.IsNullOrWhiteSpace(options.UserAgentSuffix) ? string.Empty : " " + options.UserAgentSuffix);
        _errors = new ApiExceptionFactory { Custom = exceptionFactory?.Custom, MaxRetryAfter = options.MaxRetryAfter };
        _logger = options.LoggerFactory?.CreateLogger("Attention.Sdk.Http") ?? NullLogger.Instance;
    }

    /// <summary>The API this connection talks to.</summary>
    public ApiProfile Profile { get; }

    /// <summary>The base address requests are resolved against (always ends in a slash).</summary>
    public Uri BaseAddress => _baseAddress;

    /// <summary>The clock the connection's options use.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Sends the request and deserializes a 2xx body.</summary>
    /// <remarks>
    /// A DELETE whose answer was lost (a 5xx or 408, a reset after sending, an attempt timeout) and whose retry then meets 404 or 409
    /// did its work on the earlier attempt: it is reported as success, with an empty body, so a typed DELETE result should be read
    /// through <see cref="SendRawAsync(ApiRequest, CancellationToken)"/> (see <see cref="ApiResponse.CompletedByEarlierAttempt"/>).
    /// </remarks>
    /// <exception cref="AttentionApiException">The server answered with a non-success status (a subtype per status).</exception>
    /// <exception cref="AttentionResponseException">The 2xx body could not be read as <typeparamref name="T"/>.</exception>
    /// <exception cref="AttentionTransportException">The network failed.</exception>
    /// <exception cref="AttentionTimeoutException">A timeout elapsed.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken = default) =>
        SendAsync(request, responseType, null, cancellationToken);

    /// <summary>
    /// Sends the request with per-call options and deserializes a 2xx body; <see cref="RequestOptions.Response"/> then holds the raw
    /// answer. With null options this is the plain call.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="RequestOptions.IdempotencyKey"/> is set for an endpoint that does not honour it (nothing was sent).</exception>
    /// <exception cref="AttentionException">As <see cref="SendAsync{T}(ApiRequest, JsonTypeInfo{T}, CancellationToken)"/>.</exception>
    public Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> responseType, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseType);
        return SendCoreAsync(request, responseType, static (response, type, token) => ReadJsonAsync(response, type, token), requestOptions, captureResponse: true, cancellationToken);
    }

    /// <summary>Sends the request and ignores the (2xx) body.</summary>
    /// <exception cref="AttentionException">As <see cref="SendAsync{T}(ApiRequest, JsonTypeInfo{T}, CancellationToken)"/>.</exception>
    public Task SendAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, null, cancellationToken);

    /// <summary>Sends the request with per-call options and ignores the (2xx) body (<see cref="RequestOptions.Response"/> still holds it).</summary>
    /// <exception cref="ArgumentException"><see cref="RequestOptions.IdempotencyKey"/> is set for an endpoint that does not honour it (nothing was sent).</exception>
    /// <exception cref="AttentionException">As <see cref="SendAsync{T}(ApiRequest, JsonTypeInfo{T}, CancellationToken)"/>.</exception>
    public async Task SendAsync(ApiRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default) =>
        _ = await SendRawAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Sends the request and returns the raw 2xx answer; non-2xx answers throw as usual, except a DELETE's 404 or 409 after a retried
    /// ambiguous failure, which is the earlier attempt's success (<see cref="ApiResponse.CompletedByEarlierAttempt"/>, empty body).
    /// </summary>
    /// <exception cref="AttentionException">As <see cref="SendAsync{T}(ApiRequest, JsonTypeInfo{T}, CancellationToken)"/>.</exception>
    public Task<ApiResponse> SendRawAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
        SendRawAsync(request, null, cancellationToken);

    /// <summary>Sends the request with per-call options and returns the raw 2xx answer (also set as <see cref="RequestOptions.Response"/>).</summary>
    /// <exception cref="ArgumentException"><see cref="RequestOptions.IdempotencyKey"/> is set for an endpoint that does not honour it (nothing was sent).</exception>
    /// <exception cref="AttentionException">As <see cref="SendAsync{T}(ApiRequest, JsonTypeInfo{T}, CancellationToken)"/>.</exception>
    public Task<ApiResponse> SendRawAsync(ApiRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return requestOptions is null
            ? SendCoreAsync(request, (object?)null, static (response, _, token) => ReadRawAsync(response, token), null, captureResponse: false, cancellationToken)
            : SendRawWithOptionsAsync(request, requestOptions, cancellationToken);
    }

    private async Task<ApiResponse> SendRawWithOptionsAsync(ApiRequest request, RequestOptions requestOptions, CancellationToken cancellationToken)
    {
        // The raw answer is the metadata: set it once rather than copying the body twice.
        var response = await SendCoreAsync(request, (object?)null, static (response, _, token) => ReadRawAsync(response, token), requestOptions, captureResponse: false, cancellationToken).ConfigureAwait(false);
        requestOptions.Response = response;
        return response;
    }

    /// <summary>
    /// The escape hatch every client exposes as <c>SendAsync(ApiRequest, ...)</c>: sends a caller-built request for an endpoint the SDK
    /// does not type yet through the same pipeline (key, retries by the endpoint's idempotency mark, rate limit, redaction, typed errors)
    /// and returns the raw 2xx answer. The route must stay under the base address: an absolute URL, a scheme, a query or fragment in the
    /// template, or a dot segment is refused before anything is sent, so the key can never go to another host or path.
    /// </summary>
    /// <param name="request">The request (route relative to the base address; a leading copy of the base path, as printed in the docs, is accepted).</param>
    /// <param name="requestOptions">Per-call options, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The route is not a relative path under the base address (nothing was sent).</exception>
    /// <exception cref="AttentionException">The call failed (a subtype per status, transport failure or timeout).</exception>
    public Task<ApiResponse> SendUntypedAsync(ApiRequest request, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.EnsureRelativeRoute(_basePath);
        return SendRawAsync(request, requestOptions, cancellationToken);
    }

    /// <summary>
    /// Sends through the pipeline and reads a 2xx answer with <paramref name="read"/>; a failure or a non-2xx answer becomes the
    /// matching <see cref="AttentionException"/>. The one async frame of a call: the readers complete synchronously, because
    /// the body is already buffered (inside the attempt, and by <see cref="HttpCompletionOption.ResponseContentRead"/>).
    /// </summary>
    private async Task<TResult> SendCoreAsync<TState, TResult>(
        ApiRequest request,
        TState state,
        Func<HttpResponseMessage, TState, CancellationToken, ValueTask<TResult>> read,
        RequestOptions? requestOptions,
        bool captureResponse,
        CancellationToken cancellationToken)
    {
        // The options go onto this call's message only: the caller's ApiRequest is never changed, so it can be sent again.
        requestOptions?.Validate(request, Profile);
        using var message = request.ToHttpRequestMessage(_baseAddress, _basePath, _userAgent, requestOptions);
        // One span for the logical call, the attempts' client spans beneath it; null (nothing built) when nobody listens.
        using var operation = AttentionDiagnostics.ActivitySource.HasListeners() ? StartCallSpan(message) : null;
        HttpResponseMessage response;
        try
        {
            // The SDK's own client: straight to its handlers, which buffer the body inside each attempt (see PipelineHttpClient).
            response = await (_handlers is { } handlers
                ? handlers.SendAsync(message, cancellationToken)
                : _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            && ex is not AttentionException && TranslateFailure(ex, message) is { } translated)
        {
            AttentionDiagnostics.RecordFailure(operation, translated);
            throw translated;
        }
        catch (Exception ex) when (AttentionDiagnostics.RecordFailure(operation, ex))
        {
            throw;
        }

        operation?.SetTag(TelemetryTags.Attempts, ApiCallContext.Get(message)?.Attempts);
        using (response)
        {
            if (IsDeleteDoneByEarlierAttempt(response, message))
            {
                // The lost answer was the success: what the retry meets is the resource already gone (404) or the change already made (409).
                Log.DeleteCompletedEarlier(_logger, Profile.Name, message.Method.Method, ApiCallContext.Get(message)?.Route, (int)response.StatusCode);
                response.Content.Dispose();
                response.Content = new ByteArrayContent([]);
            }
            else if (!response.IsSuccessStatusCode)
            {
                var details = await ApiErrorReader.ReadAsync(response, message, _time, cancellationToken).ConfigureAwait(false);
                var error = _errors.Create(details);
                AttentionDiagnostics.RecordFailure(operation, error);
                throw error;
            }

            try
            {
                if (captureResponse && requestOptions is not null)
                {
                    // Only the metadata path copies the buffered body; the plain path reads it in place.
                    requestOptions.Response = await ReadRawAsync(response, cancellationToken).ConfigureAwait(false);
                }

                return await read(response, state, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (TransportFailures.IsTransportFailure(ex))
            {
                var error = TranslateFailure(ex, message)!;
                AttentionDiagnostics.RecordFailure(operation, error);
                throw error;
            }
            catch (Exception ex) when (AttentionDiagnostics.RecordFailure(operation, ex))
            {
                throw;
            }
        }
    }

    /// <summary>The logical call's span: <c>{api} {METHOD} {route template}</c>, internal, tagged like the attempts.</summary>
    private System.Diagnostics.Activity? StartCallSpan(HttpRequestMessage message)
    {
        var method = message.Method.Method;
        var route = Profile.AddressMayCarrySecrets ? "/" : ApiCallContext.Get(message)?.Route ?? message.RequestUri?.AbsolutePath;
        var activity = AttentionDiagnostics.StartOperation($"{Profile.Name} {method} {route}", Profile.Name);
        activity?.SetTag(TelemetryTags.Method, method);
        activity?.SetTag(TelemetryTags.UrlTemplate, route);
        activity?.SetTag(TelemetryTags.ServerAddress, _baseAddress.Host);
        return activity;
    }

    /// <summary>
    /// Deserializes the body the attempt buffered (see <see cref="DeserializeBuffered{T}"/>). Not an async method: a readable body
    /// completes without a state machine of its own; only a failure goes on to <see cref="FailDecodeAsync{T}"/>.
    /// </summary>
    private static ValueTask<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        T? value;
        try
        {
            value = DeserializeBuffered(response.Content.ReadAsStream(cancellationToken), responseType);
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            return FailDecodeAsync<T>(response, ex);
        }

        return value is not null ? ValueTask.FromResult(value) : FailDecodeAsync<T>(response, null);
    }

    /// <summary>Throws the <see cref="AttentionResponseException"/> for a body that is not a <typeparamref name="T"/> (<paramref name="failure"/>) or is empty or null.</summary>
    private static async ValueTask<T> FailDecodeAsync<T>(HttpResponseMessage response, Exception? failure)
    {
        var text = ApiErrorReader.Truncate(await ReadTextForErrorAsync(response).ConfigureAwait(false));
        throw failure is null
            ? new AttentionResponseException(
                $"The {(int)response.StatusCode} response body was empty or null where {typeof(T).Name} was expected.",
                response.StatusCode,
                text,
                null)
            : new AttentionResponseException(
                $"The {(int)response.StatusCode} response body could not be read as {typeof(T).Name}: {failure.Message}",
                response.StatusCode,
                text,
                failure);
    }

    /// <summary>
    /// Reads a body the attempt has buffered (a seekable stream over memory) from a span: System.Text.Json's span path is the
    /// fast one, while reading from a stream takes its slower, resumable path. The copy
    /// goes to a pooled array, so the plain path allocates nothing more.
    /// </summary>
    private static T? DeserializeBuffered<T>(Stream body, JsonTypeInfo<T> responseType)
    {
        var remaining = body.CanSeek ? body.Length - body.Position : long.MaxValue;
        if (remaining > PooledBodyLimit)
        {
            return JsonSerializer.Deserialize(body, responseType);
        }

        var length = (int)remaining;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            body.ReadExactly(buffer, 0, length);
            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), responseType);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async ValueTask<ApiResponse> ReadRawAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new ApiResponse(response.StatusCode, response.Headers, response.Content.Headers, body)
        {
            CompletedByEarlierAttempt = !response.IsSuccessStatusCode,
        };
    }

    private static bool IsDeleteDoneByEarlierAttempt(HttpResponseMessage response, HttpRequestMessage request) =>
        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict
        && request.Method == HttpMethod.Delete
        && ApiCallContext.Get(request) is { RetriedAfterAmbiguousFailure: true };

    private static async Task<string?> ReadTextForErrorAsync(HttpResponseMessage response)
    {
        try
        {
            return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>Deserializes a raw answer, turning every parser failure or a null body into <see cref="AttentionResponseException"/>.</summary>
    /// <exception cref="AttentionResponseException">The body is not the expected JSON.</exception>
    public static T Deserialize<T>(ApiResponse response, JsonTypeInfo<T> responseType)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(responseType);
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(response.Body.Span, responseType);
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            throw new AttentionResponseException(
                $"The {(int)response.StatusCode} response body could not be read as {typeof(T).Name}: {ex.Message}",
                response.StatusCode,
                ApiErrorReader.Truncate(SafeText(response.Body.Span)),
                ex);
        }

        return value ?? throw new AttentionResponseException(
            $"The {(int)response.StatusCode} response body was empty or null where {typeof(T).Name} was expected.",
            response.StatusCode,
            ApiErrorReader.Truncate(SafeText(response.Body.Span)),
            null);
    }

    /// <summary>Sends the request and reads a list answer in whatever envelope the server uses (see <see cref="ApiListReader"/>).</summary>
    /// <exception cref="AttentionException">As <see cref="SendAsync{T}(ApiRequest, JsonTypeInfo{T}, CancellationToken)"/>.</exception>
    public Task<ApiList<T>> SendListAsync<T>(ApiRequest request, JsonTypeInfo<T> itemType, string resourceName, CancellationToken cancellationToken = default) =>
        SendListAsync(request, itemType, resourceName, null, cancellationToken);

    /// <summary>Sends the request with per-call options and reads a list answer (see <see cref="ApiListReader"/>).</summary>
    /// <exception cref="ArgumentException"><see cref="RequestOptions.IdempotencyKey"/> is set for an endpoint that does not honour it (nothing was sent).</exception>
    /// <exception cref="AttentionException">As <see cref="SendAsync{T}(ApiRequest, JsonTypeInfo{T}, CancellationToken)"/>.</exception>
    public async Task<ApiList<T>> SendListAsync<T>(ApiRequest request, JsonTypeInfo<T> itemType, string resourceName, RequestOptions? requestOptions, CancellationToken cancellationToken = default)
    {
        var response = await SendRawAsync(request, requestOptions, cancellationToken).ConfigureAwait(false);
        return ApiListReader.Read(response, itemType, resourceName);
    }

    /// <summary>
    /// Whether an exception thrown while reading a body means "this is not the documented shape" (a parser or converter
    /// failure) rather than a bug: such failures become <see cref="AttentionResponseException"/>.
    /// </summary>
    public static bool IsDecodeFailure(Exception exception) =>
        exception is JsonException or NotSupportedException or FormatException or OverflowException or InvalidOperationException or ArgumentException;

    private AttentionException? TranslateFailure(Exception ex, HttpRequestMessage message)
    {
        var call = ApiCallContext.Get(message);
        var method = message.Method.Method;
        var route = call?.Route;
        var key = call?.IdempotencyKey;
        var attempts = call?.Attempts ?? 0;
        var where = $"{method} {route}";
        var hint = AmbiguityHint(message, call);
        var exhausted = call?.RetryBudgetExhausted ?? false;
        var budget = exhausted ? " " + RetryBudgetText.NotRetried(attempts) : string.Empty;

        switch (ex)
        {
            case TimeoutRejectedException rejected:
                return new AttentionTimeoutException(
                    $"{where} did not complete within the overall timeout of {_options.Timeout.TotalSeconds:0.###} s ({attempts} attempt(s)).{budget}{hint}",
                    _options.Timeout,
                    rejected) { Method = method, Route = route, IdempotencyKey = key, Attempts = attempts, RetryBudgetExhausted = exhausted };
            case AttemptTimeoutException attempt:
                return new AttentionTimeoutException(
                    $"{where} timed out: no attempt completed within {attempt.Timeout.TotalSeconds:0.###} s ({attempts} attempt(s)).{budget}{hint}",
                    attempt.Timeout,
                    attempt) { Method = method, Route = route, IdempotencyKey = key, Attempts = attempts, RetryBudgetExhausted = exhausted };
            case var _ when TransportFailures.IsTransportFailure(ex):
                var notSent = RetryClassifier.ProvesNothingWasSent(ex);
                return new AttentionTransportException(
                    $"{where} failed at the network level after {attempts} attempt(s): {ex.Message}{budget}{(notSent ? " Nothing reached the server." : hint)}",
                    ex,
                    notSent) { Method = method, Route = route, IdempotencyKey = key, Attempts = attempts, RetryBudgetExhausted = exhausted };
            default:
                return null;
        }
    }

    /// <summary>What an ambiguous failure means for the caller: whether the server may have acted, and how to repeat safely.</summary>
    private string AmbiguityHint(HttpRequestMessage message, ApiCallContext? call)
    {
        if (RetryClassifier.IsSafeToRepeat(Profile, message))
        {
            return call?.IdempotencyKey is { } key
                ? $" Whether the server acted is unknown; retry with the same idempotency key ({key}) to be safe."
                : " Repeating the request is safe.";
        }

        return " The server may have acted on it; this endpoint does not promise to de-duplicate a repeat, so the SDK did not retry it: check its effect before sending it again.";
    }

    private static string SafeText(ReadOnlySpan<byte> body) => Encoding.UTF8.GetString(body);
}
