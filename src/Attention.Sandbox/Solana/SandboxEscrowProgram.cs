using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Attentium.Solana;

namespace Attention.Sandbox.Solana;

/// <summary>
/// The sandbox's emulated Attentium escrow program, in the shape the API documents and the SDK's inspector expects:
/// an escrow PDA per agent (seeds <c>["escrow", agent]</c>) whose USDC associated token account ("vault") holds the
/// deposits. <c>deposit_escrow</c> and <c>withdraw_escrow</c> use Anchor discriminators (first 8 bytes of
/// SHA-256 of <c>global:&lt;name&gt;</c>) followed by the amount (u64 little-endian), and take six accounts in this order:
/// agent (signer, writable), agent's USDC account (writable), escrow PDA, vault (writable), USDC mint, SPL Token program.
/// </summary>
internal static class SandboxEscrowProgram
{
    /// <summary>The seed prefix of an agent's escrow PDA.</summary>
    public const string SeedPrefix = "escrow";

    private const int DataLength = 16;

    /// <summary>A fixed id (SHA-256 of a name), so configurations and tests can name it; no key controls it.</summary>
    public static PublicKey ProgramId { get; } = new(SHA256.HashData(Encoding.UTF8.GetBytes("attention-sandbox:attentium-escrow")));

    public static byte[] DepositDiscriminator { get; } = Discriminator("deposit_escrow");

    public static byte[] WithdrawDiscriminator { get; } = Discriminator("withdraw_escrow");

    /// <summary>The agent's escrow PDA: <c>FindProgramAddress(["escrow", agent], program)</c>.</summary>
    public static PublicKey EscrowAddress(PublicKey agent) =>
        PublicKey.FindProgramAddress([Encoding.UTF8.GetBytes(SeedPrefix), agent.ToByteArray()], ProgramId).Address;

    /// <summary>The agent's escrow vault: the escrow PDA's USDC associated token account.</summary>
    public static PublicKey VaultAddress(PublicKey agent, PublicKey mint) => PublicKey.GetAssociatedTokenAddress(EscrowAddress(agent), mint);

    public static TransactionInstruction Deposit(PublicKey agent, PublicKey mint, ulong amount) => Build(DepositDiscriminator, agent, mint, amount);

    public static TransactionInstruction Withdraw(PublicKey agent, PublicKey mint, ulong amount) => Build(WithdrawDiscriminator, agent, mint, amount);

    /// <summary>Reads an escrow instruction: which one, its amount and its agent; false when the data is neither.</summary>
    public static bool TryDecode(TransactionInstruction instruction, out bool isDeposit, out ulong amount)
    {
        isDeposit = false;
        amount = 0;
        var data = instruction.Data.Span;
        if (data.Length != DataLength)
        {
            return false;
        }

        isDeposit = data[..8].SequenceEqual(DepositDiscriminator);
        if (!isDeposit && !data[..8].SequenceEqual(WithdrawDiscriminator))
        {
            return false;
        }

        amount = BinaryPrimitives.ReadUInt64LittleEndian(data[8..]);
        return true;
    }

    private static TransactionInstruction Build(byte[] discriminator, PublicKey agent, PublicKey mint, ulong amount)
    {
        var data = new byte[DataLength];
        discriminator.CopyTo(data, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(8), amount);
        return new TransactionInstruction(
            ProgramId,
            [
                AccountMeta.Writable(agent, isSigner: true),
                AccountMeta.Writable(PublicKey.GetAssociatedTokenAddress(agent, mint)),
                AccountMeta.ReadOnly(EscrowAddress(agent)),
                AccountMeta.Writable(VaultAddress(agent, mint)),
                AccountMeta.ReadOnly(mint),
                AccountMeta.ReadOnly(PublicKey.TokenProgram),
            ],
            data);
    }

    private static byte[] Discriminator(string name) => SHA256.HashData(Encoding.UTF8.GetBytes("global:" + name))[..8];
}
