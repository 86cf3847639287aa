using Attention.Sandbox;
using Attention.Sdk;

namespace QuickStart;

/// <summary>The guided tour: each API end to end, with readable progress.</summary>
public static class Tour
{
    /// <summary>Runs every part; returns the process exit code (0 when every part succeeded).</summary>
    public static async Task<int> RunAsync(TextWriter output, TourSettings settings, CancellationToken cancellationToken = default)
    {
        var progress = new Progress(output);
        AttentionSandbox? sandbox = null;
        try
        {
            if (settings.NeedsSandbox)
            {
                sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions
                {
                    RentalActivationDelay = TimeSpan.FromSeconds(1),
                    ActionStepDelay = TimeSpan.FromMilliseconds(300),
                    PostAnalyticsDelay = TimeSpan.FromMilliseconds(500),
                    ContentGenerationDelay = TimeSpan.FromMilliseconds(500),
                    CampaignCompletionDelay = TimeSpan.FromSeconds(1),
                }, cancellationToken).ConfigureAwait(false);
                progress.Note($"No keys in the environment for every API: the sandbox runs at {sandbox.BaseAddress}");
            }

            await FactoryTour.RunAsync(progress, settings, sandbox, cancellationToken).ConfigureAwait(false);
            await AttentiumTour.RunAsync(progress, settings, sandbox, cancellationToken).ConfigureAwait(false);
            await AutoPersonasTour.RunAsync(progress, settings, sandbox, cancellationToken).ConfigureAwait(false);
            progress.Done("Tour complete.");
            return 0;
        }
        catch (AttentionException ex)
        {
            progress.Fail($"{ex.GetType().Name}: {ex.Message}");
            return 1;
        }
        finally
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
