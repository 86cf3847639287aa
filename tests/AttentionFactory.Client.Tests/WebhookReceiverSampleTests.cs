using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AttentionFactory.Client.Tests.Support;
using AttentionFactory.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver;

namespace AttentionFactory.Client.Tests;

/// <summary>Starts the WebhookReceiver sample on 127.0.0.1 and a free port and posts real signed deliveries to it over HTTP.</summary>
public sealed class WebhookReceiverSampleTests(NodeWebhookVectors vectors) : IClassFixture<NodeWebhookVectors>, IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _app = WebhookReceiverApp.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AttentionFactory:Webhooks:Secrets:0"] = NodeWebhookVectors.Secret,
                ["AttentionFactory:Webhooks:Secrets:1"] = NodeWebhookVectors.OldSecret,
                ["AttentionFactory:Webhooks:MaxBodyBytes"] = "4096",
            });
        });
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_validly_signed_delivery_is_accepted_and_processed()
    {
        using var response = await PostAsync(NodeWebhookVectors.Bodies[0], vectors.Signatures[0]["sortedCompact"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("processed", (await ReadAsync(response)).GetProperty("status").GetString());
        var received = Assert.Single(_app.Services.GetRequiredService<ReceivedEvents>().All);
        Assert.Equal("9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309", Assert.IsType<ActionWebhookEvent>(received).ActionId);
    }

    [Fact]
    public async Task A_tampered_delivery_gets_401_and_is_not_processed()
    {
        var tampered = NodeWebhookVectors.Bodies[1].Replace("launchpad_labs", "attacker", StringComparison.Ordinal);

        using var response = await PostAsync(tampered, vectors.Signatures[1]["raw"]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("does not match", (await ReadAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(_app.Services.GetRequiredService<ReceivedEvents>().All);
    }

    [Fact]
    public async Task A_delivery_without_a_signature_gets_401()
    {
        using var response = await PostAsync(NodeWebhookVectors.Bodies[0], signature: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_redelivered_event_is_processed_once()
    {
        using var first = await PostAsync(NodeWebhookVectors.Bodies[1], vectors.Signatures[1]["pythonDefault"]);
        using var second = await PostAsync(NodeWebhookVectors.Bodies[1], vectors.Signatures[1]["sortedCompact"]);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("processed", (await ReadAsync(first)).GetProperty("status").GetString());
        var duplicate = await ReadAsync(second);
        Assert.Equal("duplicate", duplicate.GetProperty("status").GetString());
        Assert.Equal("rental.active:4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3", duplicate.GetProperty("key").GetString());
        Assert.Single(_app.Services.GetRequiredService<ReceivedEvents>().All);
    }

    [Fact]
    public async Task A_delivery_signed_with_the_previous_secret_is_accepted_during_rotation()
    {
        using var response = await PostAsync(NodeWebhookVectors.Bodies[0], vectors.Signatures[0]["oldSecretSortedCompact"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_configured_limit_gets_413_and_is_not_processed()
    {
        var data = $$"""{"action_id":"a1","rental_id":"r1","status":"verified","caption":"{{new string('x', 5000)}}"}""";
        var delivery = SignedWebhookDelivery.Create(WebhookEventType.ActionVerified, data, NodeWebhookVectors.Secret);

        using var request = delivery.ToHttpRequestMessage(WebhookReceiverApp.Path);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("4096 bytes", (await ReadAsync(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(_app.Services.GetRequiredService<ReceivedEvents>().All);
    }

    [Fact]
    public async Task A_delivery_built_by_the_signed_delivery_helper_is_processed()
    {
        var delivery = SignedWebhookDelivery.Create(WebhookEventType.RentalExpired, """{"rental_id":"r9","status":"expired"}""", NodeWebhookVectors.OldSecret);

        using var request = delivery.ToHttpRequestMessage(WebhookReceiverApp.Path);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rental.expired:r9", Assert.Single(_app.Services.GetRequiredService<ReceivedEvents>().All).DeduplicationKey);
    }

    [Fact]
    public async Task Without_a_configured_secret_the_receiver_does_not_start()
    {
        await using var app = WebhookReceiverApp.Create([], builder => builder.WebHost.UseUrls("http://127.0.0.1:0"));

        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("At least one webhook secret is required", ex.Message, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookReceiverApp.Path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (signature is not null)
        {
            request.Headers.Add(AttentionFactoryWebhookParser.SignatureHeaderName, signature);
        }

        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}
