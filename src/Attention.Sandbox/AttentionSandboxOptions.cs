namespace Attention.Sandbox;

/// <summary>How the sandbox behaves: timings of its simulated background work, balances and limits.</summary>
public sealed class AttentionSandboxOptions
{
    /// <summary>How long a new Attention Factory rental stays <c>warming</c> before it turns <c>active</c>. Default: 2 seconds. Zero activates at once.</summary>
    public TimeSpan RentalActivationDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an action stays in each status (queued → assigned → in_progress → submitted → verified). Default: 500 milliseconds.</summary>
    public TimeSpan ActionStepDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long after verification post analytics answer 400 "not yet available". Default: 1 second.</summary>
    public TimeSpan PostAnalyticsDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attention Factory credits each API key starts with. Default: 1000.00.</summary>
    public decimal StartingCredits { get; set; } = 1000m;

    /// <summary>The monthly rate of a rental, in credits. Default: 99.00.</summary>
    public decimal MonthlyRate { get; set; } = 99m;

    /// <summary>
    /// How many actions of one type a rental accepts in any hour before answering 429 with <c>Retry-After</c>; the capabilities
    /// endpoints advertise it as <c>rate_cap.per_hour</c>. Default: 10.
    /// </summary>
    public int ActionRateCapPerHour { get; set; } = 10;

    /// <summary>How many actions of one type a rental accepts in any day (advertised as <c>rate_cap.per_day</c>). Default: 50.</summary>
    public int ActionRateCapPerDay { get; set; } = 50;

    /// <summary>How long an AutoPersonas generation batch or publish takes. Default: 1 second.</summary>
    public TimeSpan ContentGenerationDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether AutoPersonas' documented 60 requests per minute per key is enforced (429 beyond it). Default: true.</summary>
    public bool EnforceAutoPersonasRateLimit { get; set; } = true;

    /// <summary>How long after payment an Attentium campaign's results are complete. Default: 2 seconds.</summary>
    public TimeSpan CampaignCompletionDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock for every simulated delay. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How long the sandbox waits before each retry of a webhook delivery that got no 2xx answer (one retry per entry; empty:
    /// no retries). Default: 1, 4, 16, 64 and 256 seconds, a real sender's exponential back-off, shortened. Waits run on <see cref="TimeProvider"/>.
    /// </summary>
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; set; } =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(64), TimeSpan.FromSeconds(256)];

    /// <summary>The 127.0.0.1 port to listen on. Default: 0, a free port chosen at start (see <see cref="AttentionSandbox.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>
    /// Whether the sandbox answers its control endpoints under <c>/sandbox/</c> (create keys, add credits, fund a Solana wallet,
    /// activate a rental), so tests in any language can do over HTTP what .NET tests do with the <see cref="AttentionSandbox"/>
    /// methods. They need no key: turn them on only for a sandbox on a loopback address. Default: false (the standalone server turns them on).
    /// </summary>
    public bool EnableControlEndpoints { get; set; }
}
