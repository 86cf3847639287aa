using Attentium.Solana;

namespace Attention.Sandbox.Attentium;

internal sealed class CampaignRecord
{
    public required string CampaignId { get; init; }

    public required int Duration { get; init; }

    public required int Quantity { get; init; }

    public required decimal BidPerSecond { get; init; }

    public required string ValidationQuestion { get; init; }

    public string? ContentUrl { get; init; }

    public required decimal Amount { get; init; }

    public PublicKey? Agent { get; init; }

    public string? TxHash { get; set; }

    public string? ReadKey { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public ulong AmountUnits => Usdc.ToBaseUnits(Amount);

    /// <summary>The sandbox leaves a tenth of the escrow unspent once a campaign completes, so refunds can be tried.</summary>
    public decimal Unspent => Math.Round(Amount / 10m, 6);
}

internal sealed class ClaimRecord
{
    public required string ClaimId { get; init; }

    public required PublicKey User { get; init; }

    public required decimal Amount { get; init; }

    public required byte[] MessageBytes { get; init; }
}

/// <summary>A refund the escrow program owes: the unspent amount out of this vault, once.</summary>
internal sealed record RefundTicket(PublicKey Vault, ulong Units);
