using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Attention.Sandbox.Hosting;

/// <summary>
/// How the sandbox's own web host behaves inside someone else's process: it never takes the process's signals, never adds
/// its server spans to the host app's traces, tags every answer with <c>X-Request-Id</c>, and never answers a crash with an
/// empty 500.
/// </summary>
internal static class SandboxHost
{
    /// <summary>The name of the sandbox server's own <see cref="ActivitySource"/> and <see cref="DiagnosticListener"/>.</summary>
    public const string TelemetryName = "Attention.Sandbox.Server";

    public static void ConfigureServices(IServiceCollection services)
    {
        // The default console lifetime would take SIGTERM/SIGINT for itself, stop only the sandbox and cancel the process's
        // own shutdown; without it the signal reaches the host app (or ends the process), which then disposes the sandbox.
        services.RemoveAll<IHostLifetime>();
        services.AddSingleton<IHostLifetime, PassiveLifetime>();

        // ASP.NET Core hosting starts a server span on "Microsoft.AspNetCore", which the host app's tracing listens to; the
        // sandbox's requests would show up as the app's own. Its own source and listener keep them apart (opt in by name).
        services.RemoveAll<DiagnosticListener>();
        services.RemoveAll<DiagnosticSource>();
        services.RemoveAll<ActivitySource>();
        services.RemoveAll<DistributedContextPropagator>();
        var listener = new DiagnosticListener(TelemetryName);
        services.AddSingleton(listener);
        services.AddSingleton<DiagnosticSource>(listener);
        services.AddSingleton(new ActivitySource(TelemetryName));
        services.AddSingleton(DistributedContextPropagator.CreateNoOutputPropagator());
    }

    public static void UseMiddleware(WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.Headers["X-Request-Id"] = "req_" + Guid.NewGuid().ToString("N");
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A sandbox bug must still answer in the API's error shape, never an empty body (and never with the exception text).
            context.Response.Clear();
            context.Response.Headers["X-Request-Id"] = "req_" + Guid.NewGuid().ToString("N");
            await SandboxHttp.WriteJsonAsync(context, 500, InternalError(context.Request.Path)).ConfigureAwait(false);
        }
    });

    private static JsonObject InternalError(PathString path) =>
        path.StartsWithSegments("/factory", StringComparison.Ordinal) ? new JsonObject { ["detail"] = "Internal server error" }
        : path.StartsWithSegments("/autopersonas", StringComparison.Ordinal) ? new JsonObject { ["error"] = "Internal server error" }
        : new JsonObject { ["error"] = "internal_error", ["message"] = "Internal server error" };

    /// <summary>A lifetime that neither waits for nor listens to anything: the process that hosts the sandbox owns its lifetime.</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
