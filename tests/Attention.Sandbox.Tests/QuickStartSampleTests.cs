using QuickStart;

namespace Attention.Sandbox.Tests;

/// <summary>The README's demo command runs this entry point; running it here keeps the sample from rotting.</summary>
public sealed class QuickStartSampleTests
{
    [Fact]
    public async Task Quick_start_tour_completes_against_the_sandbox_without_keys()
    {
        using var output = new StringWriter();

        var exitCode = await Tour.RunAsync(output, new TourSettings(), TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.True(exitCode == 0, text);
        Assert.Contains("Action finished: verified", text);
        Assert.Contains("Webhook received and verified: action.verified", text);
        Assert.Contains("Publish published", text);
        Assert.Contains("verifiers answered yes", text);
        Assert.Contains("Tour complete.", text);
    }
}
