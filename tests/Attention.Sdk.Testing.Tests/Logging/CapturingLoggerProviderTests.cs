using Attention.Sdk.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Testing.Tests.Logging;

public sealed class CapturingLoggerProviderTests
{
    [Fact]
    public void Captures_message_level_event_category_and_structured_state()
    {
        using var provider = new CapturingLoggerProvider();
        using var factory = provider.CreateLoggerFactory();
        var logger = factory.CreateLogger("Attention.Test");

        logger.LogWarning(new EventId(42, "Retrying"), "Retry {Attempt} after {DelayMs} ms", 2, 150);

        var entry = Assert.Single(provider.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(42, entry.EventId.Id);
        Assert.Equal("Retrying", entry.EventId.Name);
        Assert.Equal("Attention.Test", entry.Category);
        Assert.Equal("Retry 2 after 150 ms", entry.Message);
        Assert.Equal(2, entry["Attempt"]);
        Assert.Equal(150, entry["DelayMs"]);
        Assert.Equal("Retry {Attempt} after {DelayMs} ms", entry["{OriginalFormat}"]);
    }

    [Fact]
    public void All_text_includes_state_scopes_and_exceptions_so_secrets_can_be_ruled_out()
    {
        using var provider = new CapturingLoggerProvider();
        var logger = provider.CreateLogger<CapturingLoggerProviderTests>();

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestId"] = "req-77" }))
        {
            logger.LogError(new InvalidOperationException("boom-detail"), "Call failed for {Path}", "/v1/rentals");
        }

        logger.LogInformation("outside");

        Assert.Equal(typeof(CapturingLoggerProviderTests).FullName, provider.Entries[0].Category);
        Assert.Contains("req-77", provider.AllText, StringComparison.Ordinal);
        Assert.Contains("boom-detail", provider.AllText, StringComparison.Ordinal);
        Assert.Contains("/v1/rentals", provider.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_live_secret", provider.AllText, StringComparison.Ordinal);
        Assert.Single(provider.Entries[0].Scopes);
        Assert.Empty(provider.Entries[1].Scopes);
        Assert.Single(provider.AtLeast(LogLevel.Error));
    }

    [Fact]
    public async Task Is_thread_safe_and_respects_the_minimum_level()
    {
        using var provider = new CapturingLoggerProvider { MinimumLevel = LogLevel.Information };
        var logger = provider.CreateLogger("Parallel");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                logger.LogInformation("Item {Thread} {Index}", t, i);
                logger.LogDebug("hidden");
            }
        }, TestContext.Current.CancellationToken)));

        Assert.Equal(2000, provider.Entries.Count);
        Assert.False(logger.IsEnabled(LogLevel.Debug));
        provider.Clear();
        Assert.Empty(provider.Entries);
    }
}
