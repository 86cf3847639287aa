using Attentium.Solana;

namespace Attention.Sandbox.Workload;

/// <summary>What the workload paid, refunded and claimed, as the callers saw it, to check against the sandbox ledger at the end.</summary>
internal sealed class PaymentBook
{
    private readonly object _gate = new();
    private readonly List<(string CampaignId, PublicKey Agent, decimal Amount)> _payments = [];
    private readonly List<(PublicKey Agent, decimal Amount)> _refunds = [];
    private readonly List<PublicKey> _claimants = [];

    public int Payments
    {
        get
        {
            lock (_gate)
            {
                return _payments.Count;
            }
        }
    }

    public int Refunds
    {
        get
        {
            lock (_gate)
            {
                return _refunds.Count;
            }
        }
    }

    public int Claims
    {
        get
        {
            lock (_gate)
            {
                return _claimants.Count;
            }
        }
    }

    public void Paid(string campaignId, PublicKey agent, decimal amount)
    {
        lock (_gate)
        {
            _payments.Add((campaignId, agent, amount));
        }
    }

    public void Refunded(PublicKey agent, decimal amount)
    {
        lock (_gate)
        {
            _refunds.Add((agent, amount));
        }
    }

    public void Claimed(PublicKey user)
    {
        lock (_gate)
        {
            _claimants.Add(user);
        }
    }

    public IReadOnlyList<(string CampaignId, PublicKey Agent, decimal Amount)> PaymentList()
    {
        lock (_gate)
        {
            return [.. _payments];
        }
    }

    public IReadOnlyList<PublicKey> ClaimantList()
    {
        lock (_gate)
        {
            return [.. _claimants];
        }
    }

    public decimal PaidBy(PublicKey agent)
    {
        lock (_gate)
        {
            return _payments.Where(p => p.Agent == agent).Sum(p => p.Amount);
        }
    }

    public decimal RefundedTo(PublicKey agent)
    {
        lock (_gate)
        {
            return _refunds.Where(r => r.Agent == agent).Sum(r => r.Amount);
        }
    }
}
