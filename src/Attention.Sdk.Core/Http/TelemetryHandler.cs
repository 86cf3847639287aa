using System.Diagnostics;
using Attention.Sdk.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attention.Sdk.Http;

/// <summary>
/// Innermost handler: one <see cref="Activity"/> span, one duration measurement and log events per attempt.
/// Everything logged passes <see cref="LogRedactor"/>.
/// </summary>
internal sealed class TelemetryHandler(ApiProfile profile, ILoggerFactory? loggerFactory, TimeProvider time) : DelegatingHandler
{
    private readonly ILogger _logger = loggerFactory?.CreateLogger("Attention.Sdk.Http") ?? NullLogger.Instance;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Nobody listening, logging or measuring: pass the attempt straight through, without an async frame of our own.
        if (!AttentionDiagnostics.ActivitySource.HasListeners() && !AttentionDiagnostics.RequestDuration.Enabled && !_logger.IsEnabled(LogLevel.Warning))
        {
            return base.SendAsync(request, cancellationToken);
        }

        return SendObservedAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendObservedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = ApiCallContext.GetOrCreate(request);
        var method = request.Method.Method;
        var attempt = Math.Max(call.Attempts, 1);
        // Names and tags are only built when someone listens: the common case pays nothing for tracing.
        using var activity = AttentionDiagnostics.ActivitySource.HasListeners()
            ? AttentionDiagnostics.ActivitySource.StartActivity($"{method} {RouteOf(call, request)}", ActivityKind.Client)
            : null;
        if (activity is not null)
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("url.template", RouteOf(call, request));
            activity.SetTag("server.address", request.RequestUri?.Host);
            activity.SetTag("attention.api", profile.Name);
            activity.SetTag("http.request.resend_count", attempt - 1);
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.Sending(_logger, profile.Name, method, UrlOf(request), attempt);
        }

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            foreach (var header in request.Headers)
            {
                Log.Header(_logger, profile.Name, "request", header.Key, LogRedactor.RedactHeader(header.Key, string.Join(',', header.Value)));
            }
        }

        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            if (status >= 400)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            if (AttentionDiagnostics.RequestDuration.Enabled)
            {
                Record(elapsed, method, RouteOf(call, request), status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (_logger.IsEnabled(LogLevel.Information))
            {
                Log.Received(_logger, profile.Name, method, RouteOf(call, request), status, elapsed.TotalMilliseconds, attempt);
            }

            return response;
        }
        catch (Exception ex)
        {
            var elapsed = time.GetElapsedTime(started);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            Record(elapsed, method, RouteOf(call, request), ex.GetType().Name);
            Log.Failed(_logger, profile.Name, method, RouteOf(call, request), attempt, elapsed.TotalMilliseconds, ex.GetType().Name + ": " + ex.Message);
            throw;
        }
    }

    private string? RouteOf(ApiCallContext call, HttpRequestMessage request) =>
        profile.AddressMayCarrySecrets ? "/" : call.Route ?? request.RequestUri?.AbsolutePath;

    private string UrlOf(HttpRequestMessage request) => profile.AddressMayCarrySecrets
        ? request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Authority) : string.Empty
        : LogRedactor.RedactUrl(request.RequestUri);

    private void Record(TimeSpan elapsed, string method, string? route, string outcome)
    {
        if (!AttentionDiagnostics.RequestDuration.Enabled)
        {
            return;
        }

        AttentionDiagnostics.RequestDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("attention.api", profile.Name),
            new KeyValuePair<string, object?>("http.request.method", method),
            new KeyValuePair<string, object?>("url.template", route),
            new KeyValuePair<string, object?>("outcome", outcome));
    }
}
