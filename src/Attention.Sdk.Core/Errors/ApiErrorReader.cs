using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Attention.Sdk.Http;

namespace Attention.Sdk;

/// <summary>
/// Reads a non-success response into <see cref="ApiErrorDetails"/>: the server's message from <c>detail</c>
/// (a string, or FastAPI-style validation items), <c>message</c> or <c>error</c>, its error code, <c>Retry-After</c>
/// and request id. Never throws on a body it cannot parse: the raw text is kept instead.
/// </summary>
internal static class ApiErrorReader
{
    private static readonly string[] s_requestIdHeaders = ["X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Amzn-RequestId", "CF-Ray"];

    public static async Task<ApiErrorDetails> ReadAsync(HttpResponseMessage response, HttpRequestMessage request, TimeProvider time, CancellationToken cancellationToken)
    {
        string? body = null;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or InvalidOperationException or DecoderFallbackException)
        {
            // The status line is the fact that matters; a body cut off mid-way must not hide it.
        }

        var call = ApiCallContext.Get(request);
        var (message, code) = ParseBody(body);
        return new ApiErrorDetails
        {
            StatusCode = response.StatusCode,
            ServerMessage = message,
            ErrorCode = code,
            RetryAfter = RetryAfterParser.Parse(response.Headers.RetryAfter, time),
            RequestId = FindRequestId(response.Headers),
            RawBody = Truncate(body),
            Body = body is { Length: <= ApiErrorDetails.MaxBodyLength } ? body : null,
            Method = request.Method.Method,
            Route = call?.Route,
            IdempotencyKey = call?.IdempotencyKey,
            Attempts = call?.Attempts ?? 1,
            RetryBudgetExhausted = call?.RetryBudgetExhausted ?? false,
            RequiredPermission = call?.RequiredPermission,
        };
    }

    internal static (string? Message, string? Code) ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var root = document.RootElement;
            var detail = ReadDetail(root, "detail");
            var message = ReadString(root, "message");
            var code = ReadString(root, "code") ?? ReadString(root, "error_code");
            string? errorText = null;
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    errorText = error.GetString();
                }
                else if (error.ValueKind == JsonValueKind.Object)
                {
                    message ??= ReadString(error, "message");
                    code ??= ReadString(error, "code") ?? ReadString(error, "type");
                }
            }

            // "error" is a code when it looks like one (payment_required) or when a separate message exists.
            if (errorText is not null)
            {
                if (LooksLikeCode(errorText) || message is not null || detail is not null)
                {
                    code ??= errorText;
                }
                else
                {
                    message ??= errorText;
                }
            }

            return (detail ?? message ?? (errorText is not null && code == errorText ? errorText : null), code);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? ReadDetail(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var detail))
        {
            return null;
        }

        switch (detail.ValueKind)
        {
            case JsonValueKind.String:
                return detail.GetString();
            case JsonValueKind.Array:
                var parts = new List<string>();
                foreach (var item in detail.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        parts.Add(item.GetString()!);
                    }
                    else if (item.ValueKind == JsonValueKind.Object)
                    {
                        var msg = ReadString(item, "msg") ?? ReadString(item, "message");
                        var location = item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array
                            ? string.Join('.', loc.EnumerateArray().Select(l => l.ToString()))
                            : null;
                        if (msg is not null)
                        {
                            parts.Add(location is null ? msg : $"{location}: {msg}");
                        }
                    }
                }

                return parts.Count == 0 ? null : string.Join("; ", parts);
            case JsonValueKind.Object:
                return ReadString(detail, "message") ?? ReadString(detail, "msg");
            default:
                return null;
        }
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool LooksLikeCode(string text) =>
        text.Length is > 0 and <= 64 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.' or '-');

    private static string? FindRequestId(HttpResponseHeaders headers)
    {
        foreach (var name in s_requestIdHeaders)
        {
            if (headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    internal static string? Truncate(string? body) =>
        body is null || body.Length <= ApiErrorDetails.MaxRawBodyLength ? body : body[..ApiErrorDetails.MaxRawBodyLength] + "…";
}
