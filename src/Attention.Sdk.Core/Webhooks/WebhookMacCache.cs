using System.Security.Cryptography;
using System.Text;

namespace Attention.Sdk.Webhooks;

/// <summary>
/// HMAC-SHA256 contexts keyed with the configured webhook secrets, kept per thread. Keying an HMAC costs about as much as
/// hashing a 1 KB delivery, and the one-shot <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/>
/// does both on every call; a context kept keyed and reset after each use only hashes. A thread keeps at most
/// <see cref="Capacity"/> secrets (rotation uses two); the oldest is disposed when another one arrives. A context holds a copy
/// of its key until disposed; the bytes the secret is encoded into to create it are zeroed.
/// </summary>
internal static class WebhookMacCache
{
    private const int Capacity = 4;

    [ThreadStatic]
    private static Entry[]? t_entries;

    [ThreadStatic]
    private static int t_next;

    /// <summary>Writes HMAC-SHA256(<paramref name="secret"/>, <paramref name="data"/>) into <paramref name="mac"/> (32 bytes).</summary>
    public static void Compute(string secret, ReadOnlySpan<byte> data, Span<byte> mac)
    {
        var entries = t_entries ??= new Entry[Capacity];
        var slot = Find(entries, secret);
        if (slot < 0)
        {
            slot = t_next;
            t_next = (slot + 1) % Capacity;
            entries[slot].Mac?.Dispose();
            entries[slot] = default; // so a failed Create leaves no disposed context behind
            entries[slot] = new Entry(secret, Create(secret));
        }

        var hmac = entries[slot].Mac!;
        try
        {
            hmac.AppendData(data);
            hmac.GetHashAndReset(mac);
        }
        catch
        {
            // A context that failed midway may hold part of a message: it is never used again.
            entries[slot].Mac?.Dispose();
            entries[slot] = default;
            throw;
        }
    }

    private static int Find(Entry[] entries, string secret)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Secret, secret, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static IncrementalHash Create(string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        try
        {
            return IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private readonly record struct Entry(string? Secret, IncrementalHash? Mac);
}
