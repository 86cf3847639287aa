using System.Globalization;

namespace Attention.Sdk.Telemetry;

/// <summary>
/// Attribute names (OpenTelemetry HTTP and RPC semantic conventions, plus <c>attention.*</c> for the SDK's own) and the
/// <c>error.type</c> rule, shared by every span and measurement.
/// </summary>
internal static class TelemetryTags
{
    public const string Api = "attention.api";
    public const string Method = "http.request.method";
    public const string StatusCode = "http.response.status_code";
    public const string UrlTemplate = "url.template";
    public const string ServerAddress = "server.address";
    public const string ResendCount = "http.request.resend_count";
    public const string ErrorType = "error.type";
    public const string Attempts = "attention.attempts";
    public const string RpcSystem = "rpc.system";
    public const string RpcMethod = "rpc.method";
    public const string RpcJsonRpcErrorCode = "rpc.jsonrpc.error_code";
    public const string RpcJsonRpcVersion = "rpc.jsonrpc.version";

    private static readonly string[] s_statusTexts = CreateStatusTexts();

    /// <summary>A status code as text, without allocating for the usual ones.</summary>
    public static string StatusText(int status) =>
        status is >= 100 and < 600 ? s_statusTexts[status - 100] : status.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The semantic conventions' <c>error.type</c>: the status code for an API's error answer, otherwise the exception type's full name
    /// (low-cardinality, and never the message, which may hold server text).
    /// </summary>
    public static string ErrorTypeOf(Exception exception) => exception is AttentionApiException api
        ? StatusText((int)api.StatusCode)
        : exception.GetType().FullName ?? exception.GetType().Name;

    private static string[] CreateStatusTexts()
    {
        var texts = new string[500];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = (i + 100).ToString(CultureInfo.InvariantCulture);
        }

        return texts;
    }
}
