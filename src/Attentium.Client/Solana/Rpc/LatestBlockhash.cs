namespace Attentium.Solana;

/// <summary>A recent blockhash and the last block height at which a transaction using it can still land.</summary>
/// <param name="Blockhash">The blockhash (base58).</param>
/// <param name="LastValidBlockHeight">Above this block height the transaction can no longer be processed.</param>
/// <param name="ContextSlot">The slot the node answered from.</param>
public sealed record LatestBlockhash(string Blockhash, ulong LastValidBlockHeight, ulong ContextSlot);
