using AttentionFactory;
using AttentionFactory.Actions;
using AttentionFactory.Platforms;
using AttentionFactory.Rentals;
using AttentionFactory.Webhooks;
using Attentium;
using Attentium.Campaigns;
using Attentium.Solana;
using AutoPersonas;
using AutoPersonas.Content;
using AutoPersonas.Influencers;

namespace Attention.Sandbox.Workload;

/// <summary>
/// A mixed load on the in-process sandbox through the real SDK clients, shared by the <c>--soak</c> benchmark mode and the
/// CI test: N callers, each with its own Attention Factory account (rent, actions, reads, webhooks delivered to a verifying
/// receiver), AutoPersonas key (kept under its 60 requests per minute) and Attentium agent wallet. About 1% of operations run
/// the full payment flow, 0.5% refund a completed campaign's unspent escrow and 0.5% are claims by new users; the rest are
/// reads and writes drawn from a seeded random per caller. <see cref="CheckInvariants"/> compares what the callers saw with
/// the sandbox's ledger.
/// </summary>
internal sealed class MixedSandboxWorkload : IAsyncDisposable
{
    private const decimal AgentUsdc = 1_000_000m;
    private const decimal AgentSol = 100m;

    private static readonly CreateCampaignRequest Campaign = new()
    {
        Duration = 30,
        Quantity = 5,
        BidPerSecond = 0.05m,
        ValidationQuestion = "Is this a cat?",
        ContentUrl = "https://example.com/image.png",
    };

    private readonly AttentionSandbox _sandbox;
    private readonly WebhookSink _sink;
    private readonly AttentiumClient _attentium;
    private readonly WorkloadCaller[] _callers;
    private readonly decimal _treasuryAtStart;
    private long _issued;
    private int _running;

    private MixedSandboxWorkload(AttentionSandbox sandbox, WebhookSink sink, AttentiumClient attentium, WorkloadCaller[] callers, decimal treasuryAtStart)
    {
        _sandbox = sandbox;
        _sink = sink;
        _attentium = attentium;
        _callers = callers;
        _treasuryAtStart = treasuryAtStart;
    }

    public WorkloadCounters Counters { get; } = new();

    public PaymentBook Book { get; } = new();

    /// <summary>Callers inside their loop now (a caller leaves when the admission function says stop).</summary>
    public int RunningCallers => Volatile.Read(ref _running);

    public int Callers => _callers.Length;

    /// <summary>The callers' agent wallets (caller i pays from the i-th).</summary>
    public IReadOnlyList<PublicKey> Agents => [.. _callers.Select(c => c.Agent.PublicKey)];

    /// <summary>Webhook deliveries the receiver verified so far.</summary>
    public long WebhooksVerified => _sink.Verified;

    /// <summary>
    /// Sandbox settings for the workload: quick simulated delays (rentals, actions, generation, campaigns) so state keeps moving,
    /// and action rate caps high enough that a long run never meets them (the caps have their own tests).
    /// </summary>
    public static AttentionSandboxOptions SandboxOptions() => new()
    {
        RentalActivationDelay = TimeSpan.FromMilliseconds(200),
        ActionStepDelay = TimeSpan.FromMilliseconds(100),
        PostAnalyticsDelay = TimeSpan.FromMilliseconds(200),
        ContentGenerationDelay = TimeSpan.FromMilliseconds(200),
        CampaignCompletionDelay = TimeSpan.FromMilliseconds(300),
        ActionRateCapPerHour = 1_000_000,
        ActionRateCapPerDay = 10_000_000,
    };

