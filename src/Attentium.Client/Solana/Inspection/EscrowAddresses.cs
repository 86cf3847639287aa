using System.Text;

namespace Attentium.Solana;

/// <summary>
/// Where an agent's escrow deposit must land: the escrow PDA <c>FindProgramAddress([prefix (UTF-8), agent], escrowProgram)</c>
/// and its USDC associated token account (the "escrow vault"). The prefix is <see cref="TransactionInspectionOptions.EscrowSeedPrefix"/>.
/// </summary>
public static class EscrowAddresses
{
    /// <summary>The escrow PDA of <paramref name="agent"/> under <paramref name="escrowProgram"/>.</summary>
    /// <param name="agent">The paying wallet.</param>
    /// <param name="escrowProgram">The escrow program.</param>
    /// <param name="seedPrefix">The seed prefix (default <c>escrow</c>).</param>
    /// <exception cref="ArgumentException">The prefix is empty or longer than 32 bytes.</exception>
    public static PublicKey FindEscrowAuthority(PublicKey agent, PublicKey escrowProgram, string seedPrefix = TransactionInspectionOptions.DefaultEscrowSeedPrefix)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(escrowProgram);
        ArgumentException.ThrowIfNullOrEmpty(seedPrefix);
        var prefix = Encoding.UTF8.GetBytes(seedPrefix);
        if (prefix.Length > PublicKey.MaxSeedLength)
        {
            throw new ArgumentException($"The escrow seed prefix is {prefix.Length} bytes; a seed is at most {PublicKey.MaxSeedLength}.", nameof(seedPrefix));
        }

        return PublicKey.FindProgramAddress([prefix, agent.ToByteArray()], escrowProgram).Address;
    }

    /// <summary>The escrow vault of <paramref name="agent"/>: the escrow PDA's associated token account for <paramref name="mint"/>.</summary>
    /// <param name="agent">The paying wallet.</param>
    /// <param name="escrowProgram">The escrow program.</param>
    /// <param name="mint">The USDC mint.</param>
    /// <param name="tokenProgram">The token program of the mint (default SPL Token).</param>
    /// <param name="seedPrefix">The seed prefix (default <c>escrow</c>).</param>
    public static PublicKey GetEscrowVault(PublicKey agent, PublicKey escrowProgram, PublicKey mint, PublicKey? tokenProgram = null, string seedPrefix = TransactionInspectionOptions.DefaultEscrowSeedPrefix) =>
        PublicKey.GetAssociatedTokenAddress(FindEscrowAuthority(agent, escrowProgram, seedPrefix), mint, tokenProgram);
}
