namespace Attention.Sdk.Webhooks;

/// <summary>
/// Reads a request body up to a limit without ever holding more than the limit: a declared length (Content-Length, or a
/// seekable stream's remaining length) over the limit is refused before reading, and an undeclared or understated body is
/// read in growing chunks that stop at the limit.
/// </summary>
internal static class WebhookBodyReader
{
    private const int InitialChunk = 16 * 1024;

    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        if (declaredLength > maxBytes || RemainingLength(body) > maxBytes)
        {
            return null;
        }

        // A declared length sizes the first buffer, but only up to the limit: the header is the sender's claim, not a fact.
        var buffer = new byte[declaredLength is > 0 and var declared ? (int)declared : Math.Min(maxBytes, InitialChunk)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length >= maxBytes)
                {
                    var probe = new byte[1];
                    return await body.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0 ? buffer : null;
                }

                Array.Resize(ref buffer, (int)Math.Min(maxBytes, 2L * buffer.Length));
            }

            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return length == buffer.Length ? buffer : buffer[..length];
            }

            length += read;
        }
    }

    private static long? RemainingLength(Stream body)
    {
        try
        {
            return body.CanSeek ? body.Length - body.Position : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
