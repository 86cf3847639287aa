using Attention.Sdk;

namespace Attentium.Solana;

/// <summary>The base of the exceptions the Solana layer throws (part of the SDK's <see cref="AttentionException"/> hierarchy).</summary>
public class SolanaException : AttentionException
{
    /// <summary>Creates the exception.</summary>
    public SolanaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public SolanaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
