using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// <c>--sign-throughput [seconds]</c>: a plain single-threaded timed loop of <c>Keypair.Sign</c> over the benchmark message
/// (after a one-second warm-up), printing <c>signs/s: N</c> and the bytes this thread allocated per signature in the timed loop (with the message's SHA-256 and signature, to check both sides sign the same bytes) — the same shape as <c>openssl speed ed25519</c> and
/// <c>benchmarks/node/web3-sign.mjs</c>, so <c>benchmarks/node/compare-signing.sh</c> can put them side by side.
/// </summary>
public static class SolanaSignThroughput
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3.0;
        var keypair = SolanaFixture.Owner;
        var message = SolanaFixture.SingleSignerMessage().Serialize();
        Loop(keypair, message, 1.0);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var (count, elapsed) = Loop(keypair, message, seconds);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var rate = count / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"message bytes: {message.Length}"));
        Console.WriteLine($"message sha256: {Convert.ToHexStringLower(SHA256.HashData(message))}");
        Console.WriteLine($"signature: {Convert.ToHexStringLower(keypair.Sign(message))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signs: {count} in {elapsed.TotalSeconds:F2}s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signs/s: {rate:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bytes allocated/sign: {(double)allocated / count:F0}"));
        return 0;
    }

    private static (long Count, TimeSpan Elapsed) Loop(Attentium.Solana.Keypair keypair, byte[] message, double seconds)
    {
        var limit = TimeSpan.FromSeconds(seconds);
        var watch = Stopwatch.StartNew();
        long count = 0;
        byte checksum = 0;
        while (watch.Elapsed < limit)
        {
            for (var i = 0; i < 16; i++)
            {
                checksum ^= keypair.Sign(message)[0];
            }

            count += 16;
        }

        watch.Stop();
        GC.KeepAlive(checksum);
        return (count, watch.Elapsed);
    }
}
