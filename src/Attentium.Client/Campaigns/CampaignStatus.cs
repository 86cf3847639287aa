using System.Text.Json.Serialization;
using Attention.Sdk.Json;

namespace Attentium.Campaigns;

/// <summary>A campaign's status as the server names it; unknown values are kept.</summary>
[JsonConverter(typeof(ExtensibleEnumConverter<CampaignStatus>))]
public readonly record struct CampaignStatus(string Value) : IExtensibleEnum<CampaignStatus>
{
    /// <summary>The value on the wire.</summary>
    public string Value { get; } = ExtensibleEnumText.Require(Value, nameof(CampaignStatus));

    /// <summary>Paid and collecting answers.</summary>
    public static CampaignStatus Active { get; } = new("active");

    /// <summary>Waiting for answers.</summary>
    public static CampaignStatus Pending { get; } = new("pending");

    /// <summary>Every verifier answered.</summary>
    public static CampaignStatus Completed { get; } = new("completed");

    /// <summary>Ended; unspent escrow may be refundable.</summary>
    public static CampaignStatus Expired { get; } = new("expired");

    /// <summary>Creates a value from its wire text.</summary>
    public static CampaignStatus FromValue(string value) => new(value);

    /// <summary>The wire text.</summary>
    public override string ToString() => Value;
}
