using System.Collections.Concurrent;
using System.Net;
using Attention.Sdk;
using AttentionFactory;
using AttentionFactory.Actions;
using AttentionFactory.Billing;
using AttentionFactory.Branding;
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

namespace Attention.Sandbox.Tests;

/// <summary>The emulated Attention Factory, driven only through the SDK's AttentionFactoryClient.</summary>
public sealed class FactorySandboxTests : IAsyncLifetime
{
    private AttentionSandbox _sandbox = null!;

    public async ValueTask InitializeAsync() =>
        _sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions
        {
            RentalActivationDelay = TimeSpan.FromMilliseconds(300),
            ActionStepDelay = TimeSpan.FromMilliseconds(100),
            PostAnalyticsDelay = TimeSpan.FromMilliseconds(200),
            StartingCredits = 250m,
        });

    public async ValueTask DisposeAsync() => await _sandbox.DisposeAsync();

    private AttentionFactoryClient NewClient(string? key = null) =>
        new(_sandbox.CreateAttentionFactoryOptions(key ?? _sandbox.CreateAttentionFactoryKey()));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rental_warms_then_activates_with_a_profile_and_is_charged_once()
    {
        // The sandbox runs on a manual clock, so the rental is warming until the test moves it past the activation delay
        // (however slow the machine); the client keeps the real clock for its polling.
        var clock = new Attention.Sdk.Testing.Time.ManualTimeProvider();
        await using var sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions { RentalActivationDelay = TimeSpan.FromMilliseconds(300), StartingCredits = 250m, TimeProvider = clock }, Ct);
        var options = sandbox.CreateAttentionFactoryOptions();
        options.TimeProvider = TimeProvider.System;
        var client = new AttentionFactoryClient(options);

        var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);
        Assert.Equal(RentalStatus.Warming, rental.Status);
        Assert.Null(rental.Profile);
        Assert.Equal(RentalStatus.Warming, (await client.Rentals.GetAsync(rental.Id, Ct)).Status);

        clock.Advance(TimeSpan.FromMilliseconds(300));
        var active = await client.Rentals.WaitForRentalActiveAsync(rental.Id, cancellationToken: Ct);

        Assert.Equal(RentalStatus.Active, active.Status);
        Assert.NotNull(active.AnonymizedId);
        Assert.NotNull(active.Profile);
        Assert.Equal(151.00m, (await client.Billing.GetBalanceAsync(Ct)).Balance);
    }

    [Fact]
    public async Task Same_idempotency_key_returns_the_same_rental_and_charges_once()
    {
        var client = NewClient();
        var request = new CreateRentalRequest { Platform = Platform.TikTok };

        var first = await client.Rentals.CreateAsync(request, new Attention.Sdk.Http.RequestOptions { IdempotencyKey = "sandbox-key-1" }, Ct);
        var second = await client.Rentals.CreateAsync(request, new Attention.Sdk.Http.RequestOptions { IdempotencyKey = "sandbox-key-1" }, Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Single(await client.Rentals.ListAsync(cancellationToken: Ct));
        Assert.Equal(151.00m, (await client.Billing.GetBalanceAsync(Ct)).Balance);
    }

    [Fact]
    public async Task Rental_beyond_the_balance_is_a_402_with_the_amounts()
    {
        var client = NewClient();

        var error = await Assert.ThrowsAsync<InsufficientCreditsException>(() =>
            client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, Months = 3 }, cancellationToken: Ct));

        Assert.Equal(297.00m, error.Needed);
        Assert.Equal(250.00m, error.Available);
    }

    [Fact]
    public async Task Unknown_warming_niche_is_a_400_and_charges_nothing()
    {
        var client = NewClient();

        var error = await Assert.ThrowsAsync<AttentionBadRequestException>(() =>
            client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, WarmingNiche = "underwater-basketry" }, cancellationToken: Ct));

        Assert.Contains("underwater-basketry", error.ServerMessage);
        Assert.Equal(250.00m, (await client.Billing.GetBalanceAsync(Ct)).Balance);
    }

    [Fact]
    public async Task Action_on_a_warming_rental_is_a_409()
    {
        // Its own sandbox whose rentals stay warming: on a loaded machine 300 ms can pass between two calls.
        await using var sandbox = await StartWarmingSandboxAsync();
        var client = new AttentionFactoryClient(sandbox.CreateAttentionFactoryOptions());
        var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);

        await Assert.ThrowsAsync<AttentionConflictException>(() =>
            client.Actions.SubmitPostImageAsync(rental.Id, Platform.Instagram, new PostOptions { MediaUrl = "https://cdn.example.com/a.jpg" }, cancellationToken: Ct));
    }

    [Fact]
    public async Task Post_progresses_to_verified_and_its_analytics_arrive()
    {
        var client = NewClient();
        var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);
        Assert.True(_sandbox.ActivateRental(rental.Id));

        var action = await client.Actions.SubmitPostImageAsync(rental.Id, Platform.Instagram, new PostOptions { Caption = "Launch", MediaUrl = "https://cdn.example.com/a.jpg" }, new Attention.Sdk.Http.RequestOptions { IdempotencyKey = "post-1" }, Ct);
        var done = await client.Actions.WaitForActionFinishedAsync(rental.Id, action.Id, cancellationToken: Ct);
        var analytics = await client.Actions.WaitForPostAnalyticsAvailableAsync(rental.Id, action.Id, cancellationToken: Ct);

        Assert.Equal(ActionStatus.Verified, done.Status);
        Assert.NotNull(analytics);
    }

    [Fact]
    public async Task Empty_branding_on_a_warming_rental_is_stored_as_a_preset()
    {
        // Its own sandbox whose rentals stay warming: on a loaded machine 300 ms can pass between two calls.
        await using var sandbox = await StartWarmingSandboxAsync();
        var client = new AttentionFactoryClient(sandbox.CreateAttentionFactoryOptions());
        var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);

        var result = await client.Branding.ApplyAsync(rental.Id, new BrandingFields { Bio = "Builder. Coffee. Code." }, cancellationToken: Ct);

        Assert.Equal(BrandingMode.PresetStored, result.Mode);
    }

    [Fact]
    public async Task Extending_a_warming_rental_is_a_409()
    {
        // Its own sandbox whose rentals stay warming: on a loaded machine 300 ms can pass between two calls.
        await using var sandbox = await StartWarmingSandboxAsync();
        var client = new AttentionFactoryClient(sandbox.CreateAttentionFactoryOptions());
        var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);

        await Assert.ThrowsAsync<AttentionConflictException>(() => client.Rentals.ExtendAsync(rental.Id, 1, cancellationToken: Ct));
    }

    [Fact]
    public async Task Unknown_rental_is_a_404()
    {
        var error = await Assert.ThrowsAsync<AttentionNotFoundException>(() => NewClient().Rentals.GetAsync("no-such-rental", Ct));

        Assert.Contains("no-such-rental", error.ServerMessage);
    }

    [Fact]
    public async Task Actions_beyond_the_per_rental_cap_are_a_429_with_retry_after()
    {
        await using var sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions { RentalActivationDelay = TimeSpan.Zero, ActionRateCapPerHour = 2 }, Ct);
        var options = sandbox.CreateAttentionFactoryOptions();
        options.MaxRetryAfter = TimeSpan.FromSeconds(1);
        var client = new AttentionFactoryClient(options);
        var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);
        var post = new PostOptions { MediaUrl = "https://cdn.example.com/a.jpg" };
        await client.Actions.SubmitPostImageAsync(rental.Id, Platform.Instagram, post, cancellationToken: Ct);
        await client.Actions.SubmitPostImageAsync(rental.Id, Platform.Instagram, post, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<AttentionRateLimitException>(() =>
            client.Actions.SubmitPostImageAsync(rental.Id, Platform.Instagram, post, cancellationToken: Ct));

        Assert.True(error.RetryAfter > TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await client.Actions.ListAsync(rental.Id, cancellationToken: Ct)).Count);
    }

    [Fact]
    public async Task Registered_webhook_receives_signed_deliveries_the_parser_accepts()
    {
        var received = new ConcurrentQueue<WebhookEvent>();
        const string secret = "whsec_sandbox_test";
        var parser = new AttentionFactoryWebhookParser(secret);
        await using var receiver = await StartReceiverAsync(async context =>
        {
            received.Enqueue(await parser.ParseAsync(context.Request.Body, context.Request.Headers[AttentionFactoryWebhookParser.SignatureHeaderName], context.RequestAborted));
        });
        var client = NewClient();
        await client.Webhooks.CreateAsync(new CreateWebhookRequest
        {
            Url = new Uri(receiver.Address, "hooks").ToString(),
            Events = [WebhookEventType.RentalActive, WebhookEventType.ActionVerified],
            Secret = secret,
        }, cancellationToken: Ct);

        var rental = await client.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram }, cancellationToken: Ct);
        await client.Rentals.WaitForRentalActiveAsync(rental.Id, cancellationToken: Ct);
        // The delivery follows activation asynchronously; the deadline only bounds a hang.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        var delivered = Assert.IsType<RentalWebhookEvent>(Assert.Single(received));
        Assert.Equal(rental.Id, delivered.RentalId);
        Assert.Equal(WebhookEventType.RentalActive, delivered.EventType);
    }

    /// <summary>A sandbox of the test's own whose rentals stay warming for the whole test (activation is hours away).</summary>
    private static Task<AttentionSandbox> StartWarmingSandboxAsync() =>
        AttentionSandbox.StartAsync(new AttentionSandboxOptions { RentalActivationDelay = TimeSpan.FromHours(1) }, Ct);

    private static async Task<Receiver> StartReceiverAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Receiver(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private sealed record Receiver(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
