namespace Attentium.Solana;

/// <summary>The format of a transaction message.</summary>
public enum MessageVersion
{
    /// <summary>The original format: every account key is in the message.</summary>
    Legacy,

    /// <summary>Version 0: adds address lookup tables (first message byte <c>0x80</c>).</summary>
    V0,
}
