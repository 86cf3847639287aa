namespace Attentium.Solana;

/// <summary>USDC on Solana: mints and conversions between dollars and base units (6 decimals).</summary>
public static class Usdc
{
    /// <summary>USDC has 6 decimals: 1 USDC = 1,000,000 base units.</summary>
    public const byte Decimals = 6;

    /// <summary>The USDC mint on mainnet-beta (SPL Token).</summary>
    public static PublicKey MainnetMint { get; } = new("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");

    /// <summary>Circle's USDC mint on devnet (SPL Token).</summary>
    public static PublicKey DevnetMint { get; } = new("4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU");

    /// <summary>Converts an amount in USDC to base units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, finer than 6 decimals, or too large.</exception>
    public static ulong ToBaseUnits(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var scaled = amount * 1_000_000m;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "USDC has 6 decimals; the amount is finer than one base unit.");
        }

        if (scaled > ulong.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount is too large.");
        }

        return (ulong)scaled;
    }

    /// <summary>Converts base units to USDC.</summary>
    public static decimal FromBaseUnits(ulong baseUnits) => baseUnits / 1_000_000m;
}
