using System.Collections.Concurrent;
using System.Net;
using AttentionFactory;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;
using AttentionFactory.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attention.Sandbox.Tests.Kit;

/// <summary>Webhooks as a real sender delivers them: retried with back-off on non-2xx, resent on request, awaitable in tests.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private const string Secret = "whsec_kit_test";
    private readonly ConcurrentQueue<(string Body, string Signature)> _received = new();
    private AttentionSandbox _sandbox = null!;
    private WebApplication _receiver = null!;
    private Uri _receiverAddress = null!;
    private int _failuresLeft;

    public async ValueTask InitializeAsync()
    {
        _sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions
        {
            RentalActivationDelay = TimeSpan.FromMilliseconds(200),
            WebhookRetryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)],
        });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _receiver = builder.Build();
        _receiver.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            _received.Enqueue((await reader.ReadToEndAsync(context.RequestAborted), context.Request.Headers["X-Webhook-Signature"].ToString()));
            context.Response.StatusCode = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 503 : 200;
        });
        await _receiver.StartAsync();
        _receiverAddress = new Uri(_receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delivery_answered_503_is_retried_until_the_receiver_answers_2xx()
    {
        _failuresLeft = 2;
        var client = await SubscribedClientAsync();
        var succeeded = _sandbox.NextWebhookDeliveryAsync(d => d.EventName == "rental.active" && d.Succeeded, Ct);

        await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);
        var delivery = await succeeded.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(3, delivery.Attempt);
        Assert.Equal(200, delivery.StatusCode);
        Assert.Equal(3, _received.Count);
        Assert.Single(_received.Select(r => r.Body).Distinct());
        var log = Assert.Single(await client.Webhooks.ListDeliveriesAsync((await client.Webhooks.ListAsync(Ct))[0].Id, Ct));
        Assert.Equal(200, log.StatusCode);
    }

    [Fact]
    public async Task Redelivery_resends_the_same_signed_body_as_a_new_attempt()
    {
        var client = await SubscribedClientAsync();
        var first = _sandbox.NextWebhookDeliveryAsync("rental.active", Ct);
        await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);
        var delivered = await first.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var again = await _sandbox.RedeliverWebhookAsync(delivered.DeliveryId, Ct);

        Assert.Equal(delivered.DeliveryId, again.DeliveryId);
        Assert.Equal(2, again.Attempt);
        Assert.Equal(delivered.Body, again.Body);
        Assert.Equal(2, _received.Count);
        Assert.All(_received, r => Assert.Equal(delivered.Signature, r.Signature));
        Assert.NotNull(new AttentionFactoryWebhookParser(Secret).Parse(System.Text.Encoding.UTF8.GetBytes(again.Body), again.Signature));
    }

    [Fact]
    public async Task Unknown_delivery_id_cannot_be_redelivered()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _sandbox.RedeliverWebhookAsync("no-such-delivery", Ct));
    }

    [Fact]
    public async Task Awaiting_the_next_delivery_can_be_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        var next = _sandbox.NextWebhookDeliveryAsync(cancellationToken: cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
    }

    private async Task<AttentionFactoryClient> SubscribedClientAsync()
    {
        var client = new AttentionFactoryClient(_sandbox.CreateAttentionFactoryOptions(_sandbox.CreateAttentionFactoryKey()));
        await client.Webhooks.CreateAsync(new CreateWebhookRequest
        {
            Url = new Uri(_receiverAddress, "hooks").ToString(),
            Events = [WebhookEventType.RentalActive],
            Secret = Secret,
        }, cancellationToken: Ct);
        return client;
    }
}
