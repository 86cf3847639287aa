namespace Attentium.Solana;

/// <summary>A token account's balance.</summary>
/// <param name="Amount">Base units.</param>
/// <param name="Decimals">The mint's decimals.</param>
/// <param name="UiAmountString">The amount in whole tokens as text, as the node formats it.</param>
public sealed record TokenAccountBalance(ulong Amount, byte Decimals, string? UiAmountString)
{
    /// <summary>The amount in whole tokens.</summary>
    public decimal UiAmount => Amount / (decimal)Math.Pow(10, Decimals);
}
