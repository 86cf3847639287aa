using Attentium;
using Attentium.Solana;
using AttentionFactory;
using AutoPersonas;

namespace Attention.Sdk.Reliability.Tests.Support;

/// <summary>
/// The clients under the reliability suites. Adding a client is one entry here (plus its project reference): the malformed-body,
/// cancellation and secret suites then cover every public async method it has.
/// </summary>
internal static class ClientSurfaces
{
    public static readonly ClientSurface AttentionFactory = new(
        "AttentionFactory",
        "v1/",
        typeof(AttentionFactoryClient),
        () => "af_test_sk_" + Guid.NewGuid().ToString("N"),
        (setup, surface) => setup.Apply(new AttentionFactoryClientOptions
        {
            RentalActivationPolling = setup.Polling,
            ActionCompletionPolling = setup.Polling,
            PostAnalyticsPolling = setup.Polling,
        }, surface),
        (options, _) => new AttentionFactoryClient((AttentionFactoryClientOptions)options));

    public static readonly ClientSurface AutoPersonas = new(
        "AutoPersonas",
        "api/v1/",
        typeof(AutoPersonasClient),
        () => "ap_live_" + Guid.NewGuid().ToString("N"),
        (setup, surface) => setup.Apply(new AutoPersonasClientOptions
        {
            BatchPolling = setup.Polling,
            PublishPolling = setup.Polling,
            ImportPolling = setup.Polling,
        }, surface),
        (options, _) => new AutoPersonasClient((AutoPersonasClientOptions)options));

    /// <summary>
    /// Attentium has no API key. Its Solana JSON-RPC client goes through the same transport (in process) or the same WireMock
    /// prefix (<c>rpc/</c>), so payment flows are covered too and nothing ever leaves the machine.
    /// </summary>
    public static readonly ClientSurface Attentium = new(
        "Attentium",
        "v1/",
        typeof(AttentiumClient),
        () => null,
        (setup, surface) => setup.Apply(new AttentiumClientOptions
        {
            RpcEndpoint = new Uri(setup.Root, "rpc/"),
            Treasury = Keypair.FromSeed([.. Enumerable.Repeat((byte)9, 32)]).PublicKey,
            ResultsPolling = setup.Polling,
            ConfirmationTimeout = setup.ConfirmationTimeout,
            ConfirmationPollInterval = TimeSpan.FromMilliseconds(5),

            // The uncapped PayInvoiceAsync needs a client-wide cap; generated invoices above it end in PaymentCapExceededException.
            MaximumPaymentUsdc = 1_000_000m,
        }, surface),
        (options, setup) =>
        {
            var attentium = (AttentiumClientOptions)options;
            var rpcOptions = new SolanaRpcClientOptions
            {
                Endpoint = attentium.ResolveRpcEndpoint(),
                ConfirmationPollInterval = TimeSpan.FromMilliseconds(5),
                ResendInterval = TimeSpan.FromMilliseconds(50),

                // Over a socket the client builds its own pipeline: the same limits as the API clients under test.
                MaxRetries = setup.MaxRetries,
                RetryBaseDelay = setup.RetryBaseDelay,
                MaxRetryDelay = setup.RetryBaseDelay * 4,
                AttemptTimeout = setup.AttemptTimeout,
                Timeout = setup.Timeout,
                MaxRetryAfter = setup.MaxRetryAfter,
                TimeProvider = setup.TimeProvider,
                RetryBudgetProvider = new Attention.Sdk.RateLimiting.InProcessRetryBudgetProvider(),
            };
            var rpc = setup.Transport is { } transport
                ? new SolanaRpcClient(rpcOptions, new HttpClient(transport, disposeHandler: false) { Timeout = setup.AttemptTimeout })
                : new SolanaRpcClient(rpcOptions);
            return new AttentiumClient(attentium, rpc);
        });

    public static IReadOnlyList<ClientSurface> All { get; } = [AttentionFactory, AutoPersonas, Attentium];

    public static IEnumerable<ApiMethod> AllMethods => All.SelectMany(s => s.Methods);
}
