using System.Text.RegularExpressions;
using Attention.Sdk.Http;
using AutoPersonas;

namespace Attention.Sandbox.Tests.Contract;

/// <summary>
/// The emulator serves every endpoint of the SDK's catalog (<see cref="AutoPersonasEndpoints"/>), over plain HTTP: the route exists
/// for the catalogued method, and the key needs the catalogued scope.
/// </summary>
public sealed partial class AutoPersonasCatalogRouteTests(AutoPersonasCatalogRouteTests.SandboxFixture fixture)
    : IClassFixture<AutoPersonasCatalogRouteTests.SandboxFixture>
{
    private const string SandboxProfileId = "prof_sandbox";
    private const string AudioUrl = "https://sandbox.invalid/voice/sample-1.mp3";

    /// <summary>Every catalogued endpoint, by its method and route (for example <c>GET influencers/{id}</c>).</summary>
    public static TheoryData<string> Endpoints { get; } = [.. AutoPersonasEndpoints.All.Select(e => e.ToString())];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Catalogued_endpoint_has_a_route_that_a_fully_scoped_key_reaches(string name)
    {
        var endpoint = Find(name);
        var key = fixture.Sandbox.CreateAutoPersonasKey();
        var ids = await SeedAsync(key);

        var answer = await fixture.Api.SendAsync(endpoint.Method, Fill(endpoint, ids), key, BodyFor(endpoint));

        Assert.NotEqual(404, answer.Status);
        Assert.NotEqual(405, answer.Status);
        Assert.True(answer.Status < 500, $"{endpoint} answered {answer.Status}.");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Key_without_the_catalogued_scope_gets_a_403_naming_it(string name)
    {
        var endpoint = Find(name);
        var scope = endpoint.RequiredPermission!;
        var key = fixture.Sandbox.CreateAutoPersonasKey([.. AutoPersonasScope.All.Select(s => s.Value).Where(s => s != scope)]);
        var ids = new SeededIds("inf_x", "cnt_x", "batch_x", "job_x");

        var answer = await fixture.Api.SendAsync(endpoint.Method, Fill(endpoint, ids), key, BodyFor(endpoint));

        Assert.Equal(403, answer.Status);
        Assert.Contains(scope, (string?)answer.Body!["error"], StringComparison.Ordinal);
    }

    private static ApiEndpoint Find(string name) => AutoPersonasEndpoints.All.Single(e => e.ToString() == name);

    private static string? BodyFor(ApiEndpoint endpoint) => endpoint.Method == HttpMethod.Get || endpoint.Method == HttpMethod.Delete ? null : "{}";

    /// <summary>Creates, in the key's own account, one of each resource a route names, so an id route answers for a real resource.</summary>
    private async Task<SeededIds> SeedAsync(string key)
    {
        var api = fixture.Api;
        var influencerId = (string)(await api.PostAsync("influencers", key, """{"name":"Ava"}""")).Body!["id"]!;
        var started = (await api.PostAsync("content/generate", key, $$"""{"profileId":"{{SandboxProfileId}}","count":1}""")).Body!;
        await api.PostAsync($"characters/{influencerId}/voice-samples", key, $$"""{"audioUrls":["{{AudioUrl}}"]}""");
        var jobId = (string)(await api.PostAsync("social-import/x", key, "{}")).Body!["jobId"]!;
        return new SeededIds(influencerId, (string)started["contentIds"]![0]!, (string)started["batchId"]!, jobId);
    }

    /// <summary>Fills the route's <c>{name}</c> segments: <c>{id}</c> by the resource the route starts with.</summary>
    private static string Fill(ApiEndpoint endpoint, SeededIds ids)
    {
        var resource = endpoint.Route.Split('/')[0];
        return Parameter().Replace(endpoint.Route, match => Uri.EscapeDataString(match.Groups[1].Value switch
        {
            "id" when resource == "content" => ids.ContentId,
            "id" when resource == "batches" => ids.BatchId,
            "id" => ids.InfluencerId,
            "profileId" => SandboxProfileId,
            "jobId" => ids.JobId,
            "audioUrl" => AudioUrl,
            var other => throw new InvalidOperationException($"No test value for {{{other}}} in {endpoint}."),
        }));
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();

    private sealed record SeededIds(string InfluencerId, string ContentId, string BatchId, string JobId);

    /// <summary>One sandbox for the class; each case works in an account of its own (a new key), so cases do not share state.</summary>
    public sealed class SandboxFixture : IAsyncLifetime
    {
        public AttentionSandbox Sandbox { get; private set; } = null!;

        internal RawApi Api { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            Sandbox = await AttentionSandbox.StartAsync(new AttentionSandboxOptions { ContentGenerationDelay = TimeSpan.Zero });
            Api = new RawApi(Sandbox.AutoPersonasBaseAddress);
        }

        public async ValueTask DisposeAsync()
        {
            Api.Dispose();
            await Sandbox.DisposeAsync();
        }
    }
}
