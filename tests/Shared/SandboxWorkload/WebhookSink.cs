using System.Net;
using AttentionFactory.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attention.Sandbox.Workload;

/// <summary>
/// A loopback receiver for the workload's Attention Factory webhooks: every delivery is verified with the SDK's parser
/// (one secret per account, chosen by path) and counted; a delivery that fails verification is counted as rejected.
/// </summary>
internal sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<int, AttentionFactoryWebhookParser> _parsers;
    private long _verified;
    private long _rejected;

    private WebhookSink(WebApplication app, Dictionary<int, AttentionFactoryWebhookParser> parsers, string baseUrl)
    {
        _app = app;
        _parsers = parsers;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public long Verified => Interlocked.Read(ref _verified);

    public long Rejected => Interlocked.Read(ref _rejected);

    public string UrlFor(int account) => $"{BaseUrl}/hooks/{account}";

    /// <summary>Starts the receiver; <paramref name="secrets"/>[i] is account i's webhook secret.</summary>
    public static async Task<WebhookSink> StartAsync(IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var parsers = secrets.Select((secret, i) => (i, Parser: new AttentionFactoryWebhookParser(secret))).ToDictionary(p => p.i, p => p.Parser);
        WebhookSink? sink = null;
        app.MapPost("/hooks/{account:int}", async (HttpContext context, int account) =>
        {
            if (!parsers.TryGetValue(account, out var parser))
            {
                return Results.NotFound();
            }

            try
            {
                await parser.ParseAsync(context.Request.Body, context.Request.Headers[AttentionFactoryWebhookParser.SignatureHeaderName], context.RequestAborted).ConfigureAwait(false);
                Interlocked.Increment(ref sink!._verified);
                return Results.Ok();
            }
            catch (WebhookVerificationException)
            {
                Interlocked.Increment(ref sink!._rejected);
                return Results.Unauthorized();
            }
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink = new WebhookSink(app, parsers, address.TrimEnd('/'));
        return sink;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