    /// <summary>Creates the callers' accounts, keys, funded wallets, webhooks, a first active rental and an influencer each.</summary>
    public static async Task<MixedSandboxWorkload> CreateAsync(AttentionSandbox sandbox, int callers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var secrets = Enumerable.Range(0, callers).Select(i => $"whsec_workload_{i}_{Guid.NewGuid():N}").ToArray();
        var sink = await WebhookSink.StartAsync(secrets, cancellationToken).ConfigureAwait(false);
        var treasury = sandbox.GetUsdcBalance(sandbox.AttentiumTreasury);
        var list = new WorkloadCaller[callers];
        for (var i = 0; i < callers; i++)
        {
            var factory = new AttentionFactoryClient(sandbox.CreateAttentionFactoryOptions(sandbox.CreateAttentionFactoryKey(1_000_000_000m)));
            var autoPersonas = new AutoPersonasClient(sandbox.CreateAutoPersonasOptions(sandbox.CreateAutoPersonasKey()));
            var agent = Keypair.Generate();
            sandbox.FundSolanaWallet(agent.PublicKey, AgentSol, AgentUsdc);
            list[i] = new WorkloadCaller(i, factory, autoPersonas, agent);
        }

        var workload = new MixedSandboxWorkload(sandbox, sink, new AttentiumClient(sandbox.CreateAttentiumOptions()), list, treasury);
        await Task.WhenAll(list.Select((c, i) => workload.PrepareAsync(c, secrets[i], cancellationToken))).ConfigureAwait(false);
        return workload;
    }

    /// <summary>
    /// Runs every caller until <paramref name="admit"/> refuses the next operation's ordinal (1, 2, ...): a fixed count
    /// (<c>n =&gt; n &lt;= 2000</c>) or a deadline. An operation that started always finishes; errors are counted, never thrown.
    /// </summary>
    /// <param name="admit">Whether the operation with this ordinal may start.</param>
    /// <param name="cancellationToken">Stops the callers (an operation in flight is abandoned).</param>
    /// <param name="readsOnly">Only reads, which add no state to the sandbox: heap growth then is a leak, not history.</param>
    public Task RunAsync(Func<long, bool> admit, CancellationToken cancellationToken, bool readsOnly = false)
    {
        ArgumentNullException.ThrowIfNull(admit);
        return Task.WhenAll(_callers.Select(c => Task.Run(() => LoopAsync(c, admit, readsOnly, cancellationToken), cancellationToken)));
    }

