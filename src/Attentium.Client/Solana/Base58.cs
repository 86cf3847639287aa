namespace Attentium.Solana;

/// <summary>Base58 with the Bitcoin alphabet, the encoding Solana uses for public keys, signatures and blockhashes.</summary>
public static class Base58
{
    /// <summary>Encodes bytes as base58 (leading zero bytes become leading <c>1</c> characters).</summary>
    public static string Encode(ReadOnlySpan<byte> data) => SimpleBase.Base58.Bitcoin.Encode(data);

    /// <summary>Decodes base58 text; throws <see cref="FormatException"/> naming the first character outside the alphabet.</summary>
    /// <exception cref="FormatException">The text has a character outside the base58 alphabet.</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryDecode(text, out var bytes))
        {
            throw new FormatException(DescribeInvalid(text));
        }

        return bytes;
    }

    /// <summary>Decodes base58 text without throwing.</summary>
    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        bytes = SimpleBase.Base58.Bitcoin.Decode(text);
        return true;
    }

    internal const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    internal static string DescribeInvalid(string text)
    {
        if (text.Length == 0)
        {
            return "The base58 text is empty.";
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (Alphabet.IndexOf(text[i], StringComparison.Ordinal) < 0)
            {
                var shown = char.IsControl(text[i]) || char.IsWhiteSpace(text[i]) ? $"U+{(int)text[i]:X4}" : $"'{text[i]}'";
                return $"Invalid base58: character {shown} at position {i} is not in the base58 alphabet (0, O, I and l are excluded).";
            }
        }

        return "Invalid base58 text.";
    }
}
