using System.Diagnostics;
using Attention.Sdk.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Attention.Sdk.Http;

/// <summary>
/// Innermost handler: one client <see cref="Activity"/> span, one duration measurement and log events per attempt, with the
/// OpenTelemetry HTTP semantic-convention attributes (and the RPC ones for a JSON-RPC call, whose span is named by its method).
/// Everything logged passes <see cref="LogRedactor"/>; spans and measurements carry the route template, never the URL's values.
/// </summary>
internal sealed class TelemetryHandler(ApiProfile profile, ILoggerFactory? loggerFactory, TimeProvider time, AttentionMetrics metrics) : DelegatingHandler
{
    private readonly ILogger _logger = loggerFactory?.CreateLogger("Attention.Sdk.Http") ?? NullLogger.Instance;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Nobody listening, logging or measuring: pass the attempt straight through, without an async frame of our own.
        if (!AttentionDiagnostics.ActivitySource.HasListeners() && !metrics.RequestDuration.Enabled && !_logger.IsEnabled(LogLevel.Warning))
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
        var route = RouteOf(call, request);
        // Names and tags are only built when someone listens: the common case pays nothing for tracing.
        using var activity = AttentionDiagnostics.ActivitySource.HasListeners()
            ? AttentionDiagnostics.ActivitySource.StartActivity(call.RpcMethod ?? $"{method} {route}", ActivityKind.Client)
            : null;
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.Method, method);
            activity.SetTag(TelemetryTags.UrlTemplate, route);
            activity.SetTag(TelemetryTags.ServerAddress, request.RequestUri?.Host);
            activity.SetTag(TelemetryTags.Api, profile.Name);
            activity.SetTag(TelemetryTags.ResendCount, attempt - 1);
            if (call.RpcMethod is { } rpcMethod)
            {
                activity.SetTag(TelemetryTags.RpcSystem, "jsonrpc");
                activity.SetTag(TelemetryTags.RpcMethod, rpcMethod);
            }
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
            // HTTP semantic conventions: a status of 400 or more is a failed client attempt, with the status as error.type and no description.
            var error = status >= 400 ? TelemetryTags.StatusText(status) : null;
            if (activity is not null)
            {
                activity.SetTag(TelemetryTags.StatusCode, status);
                if (error is not null)
                {
                    activity.SetTag(TelemetryTags.ErrorType, error);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            Record(elapsed, method, route, request, call, status, error);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                Log.Received(_logger, profile.Name, method, route, status, elapsed.TotalMilliseconds, attempt);
            }

            return response;
        }
        catch (Exception ex)
        {
            var elapsed = time.GetElapsedTime(started);
            var error = TelemetryTags.ErrorTypeOf(ex);
            if (activity is not null)
            {
                activity.SetTag(TelemetryTags.ErrorType, error);
                activity.SetStatus(ActivityStatusCode.Error, error);
            }

            Record(elapsed, method, route, request, call, null, error);
            Log.Failed(_logger, profile.Name, method, route, attempt, elapsed.TotalMilliseconds, ex.GetType().Name + ": " + ex.Message);
            throw;
        }
    }

    private string? RouteOf(ApiCallContext call, HttpRequestMessage request) =>
        profile.AddressMayCarrySecrets ? "/" : call.Route ?? request.RequestUri?.AbsolutePath;

    private string UrlOf(HttpRequestMessage request) => profile.AddressMayCarrySecrets
        ? request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetLeftPart(UriPartial.Authority) : string.Empty
        : LogRedactor.RedactUrl(request.RequestUri);

    private void Record(TimeSpan elapsed, string method, string? route, HttpRequestMessage request, ApiCallContext call, int? status, string? error)
    {
        if (!metrics.RequestDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { TelemetryTags.Api, profile.Name },
            { TelemetryTags.Method, method },
            { TelemetryTags.UrlTemplate, route },
            { TelemetryTags.ServerAddress, request.RequestUri?.Host },
        };
        if (status is { } code)
        {
            tags.Add(TelemetryTags.StatusCode, code);
        }

        if (error is not null)
        {
            tags.Add(TelemetryTags.ErrorType, error);
        }

        if (call.RpcMethod is { } rpcMethod)
        {
            tags.Add(TelemetryTags.RpcMethod, rpcMethod);
        }

        metrics.RequestDuration.Record(elapsed.TotalSeconds, in tags);
    }
}
