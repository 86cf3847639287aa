using System.Globalization;
using Attentium.Payments;
using StackExchange.Redis;

namespace Attention.Sdk.Redis;

/// <summary>A <see cref="PaymentRecord"/> as the fields of a Redis hash (invariant text; empty for a missing optional value).</summary>
internal static class PaymentRecordFields
{
    public static RedisValue[] Write(PaymentRecord record) =>
    [
        record.CampaignId,
        record.Signature,
        record.Agent,
        record.Amount.ToString(CultureInfo.InvariantCulture),
        record.SignedTransaction ?? string.Empty,
        record.LastValidBlockHeight?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        record.RecordedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    ];

    /// <exception cref="AttentionRedisUnavailableException">The stored record is incomplete or unreadable.</exception>
    public static PaymentRecord Read(string campaignId, HashEntry[] entries)
    {
        var fields = entries.ToDictionary(e => (string)e.Name!, e => (string?)e.Value, StringComparer.Ordinal);
        string Required(string name) => fields.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : throw Corrupt(campaignId, name);

        if (!string.Equals(Required("campaign"), campaignId, StringComparison.Ordinal)
            || !decimal.TryParse(Required("amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            || !long.TryParse(Required("recorded_at"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var recordedAt))
        {
            throw Corrupt(campaignId, "campaign, amount or recorded_at");
        }

        ulong? lastValid = null;
        if (fields.TryGetValue("last_valid", out var lastValidText) && !string.IsNullOrEmpty(lastValidText))
        {
            lastValid = ulong.TryParse(lastValidText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw Corrupt(campaignId, "last_valid");
        }

        fields.TryGetValue("transaction", out var transaction);
        return new PaymentRecord(campaignId, Required("signature"), Required("agent"), amount, string.IsNullOrEmpty(transaction) ? null : transaction, lastValid, DateTimeOffset.FromUnixTimeMilliseconds(recordedAt))
        {
            Submitted = fields.TryGetValue("submitted", out var submitted) && submitted == "1",
        };
    }

    private static AttentionRedisUnavailableException Corrupt(string campaignId, string field) =>
        new($"The Redis payment record of campaign {campaignId} is unreadable (field {field}); refusing to pay or resume it.", null);
}
