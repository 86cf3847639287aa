using AttentionFactory;
using Attentium.Campaigns;
using Attentium.Solana;
using AutoPersonas;

namespace Attention.Sandbox.Workload;

/// <summary>
/// One caller of the mixed workload: its own Attention Factory account, AutoPersonas key and Attentium agent wallet, and what
/// it created so far (bounded lists, so reads pick recent things). Touched only by its own loop, one operation at a time.
/// </summary>
internal sealed class WorkloadCaller(int index, AttentionFactoryClient factory, AutoPersonasClient autoPersonas, Keypair agent)
{
    /// <summary>AutoPersonas requests this caller may send in any minute: under the key's 60, with room for a retry.</summary>
    public const int AutoPersonasBudgetPerMinute = 45;

    private const int Recent = 16;
    private readonly Queue<long> _autoPersonasSent = new();

    public int Index { get; } = index;

    public AttentionFactoryClient Factory { get; } = factory;

    public AutoPersonasClient AutoPersonas { get; } = autoPersonas;

    public Keypair Agent { get; } = agent;

    public Random Random { get; } = new(7_000 + index);

    public string WebhookId { get; set; } = string.Empty;

    public string InfluencerId { get; set; } = string.Empty;

    public string ProfileId { get; set; } = string.Empty;

    public List<string> Rentals { get; } = [];

    public List<(string Rental, string Action)> Actions { get; } = [];

    public List<string> Batches { get; } = [];

    public List<CampaignKeys> Campaigns { get; } = [];

    /// <summary>Completed campaigns this caller paid and has not refunded yet (its agent signs the refund).</summary>
    public Queue<CampaignKeys> Refundable { get; } = new();

    public T Pick<T>(List<T> items) => items[Random.Next(items.Count)];

    public static void Remember<T>(List<T> items, T item)
    {
        items.Add(item);
        if (items.Count > Recent)
        {
            items.RemoveAt(0);
        }
    }

    /// <summary>Takes one AutoPersonas request from the budget when the last minute leaves room; false otherwise (send nothing).</summary>
    public bool TryTakeAutoPersonasPermit(TimeProvider clock)
    {
        var now = clock.GetTimestamp();
        var minuteAgo = now - (clock.TimestampFrequency * 61);
        while (_autoPersonasSent.Count > 0 && _autoPersonasSent.Peek() <= minuteAgo)
        {
            _autoPersonasSent.Dequeue();
        }

        if (_autoPersonasSent.Count >= AutoPersonasBudgetPerMinute)
        {
            return false;
        }

        _autoPersonasSent.Enqueue(now);
        return true;
    }
}
