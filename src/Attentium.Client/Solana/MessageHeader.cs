namespace Attentium.Solana;

/// <summary>
/// The three counts at the start of a message. The first <see cref="NumRequiredSignatures"/> static keys sign; of them the last
/// <see cref="NumReadonlySignedAccounts"/> are read-only; of the unsigned static keys the last <see cref="NumReadonlyUnsignedAccounts"/> are read-only.
/// </summary>
/// <param name="NumRequiredSignatures">How many signatures the transaction needs (the fee payer's first).</param>
/// <param name="NumReadonlySignedAccounts">How many of the signers are read-only.</param>
/// <param name="NumReadonlyUnsignedAccounts">How many of the other static keys are read-only.</param>
public readonly record struct MessageHeader(byte NumRequiredSignatures, byte NumReadonlySignedAccounts, byte NumReadonlyUnsignedAccounts);
