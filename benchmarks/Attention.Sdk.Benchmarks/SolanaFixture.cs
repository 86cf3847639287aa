using Attentium.Solana;

namespace Attention.Sdk.Benchmarks;

/// <summary>
/// The transaction every Solana benchmark (and <c>benchmarks/node/web3-sign.mjs</c>) works on: a legacy message with a USDC
/// <c>TransferChecked</c> and a memo, fixed seeds and blockhash so each run signs the same bytes.
/// </summary>
public static class SolanaFixture
{
    /// <summary>The memo text (the same in the Node script).</summary>
    public const string MemoText = "attentium:campaign:4e1a5c98";

    /// <summary>A fixed recent blockhash: base58 of 32 bytes of 0x07.</summary>
    public static string Blockhash { get; } = new PublicKey(Seed(0x07)).ToBase58();

    /// <summary>The signer of the transfer (seed 0x01 repeated).</summary>
    public static Keypair Owner { get; } = Keypair.FromSeed(Seed(0x01));

    /// <summary>A second signer that pays the fee (the platform's slot in a co-signed transaction; seed 0x02 repeated).</summary>
    public static Keypair FeePayer { get; } = Keypair.FromSeed(Seed(0x02));

    /// <summary>Seed <paramref name="fill"/> repeated 32 times.</summary>
    public static byte[] Seed(byte fill) => Enumerable.Repeat(fill, 32).ToArray();

    /// <summary>The two instructions: 1.25 USDC TransferChecked from the owner's token account, then a memo signed by the owner.</summary>
    public static TransactionInstruction[] Instructions()
    {
        var owner = Owner.PublicKey;
        var mint = Usdc.MainnetMint;
        var source = PublicKey.GetAssociatedTokenAddress(owner, mint);
        var destination = PublicKey.GetAssociatedTokenAddress(new PublicKey(Seed(0x03)), mint);
        return
        [
            TokenInstructions.TransferChecked(source, mint, destination, owner, Usdc.ToBaseUnits(1.25m), Usdc.Decimals),
            MemoInstructions.Memo(MemoText, owner),
        ];
    }

    /// <summary>The message with the owner paying the fee (one signature slot).</summary>
    public static Message SingleSignerMessage() => MessageCompiler.CompileLegacy(Owner.PublicKey, Instructions(), Blockhash);

    /// <summary>The message with <see cref="FeePayer"/> paying the fee (two signature slots, the owner's second).</summary>
    public static Message CoSignedMessage() => MessageCompiler.CompileLegacy(FeePayer.PublicKey, Instructions(), Blockhash);
}
