namespace Attentium.Solana;

/// <summary>
/// A transaction on the wire: one 64-byte signature slot per required signer, then the message. The exact message bytes are
/// kept as decoded, so signing a transaction built by someone else never changes what the other signers signed. An empty slot
/// is 64 zero bytes.
/// </summary>
public sealed class Transaction
{
    /// <summary>The most bytes a transaction can take on the wire (IPv6 MTU minus headers).</summary>
    public const int MaxSize = 1232;

    /// <summary>The length of a signature.</summary>
    public const int SignatureLength = 64;

    private readonly byte[][] _signatures;
    private readonly byte[] _messageBytes;

    private Transaction(Message message, byte[] messageBytes, byte[][] signatures)
    {
        Message = message;
        _messageBytes = messageBytes;
        _signatures = signatures;
    }

    /// <summary>The decoded message.</summary>
    public Message Message { get; }

    /// <summary>The exact message bytes that every signer signs.</summary>
    public ReadOnlyMemory<byte> MessageBytes => _messageBytes;

    /// <summary>The number of signature slots (equal to the message's required signers).</summary>
    public int SignatureCount => _signatures.Length;

    /// <summary>
    /// The transaction id: base58 of the first signature (the fee payer's), or <see langword="null"/> while that slot is empty.
    /// </summary>
    public string? Signature => IsEmpty(_signatures[0]) ? null : Base58.Encode(_signatures[0]);

    /// <summary>A transaction with empty signature slots for a message.</summary>
    public static Transaction FromMessage(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var signatures = new byte[message.Header.NumRequiredSignatures][];
        for (var i = 0; i < signatures.Length; i++)
        {
            signatures[i] = new byte[SignatureLength];
        }

        return new Transaction(message, message.Serialize(), signatures);
    }

    /// <summary>Decodes wire bytes (legacy or v0).</summary>
    /// <exception cref="TransactionFormatException">Malformed bytes, a signature count that does not match the header, or extra bytes.</exception>
    public static Transaction Deserialize(ReadOnlySpan<byte> data)
    {
        var reader = new ByteReader(data);
        var count = reader.ReadShortVec("signature count");
        var signatures = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            signatures[i] = reader.ReadBytes(SignatureLength, "signature").ToArray();
        }

        var messageStart = reader.Position;
        var message = Message.Read(ref reader);
        if (reader.Remaining != 0)
        {
            throw new TransactionFormatException($"{reader.Remaining} unexpected bytes after the message", reader.Position);
        }

        if (count != message.Header.NumRequiredSignatures)
        {
            throw new TransactionFormatException(
                $"the transaction has {count} signature slots but its message requires {message.Header.NumRequiredSignatures} signatures", 0);
        }

        return new Transaction(message, data[messageStart..].ToArray(), signatures);
    }

    /// <summary>Decodes a base64 transaction (as APIs and RPC nodes send them).</summary>
    /// <exception cref="TransactionFormatException">Not base64, or malformed bytes.</exception>
    public static Transaction FromBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new TransactionFormatException("the text is not valid base64", 0);
        }

        return Deserialize(bytes);
    }

    /// <summary>The wire bytes: signature slots, then the exact message bytes.</summary>
    public byte[] Serialize()
    {
        var output = new List<byte>(_messageBytes.Length + 1 + (SignatureLength * _signatures.Length));
        ShortVec.Write(output, _signatures.Length);
        foreach (var signature in _signatures)
        {
            output.AddRange(signature);
        }

        output.AddRange(_messageBytes);
        return [.. output];
    }

    /// <summary>The wire bytes as base64.</summary>
    public string ToBase64() => Convert.ToBase64String(Serialize());

    /// <summary>A copy of the signature in <paramref name="slot"/> (64 zero bytes when empty).</summary>
    public byte[] GetSignature(int slot) => (byte[])_signatures[slot].Clone();

    /// <summary>The signature of <paramref name="signer"/>, or <see langword="null"/> when it has not signed or is not a signer.</summary>
    public byte[]? GetSignature(PublicKey signer)
    {
        var slot = Message.GetSignerIndex(signer);
        return slot < 0 || IsEmpty(_signatures[slot]) ? null : GetSignature(slot);
    }

    /// <summary>Signs the exact message bytes with <paramref name="signer"/> and puts the signature in its own slot; other slots are kept.</summary>
    /// <exception cref="InvalidOperationException">The signer is not a required signer of this message, or it returned an invalid signature.</exception>
    public async ValueTask SignAsync(ISolanaSigner signer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var slot = RequireSlot(signer.PublicKey);
        var signature = await signer.SignAsync(_messageBytes, cancellationToken).ConfigureAwait(false);
        if (signature is null || !Ed25519.Verify(signer.PublicKey.AsSpan(), _messageBytes, signature))
        {
            throw new InvalidOperationException($"The signer for {signer.PublicKey} returned a signature that does not verify against the message.");
        }

        _signatures[slot] = (byte[])signature.Clone();
    }

    /// <summary>Signs with in-process key pairs (each must be a required signer).</summary>
    public void Sign(params Keypair[] signers)
    {
        ArgumentNullException.ThrowIfNull(signers);
        foreach (var signer in signers)
        {
            var slot = RequireSlot(signer.PublicKey);
            _signatures[slot] = signer.Sign(_messageBytes);
        }
    }

    /// <summary>Adds a signature made elsewhere (for example by a wallet) after checking it.</summary>
    /// <exception cref="InvalidOperationException">Not a required signer, or the signature does not verify.</exception>
    public void AddSignature(PublicKey signer, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var slot = RequireSlot(signer);
        if (!Ed25519.Verify(signer.AsSpan(), _messageBytes, signature))
        {
            throw new InvalidOperationException($"The signature for {signer} does not verify against the message.");
        }

        _signatures[slot] = signature.ToArray();
    }

    /// <summary>Whether <paramref name="signer"/>'s slot holds a valid signature of the message.</summary>
    public bool IsSignedBy(PublicKey signer)
    {
        var slot = Message.GetSignerIndex(signer);
        return slot >= 0 && Ed25519.Verify(signer.AsSpan(), _messageBytes, _signatures[slot]);
    }

    /// <summary>The required signers whose slot is still empty.</summary>
    public IReadOnlyList<PublicKey> MissingSigners =>
        [.. Enumerable.Range(0, _signatures.Length).Where(i => IsEmpty(_signatures[i])).Select(i => Message.StaticAccountKeys[i])];

    /// <summary>
    /// Verifies every filled slot against its signer. With <paramref name="requireAll"/> (the default) empty slots fail too;
    /// without it only the signatures present are checked (a partially signed transaction).
    /// </summary>
    public bool VerifySignatures(bool requireAll = true)
    {
        for (var i = 0; i < _signatures.Length; i++)
        {
            if (IsEmpty(_signatures[i]))
            {
                if (requireAll)
                {
                    return false;
                }

                continue;
            }

            if (!Ed25519.Verify(Message.StaticAccountKeys[i].AsSpan(), _messageBytes, _signatures[i]))
            {
                return false;
            }
        }

        return true;
    }

    private int RequireSlot(PublicKey key)
    {
        var slot = Message.GetSignerIndex(key);
        if (slot < 0)
        {
            throw new InvalidOperationException($"{key} is not a required signer of this transaction (signers: {string.Join(", ", Message.RequiredSigners)}).");
        }

        return slot;
    }

    private static bool IsEmpty(byte[] signature) => !signature.AsSpan().ContainsAnyExcept((byte)0);
}
