namespace Attentium.Solana;

/// <summary>Solana's compact-u16 length prefix: little-endian base-128, at most 3 bytes, canonical forms only.</summary>
internal static class ShortVec
{
    /// <summary>The largest value a compact-u16 can hold.</summary>
    public const int MaxValue = ushort.MaxValue;

    /// <summary>The number of bytes <paramref name="value"/> takes.</summary>
    public static int EncodedLength(int value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : 3;

    /// <summary>Appends the encoding of <paramref name="value"/>.</summary>
    public static void Write(List<byte> output, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        var rest = value;
        while (true)
        {
            var b = rest & 0x7f;
            rest >>= 7;
            if (rest == 0)
            {
                output.Add((byte)b);
                return;
            }

            output.Add((byte)(b | 0x80));
        }
    }

    /// <summary>Encodes <paramref name="value"/> into a new array.</summary>
    public static byte[] Encode(int value)
    {
        var list = new List<byte>(3);
        Write(list, value);
        return [.. list];
    }

    /// <summary>
    /// Decodes a compact-u16 at the start of <paramref name="input"/>. Rejects truncated input, values above 65535,
    /// a third byte with more than two bits, and non-canonical encodings (a trailing zero continuation byte such as <c>80 00</c>).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> input, out int value, out int bytesRead, out string? error)
    {
        value = 0;
        bytesRead = 0;
        error = null;
        for (var i = 0; i < 3; i++)
        {
            if (i >= input.Length)
            {
                error = "compact-u16 length is truncated";
                return false;
            }

            var b = input[i];
            if (i == 2 && b > 0x03)
            {
                error = "compact-u16 length overflows 65535";
                return false;
            }

            if (i > 0 && b == 0)
            {
                error = "compact-u16 length is not canonical (a zero continuation byte)";
                return false;
            }

            value |= (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0)
            {
                bytesRead = i + 1;
                return true;
            }
        }

        error = "compact-u16 length is longer than 3 bytes";
        return false;
    }
}
