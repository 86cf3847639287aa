using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attentium.Payments;

/// <summary>
/// An <see cref="IPaymentLedger"/> that survives restarts and power loss: an append-only file with one JSON line per event (a
/// payment recorded, a payment submitted). Each line is written with its newline in one write and flushed to the disk before the
/// call returns, so a process that crashes between paying and re-submitting finds the payment again on the next start and resumes
/// it instead of paying twice.
/// <list type="bullet">
/// <item>A crash can only cut off the last line, whose call never returned: on open, a cut-off last line is truncated away (or,
/// when it is a whole record that only lacks its newline, completed). Every earlier line must be a record; a damaged one fails the
/// open with <see cref="PaymentLedgerCorruptException"/> instead of being skipped.</item>
/// <item>On Unix the file is created with mode 0600 (an existing file is narrowed to it): it holds signed transactions.</item>
/// <item>One writer at a time: the file is opened exclusively and, on Linux, also held by a POSIX record lock, which the runtime's
/// file-locking switch (<c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>) cannot turn off; on other Unix systems, where the exclusive open
/// is the only lock, the ledger refuses to open while that switch is on. A second open, from this process or another, fails
/// with <see cref="PaymentLedgerLockedException"/>.</item>
/// </list>
/// </summary>
public sealed class FilePaymentLedger : IPaymentLedger, IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Files open in this process: the second open of the same file fails here, before a second descriptor exists (closing one
    // would release the process's POSIX record lock on the first).
    private static readonly ConcurrentDictionary<string, byte> s_openFiles =
        new(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, PaymentRecord> _records = new(StringComparer.Ordinal);

    // In memory: the file is open in one process only, and nothing is sent before a record, so a lost reservation loses nothing.
    private readonly PaymentReservationTable _reservations = new();
    private readonly FileStream _file;
    private long _length;
    private bool _faulted;
    private bool _disposed;

    /// <summary>Opens (or creates) the ledger file, repairs a line cut off by a crash, and loads the payments it holds.</summary>
    /// <param name="path">The file; its folder must exist.</param>
    /// <exception cref="PaymentLedgerLockedException">The file is open in another process or elsewhere in this one.</exception>
    /// <exception cref="PaymentLedgerCorruptException">A complete line of the file is not a ledger record.</exception>
    /// <exception cref="IOException">The file cannot be opened, read or repaired.</exception>
    public FilePaymentLedger(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        if (!s_openFiles.TryAdd(Path, 0))
        {
            throw new PaymentLedgerLockedException(Path, null);
        }

        try
        {
            _file = Open(Path);
            try
            {
                Load();
            }
            catch
            {
                _file.Dispose();
                throw;
            }
        }
        catch
        {
            s_openFiles.TryRemove(Path, out _);
            throw;
        }
    }

    /// <summary>The ledger file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async ValueTask<PaymentRecord?> FindAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _records.TryGetValue(campaignId, out var record) ? record : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="IOException">The record could not be written and flushed to disk (nothing is recorded; do not pay).</exception>
    public async ValueTask<bool> TryRecordAsync(PaymentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(record.CampaignId, nameof(record));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_records.ContainsKey(record.CampaignId))
            {
                return false;
            }

            // On disk before the caller may send the payment.
            Append(new LedgerLine { Recorded = record });
            _records[record.CampaignId] = record;
            _reservations.Release(record.CampaignId, owner: null);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<PaymentReservation> TryReserveAsync(string campaignId, string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _reservations.TryReserve(campaignId, owner, lease, recorded: _records.ContainsKey(campaignId));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseReservationAsync(string campaignId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        _reservations.Release(campaignId, owner);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask MarkSubmittedAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaignId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_records.TryGetValue(campaignId, out var record) && !record.Submitted)
            {
                Append(new LedgerLine { SubmittedCampaignId = campaignId });
                _records[campaignId] = record with { Submitted = true };
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the file and releases its lock.</summary>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _file.Dispose();
            s_openFiles.TryRemove(Path, out _);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static FileStream Open(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 0, // unbuffered: each Write is one write(2) of the whole line
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        if (!OperatingSystem.IsWindows() && !OperatingSystem.IsLinux() && RuntimeFileLockingDisabled())
        {
            // Elsewhere on Unix the exclusive open is the only lock, and the runtime switch would make it a no-op.
            throw new IOException($"The payment ledger '{path}' cannot be held exclusively: file locking is switched off for this process (DOTNET_SYSTEM_IO_DISABLEFILELOCKING or System.IO.DisableFileLocking).");
        }

        FileStream file;
        try
        {
            file = new FileStream(path, options);
        }
        catch (IOException ex) when (IsLockConflict(ex))
        {
            throw new PaymentLedgerLockedException(path, ex);
        }

        try
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file.SafeFileHandle) & ~OwnerReadWrite) != 0)
            {
                File.SetUnixFileMode(file.SafeFileHandle, OwnerReadWrite);
            }

            if (OperatingSystem.IsLinux())
            {
                // The exclusive open above is flock(2), which DOTNET_SYSTEM_IO_DISABLEFILELOCKING switches off; a POSIX record
                // lock (fcntl) is not subject to that switch, so a second process is refused either way.
                try
                {
                    file.Lock(0, long.MaxValue);
                }
                catch (IOException ex) when (IsLockConflict(ex))
                {
                    throw new PaymentLedgerLockedException(path, ex);
                }
            }

            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static bool RuntimeFileLockingDisabled() =>
        (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled)
        || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is { } value
            && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    // Windows: ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33); Unix: EWOULDBLOCK/EAGAIN (11 on Linux, 35 on macOS and BSD).
    private static bool IsLockConflict(IOException ex) =>
        ex.GetType() == typeof(IOException)
        && (OperatingSystem.IsWindows() ? (ex.HResult & 0xFFFF) is 32 or 33 : ex.HResult is 11 or 35);

    private void Append(LedgerLine line)
    {
        if (_faulted)
        {
            throw new IOException($"The payment ledger '{Path}' could not undo a failed write; reopen it (the open repairs the file).");
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(line, PaymentLedgerJsonContext.Default.LedgerLine);
        var bytes = new byte[json.Length + 1];
        json.CopyTo(bytes, 0);
        bytes[^1] = (byte)'\n';
        try
        {
            _file.Position = _length;
            _file.Write(bytes);
            _file.Flush(flushToDisk: true);
            _length += bytes.Length;
        }
        catch (IOException)
        {
            // A part-written line in the middle of the file would read as damage on the next open: cut it off now.
            try
            {
                _file.SetLength(_length);
                _file.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                _faulted = true;
            }

            throw;
        }
    }

    private void Load()
    {
        var content = new byte[_file.Length];
        _file.Position = 0;
        _file.ReadExactly(content);
        var span = content.AsSpan();
        var lineNumber = 0;
        var offset = 0;
        int end;
        while ((end = span[offset..].IndexOf((byte)'\n')) >= 0)
        {
            lineNumber++;
            var text = span.Slice(offset, end);
            if (!text.Trim(" \t\r"u8).IsEmpty && !TryApply(text, out var error))
            {
                throw new PaymentLedgerCorruptException(Path, lineNumber, error);
            }

            offset += end + 1;
        }

        _length = offset;
        var tail = span[offset..];
        if (tail.IsEmpty)
        {
            return;
        }

        // Only the last write can be cut off, and its call never returned. A whole record that lacks only its newline is kept
        // (the caller may have acted on it); anything less is dropped, leaving the records before it intact.
        if (TryApply(tail, out _))
        {
            _length = content.Length;
            _file.Position = _length;
            _file.Write("\n"u8);
            _length++;
        }
        else
        {
            _file.SetLength(_length);
        }

        _file.Flush(flushToDisk: true);
    }

    private bool TryApply(ReadOnlySpan<byte> text, out Exception? error)
    {
        error = null;
        LedgerLine? line;
        try
        {
            line = JsonSerializer.Deserialize(text, PaymentLedgerJsonContext.Default.LedgerLine);
        }
        catch (JsonException ex)
        {
            error = ex;
            return false;
        }

        if (line?.Recorded is { CampaignId: not null, Signature: not null } record && line.SubmittedCampaignId is null)
        {
            _records.TryAdd(record.CampaignId, record);
            return true;
        }

        if (line is { Recorded: null, SubmittedCampaignId: { } submitted })
        {
            if (_records.TryGetValue(submitted, out var existing))
            {
                _records[submitted] = existing with { Submitted = true };
            }

            return true;
        }

        return false;
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
