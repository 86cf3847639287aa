using System.Diagnostics;
using System.Text;

namespace Attentium.Client.Tests.Payments;

/// <summary>
/// Attentium.LedgerProbe started as a second OS process (with <c>dotnet</c>) against a ledger file: it either reports the ledger
/// locked and exits, or opens it (and records a campaign) and holds it until <see cref="DisposeAsync"/>.
/// </summary>
internal sealed class LedgerProbe : IAsyncDisposable
{
    private readonly Process _process;

    private LedgerProbe(Process process, string firstLine)
    {
        _process = process;
        FirstLine = firstLine;
    }

    /// <summary>"opened" or "locked".</summary>
    public string FirstLine { get; }

    /// <summary>The next line the probe printed (for example "recorded").</summary>
    public Task<string?> ReadLineAsync(CancellationToken cancellationToken) => _process.StandardOutput.ReadLineAsync(cancellationToken).AsTask();

    /// <summary>Starts the probe and waits for its first line.</summary>
    public static async Task<LedgerProbe> StartAsync(string ledgerPath, string? campaignId, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var probe = Path.Combine(AppContext.BaseDirectory, "Attentium.LedgerProbe.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(probe);
        psi.ArgumentList.Add(ledgerPath);
        if (campaignId is not null)
        {
            psi.ArgumentList.Add(campaignId);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("the ledger probe did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2)); // a bound for a stuck probe, not a timing assumption
        var first = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (first is null)
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            process.Dispose();
            throw new InvalidOperationException($"the ledger probe printed nothing: {error}");
        }

        return new LedgerProbe(process, first);
    }

    /// <summary>Lets the probe close the ledger and exit; returns its exit code.</summary>
    public async Task<int> StopAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync();
            _process.StandardInput.Close();
        }

        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await StopAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
