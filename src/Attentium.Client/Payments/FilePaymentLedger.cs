using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attentium.Payments;

/// <summary>
/// An <see cref="IPaymentLedger"/> that survives restarts: an append-only file with one JSON line per event (a payment
/// recorded, a payment submitted), flushed to disk before each call returns. So a process that crashes between paying and
/// re-submitting finds the payment again on the next start and resumes it instead of paying twice. A line cut off by a crash
/// is ignored. One process at a time may use a file: it is opened exclusively (a second open fails with <see cref="IOException"/>).
/// </summary>
public sealed class FilePaymentLedger : IPaymentLedger, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, PaymentRecord> _records = new(StringComparer.Ordinal);
    private readonly FileStream _file;

    /// <summary>Opens (or creates) the ledger file and loads the payments it holds.</summary>
    /// <param name="path">The file; its folder must exist.</param>
    /// <exception cref="IOException">The file is in use by another process or cannot be opened.</exception>
    public FilePaymentLedger(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Load();
        _file.Seek(0, SeekOrigin.End);
    }

    /// <summary>The ledger file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async ValueTask<PaymentRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _records.TryGetValue(campaignId, out var record) ? record : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryRecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_records.ContainsKey(record.CampaignId))
            {
                return false;
            }

            // Written and flushed to disk before the caller may send the payment.
            await AppendAsync(new LedgerLine { Recorded = record }, cancellationToken).ConfigureAwait(false);
            _records[record.CampaignId] = record;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask MarkSubmittedAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_records.TryGetValue(campaignId, out var record) && !record.Submitted)
            {
                await AppendAsync(new LedgerLine { SubmittedCampaignId = campaignId }, cancellationToken).ConfigureAwait(false);
                _records[campaignId] = record with { Submitted = true };
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _file.Dispose();
        _gate.Dispose();
    }

    private async Task AppendAsync(LedgerLine line, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(line, PaymentLedgerJsonContext.Default.LedgerLine);
        await _file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await _file.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        _file.Flush(flushToDisk: true);
    }

    private void Load()
    {
        using var reader = new StreamReader(_file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        while (reader.ReadLine() is { } text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            LedgerLine? line;
            try
            {
                line = JsonSerializer.Deserialize(text, PaymentLedgerJsonContext.Default.LedgerLine);
            }
            catch (JsonException)
            {
                // A line cut off by a crash mid-write: what it would have recorded was never acted on.
                continue;
            }

            if (line?.Recorded is { } record)
            {
                _records.TryAdd(record.CampaignId, record);
            }
            else if (line?.SubmittedCampaignId is { } submitted && _records.TryGetValue(submitted, out var existing))
            {
                _records[submitted] = existing with { Submitted = true };
            }
        }
    }

    internal sealed class LedgerLine
    {
        [JsonPropertyName("recorded")]
        public PaymentRecord? Recorded { get; init; }

        [JsonPropertyName("submitted")]
        public string? SubmittedCampaignId { get; init; }
    }
}

[JsonSerializable(typeof(FilePaymentLedger.LedgerLine))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class PaymentLedgerJsonContext : JsonSerializerContext
{
}
