namespace Attentium.Solana;

/// <summary>Reads the wire format with bounds checks: every failure is a <see cref="TransactionFormatException"/>.</summary>
internal ref struct ByteReader
{
    private readonly ReadOnlySpan<byte> _data;

    public ByteReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public byte ReadByte(string what)
    {
        if (Remaining < 1)
        {
            throw new TransactionFormatException($"unexpected end of data reading {what}", Position);
        }

        return _data[Position++];
    }

    public ReadOnlySpan<byte> ReadBytes(int count, string what)
    {
        if (count < 0 || Remaining < count)
        {
            throw new TransactionFormatException($"unexpected end of data reading {what} ({count} bytes wanted, {Remaining} left)", Position);
        }

        var slice = _data.Slice(Position, count);
        Position += count;
        return slice;
    }

    public int ReadShortVec(string what)
    {
        if (!ShortVec.TryDecode(_data[Position..], out var value, out var read, out var error))
        {
            throw new TransactionFormatException($"{error} ({what})", Position);
        }

        Position += read;
        return value;
    }
}
