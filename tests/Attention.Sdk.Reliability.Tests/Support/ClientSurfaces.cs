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
        (setup, surface) => new AttentionFactoryClient(setup.Apply(new AttentionFactoryClientOptions
        {
            RentalActivationPolling = SampleArguments.FastPolling,
            ActionCompletionPolling = SampleArguments.FastPolling,
            PostAnalyticsPolling = SampleArguments.FastPolling,
        }, surface)));

    public static readonly ClientSurface AutoPersonas = new(
        "AutoPersonas",
        "api/v1/",
        typeof(AutoPersonasClient),
        () => "ap_live_" + Guid.NewGuid().ToString("N"),
        (setup, surface) => new AutoPersonasClient(setup.Apply(new AutoPersonasClientOptions
        {
            BatchPolling = SampleArguments.FastPolling,
            PublishPolling = SampleArguments.FastPolling,
            ImportPolling = SampleArguments.FastPolling,
        }, surface)));

    public static IReadOnlyList<ClientSurface> All { get; } = [AttentionFactory, AutoPersonas];

    public static IEnumerable<ApiMethod> AllMethods => All.SelectMany(s => s.Methods);
}