    private async Task LoopAsync(WorkloadCaller caller, Func<long, bool> admit, bool readsOnly, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _running);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref _issued);
                if (!admit(n))
                {
                    return;
                }

                var kind = readsOnly ? ChooseRead(caller) : Choose(n, caller);
                try
                {
                    await RunAsync(kind, caller, cancellationToken).ConfigureAwait(false);
                    Counters.Completed(kind);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    Counters.Failed(kind, ex);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    /// <summary>
    /// The payment, refund and claim slots are fixed by the ordinal (1%, 0.5%, 0.5%), so a run of N operations has exactly that
    /// many; the rest is drawn from the caller's seeded random. AutoPersonas goes only when the caller's key has room.
    /// </summary>
    private SandboxOperation Choose(long n, WorkloadCaller caller)
    {
        if (n % 100 == 50)
        {
            return SandboxOperation.AttentiumPayment;
        }

        if (n % 200 == 25)
        {
            return SandboxOperation.AttentiumRefund;
        }

        if (n % 200 == 125)
        {
            return SandboxOperation.AttentiumClaim;
        }

        var draw = caller.Random.Next(100);
        return draw switch
        {
            < 1 => SandboxOperation.FactoryRent,
            < 11 => SandboxOperation.FactoryAction,
            < 15 => SandboxOperation.FactoryWebhook,
            < 25 when caller.TryTakeAutoPersonasPermit(TimeProvider.System) =>
                draw < 17 ? SandboxOperation.AutoPersonasGenerate : SandboxOperation.AutoPersonasRead,
            < 75 => SandboxOperation.FactoryRead,
            _ => SandboxOperation.AttentiumRead,
        };
    }

    private static SandboxOperation ChooseRead(WorkloadCaller caller) => caller.Random.Next(100) switch
    {
        < 10 when caller.TryTakeAutoPersonasPermit(TimeProvider.System) => SandboxOperation.AutoPersonasRead,
        < 70 => SandboxOperation.FactoryRead,
        _ => SandboxOperation.AttentiumRead,
    };

    private Task RunAsync(SandboxOperation kind, WorkloadCaller caller, CancellationToken cancellationToken) => kind switch
    {
        SandboxOperation.FactoryRent => RentAsync(caller, cancellationToken),
        SandboxOperation.FactoryAction => SubmitActionAsync(caller, cancellationToken),
        SandboxOperation.FactoryRead => FactoryReadAsync(caller, cancellationToken),
        SandboxOperation.FactoryWebhook => WebhookReadAsync(caller, cancellationToken),
        SandboxOperation.AutoPersonasRead => AutoPersonasReadAsync(caller, cancellationToken),
        SandboxOperation.AutoPersonasGenerate => GenerateAsync(caller, cancellationToken),
        SandboxOperation.AttentiumRead => AttentiumReadAsync(caller, cancellationToken),
        SandboxOperation.AttentiumPayment => PayAsync(caller, refundLater: true, cancellationToken),
        SandboxOperation.AttentiumRefund => RefundAsync(caller, cancellationToken),
        SandboxOperation.AttentiumClaim => ClaimAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private async Task PrepareAsync(WorkloadCaller caller, string secret, CancellationToken cancellationToken)
    {
        var webhook = await caller.Factory.Webhooks.CreateAsync(new CreateWebhookRequest
        {
            Url = _sink.UrlFor(caller.Index),
            Events = [WebhookEventType.RentalActive, WebhookEventType.ActionVerified],
            Secret = secret,
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        caller.WebhookId = webhook.Id;
        await RentAsync(caller, cancellationToken).ConfigureAwait(false);
        caller.TryTakeAutoPersonasPermit(TimeProvider.System);
        var influencer = await caller.AutoPersonas.Influencers.CreateAsync(new InfluencerRequest { Name = $"Workload {caller.Index}", Description = "Mixed load." }, cancellationToken).ConfigureAwait(false);
        caller.InfluencerId = influencer.Id;
        caller.ProfileId = influencer.ProfileId ?? throw new InvalidOperationException("The sandbox returned an influencer without a profile id.");
    }

    private static async Task RentAsync(WorkloadCaller caller, CancellationToken cancellationToken)
    {
        var rental = await caller.Factory.Rentals.CreateAsync(new CreateRentalRequest { Platform = Platform.Instagram, Months = 1 }, cancellationToken: cancellationToken).ConfigureAwait(false);
        rental = await caller.Factory.Rentals.WaitForRentalActiveAsync(rental.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        WorkloadCaller.Remember(caller.Rentals, rental.Id);
    }

    private static async Task SubmitActionAsync(WorkloadCaller caller, CancellationToken cancellationToken)
    {
        var rental = caller.Pick(caller.Rentals);
        var action = await caller.Factory.Actions.SubmitPostImageAsync(
            rental,
            Platform.Instagram,
            new PostOptions { Caption = "Mixed load.", MediaUrl = "https://cdn.example.com/load.jpg" },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        WorkloadCaller.Remember(caller.Actions, (rental, action.Id));
    }

    private static Task FactoryReadAsync(WorkloadCaller caller, CancellationToken cancellationToken)
    {
        var factory = caller.Factory;
        var rental = caller.Pick(caller.Rentals);
        return caller.Random.Next(10) switch
        {
            0 or 1 => factory.Rentals.GetAsync(rental, cancellationToken),
            2 or 3 when caller.Actions.Count > 0 => GetActionAsync(caller, cancellationToken),
            4 => factory.Billing.GetBalanceAsync(cancellationToken),
            5 => factory.Platforms.ListAsync(cancellationToken),
            6 => factory.Platforms.GetCapabilitiesAsync(Platform.Instagram, cancellationToken),
            7 => factory.Analytics.GetRentalCapabilitiesAsync(rental, cancellationToken),
            8 => factory.Actions.ListAsync(rental, cancellationToken: cancellationToken),
            _ => factory.Rentals.GetAsync(rental, cancellationToken),
        };
    }

    private static Task GetActionAsync(WorkloadCaller caller, CancellationToken cancellationToken)
    {
        var (rental, action) = caller.Pick(caller.Actions);
        return caller.Factory.Actions.GetAsync(rental, action, cancellationToken);
    }

    private static Task WebhookReadAsync(WorkloadCaller caller, CancellationToken cancellationToken) =>
        caller.Random.Next(4) == 0
            ? caller.Factory.Webhooks.ListDeliveriesAsync(caller.WebhookId, cancellationToken)
            : caller.Factory.Webhooks.ListAsync(cancellationToken);

    private static Task AutoPersonasReadAsync(WorkloadCaller caller, CancellationToken cancellationToken)
    {
        var client = caller.AutoPersonas;
        return caller.Random.Next(4) switch
        {
            0 => client.Influencers.ListAsync(cancellationToken),
            1 => client.Influencers.GetAsync(caller.InfluencerId, cancellationToken),
            2 when caller.Batches.Count > 0 => client.Batches.GetAsync(caller.Pick(caller.Batches), cancellationToken),
            _ => client.Content.ListAsync(cancellationToken: cancellationToken),
        };
    }

    private static async Task GenerateAsync(WorkloadCaller caller, CancellationToken cancellationToken)
    {
        var started = await caller.AutoPersonas.Content.GenerateAsync(new GenerateContentRequest { ProfileId = caller.ProfileId, Count = 1 }, cancellationToken).ConfigureAwait(false);
        WorkloadCaller.Remember(caller.Batches, started.BatchId ?? started.Id ?? throw new InvalidOperationException("The sandbox started a batch without an id."));
    }

    private Task AttentiumReadAsync(WorkloadCaller caller, CancellationToken cancellationToken)
    {
        var draw = caller.Random.Next(6);
        if (draw >= 3 && caller.Campaigns.Count > 0)
        {
            var keys = caller.Pick(caller.Campaigns);
            return draw == 3 ? _attentium.Results.GetAsync(keys, cancellationToken) : _attentium.Refunds.GetCampaignAsync(keys.TxHash!, cancellationToken);
        }

        return draw switch
        {
            0 => _attentium.Market.GetQuoteAsync(30, cancellationToken),
            1 => _attentium.Market.GetOrderBookAsync(cancellationToken),
            _ => _attentium.Claims.GetBalanceAsync(caller.Agent.PublicKey, cancellationToken),
        };
    }

    /// <summary>The whole flow through the SDK (verify, 402, inspection, sign, send, confirm, re-submit), then the completed results.</summary>
    private async Task<CampaignKeys> PayAsync(WorkloadCaller caller, bool refundLater, CancellationToken cancellationToken)
    {
        var keys = await _attentium.Campaigns.CreateAsync(Campaign, caller.Agent, cancellationToken).ConfigureAwait(false);
        Book.Paid(keys.CampaignId!, caller.Agent.PublicKey, keys.Amount ?? throw new InvalidOperationException("The campaign keys carry no amount."));
        var results = await _attentium.Results.WaitForCampaignFinishedAsync(keys.TxHash!, keys.ReadKey!, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (results.Responses.Count != Campaign.Quantity)
        {
            throw new InvalidOperationException($"A completed campaign has {results.Responses.Count} responses, not {Campaign.Quantity}.");
        }

        WorkloadCaller.Remember(caller.Campaigns, keys);
        if (refundLater)
        {
            caller.Refundable.Enqueue(keys);
        }

        return keys;
    }

    /// <summary>
    /// Refunds a completed campaign this caller paid (or, when none waits, one paid now). The caller's own: the SDK inspects a
    /// refund by reading the agent's accounts and then simulating, not atomically, so a payment by the same agent landing in
    /// between looks like USDC leaving in the refund and is refused (fail closed). One agent's transactions go one at a time.
    /// </summary>
    private async Task RefundAsync(WorkloadCaller caller, CancellationToken cancellationToken)
    {
        if (!caller.Refundable.TryDequeue(out var keys))
        {
            keys = await PayAsync(caller, refundLater: false, cancellationToken).ConfigureAwait(false);
        }

        var refund = await _attentium.Refunds.WithdrawAsync(keys.TxHash!, caller.Agent, cancellationToken).ConfigureAwait(false);
        Book.Refunded(caller.Agent.PublicKey, refund.Amount ?? throw new InvalidOperationException("The refund carries no amount."));
    }

    private async Task ClaimAsync(CancellationToken cancellationToken)
    {
        var user = Keypair.Generate();
        _sandbox.FundSolanaWallet(user.PublicKey, sol: 1m, usdc: 0m);
        await _attentium.Claims.WithdrawAsync(user, cancellationToken).ConfigureAwait(false);
        Book.Claimed(user.PublicKey);
    }

    /// <summary>
    /// Compares the callers' book with the ledger. Empty when everything holds: each payment is exactly one escrow deposit on the
    /// ledger (its memo is the campaign id); each agent's vault holds what it paid minus what was refunded, and its wallet the
    /// rest; every claimant holds the same positive amount and the treasury lost exactly their sum; the webhook receiver
    /// rejected nothing; no operation failed.
    /// </summary>
    public IReadOnlyList<string> CheckInvariants()
    {
        var failures = new List<string>();
        var payments = Book.PaymentList();
        var deposits = payments.Sum(p => _sandbox.CountTransactionsWithMemo(p.CampaignId));
        if (deposits != payments.Count || payments.Select(p => p.CampaignId).Distinct(StringComparer.Ordinal).Count() != payments.Count)
        {
            failures.Add($"{payments.Count} payments completed but the ledger holds {deposits} escrow deposits for them");
        }

        foreach (var caller in _callers)
        {
            var agent = caller.Agent.PublicKey;
            var paid = Book.PaidBy(agent);
            var refunded = Book.RefundedTo(agent);
            var vault = _sandbox.GetUsdcAccountBalance(_sandbox.GetAttentiumEscrowVault(agent));
            if (vault != paid - refunded)
            {
                failures.Add($"caller {caller.Index}: escrow vault holds {vault} USDC, expected {paid - refunded} ({paid} paid, {refunded} refunded)");
            }

            var wallet = _sandbox.GetUsdcBalance(agent);
            if (wallet != AgentUsdc - paid + refunded)
            {
                failures.Add($"caller {caller.Index}: wallet holds {wallet} USDC, expected {AgentUsdc - paid + refunded}");
            }
        }

        var claimed = Book.ClaimantList().Select(_sandbox.GetUsdcBalance).ToList();
        if (claimed.Count > 0 && (claimed.Distinct().Count() != 1 || claimed[0] <= 0m))
        {
            failures.Add($"claimants hold unequal or empty balances: {string.Join(", ", claimed.Distinct())}");
        }

        var treasuryLoss = _treasuryAtStart - _sandbox.GetUsdcBalance(_sandbox.AttentiumTreasury);
        if (treasuryLoss != claimed.Sum())
        {
            failures.Add($"the treasury lost {treasuryLoss} USDC but claimants received {claimed.Sum()}");
        }

        if (_sink.Rejected > 0)
        {
            failures.Add($"{_sink.Rejected} webhook deliveries failed signature verification");
        }

        if (Counters.TotalErrors > 0)
        {
            failures.Add($"{Counters.TotalErrors} operations failed: {string.Join("; ", Counters.Errors.Select(e => $"{e.Key} x{e.Value}"))}");
        }

        return failures;
    }

    public async ValueTask DisposeAsync()
    {
        _attentium.Dispose();
        await _sink.DisposeAsync().ConfigureAwait(false);
    }
}
