using System.Net;
using Attention.Sdk.Testing.WireMock;

namespace Attention.Sdk.Testing.Tests.WireMock;

public sealed class ScenarioTests(WireMockServer wiremock)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scenario_advances_state_on_each_matched_request()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.Get("v1/job").InScenario("job", WireMockScenario.Started, "running").RespondsJson(202, """{"state":"queued"}"""), Ct);
        await scope.StubAsync(Stub.Get("v1/job").InScenario("job", "running", "done").RespondsJson(202, """{"state":"running"}"""), Ct);
        await scope.StubAsync(Stub.Get("v1/job").InScenario("job", "done").RespondsJson(200, """{"state":"done"}"""), Ct);
        using var http = new HttpClient();

        Assert.Equal(WireMockScenario.Started, await scope.GetScenarioStateAsync("job", Ct));
        Assert.Equal("""{"state":"queued"}""", await http.GetStringAsync(scope.Url("v1/job"), Ct));
        Assert.Equal("running", await scope.GetScenarioStateAsync("job", Ct));
        Assert.Equal("""{"state":"running"}""", await http.GetStringAsync(scope.Url("v1/job"), Ct));
        Assert.Equal("""{"state":"done"}""", await http.GetStringAsync(scope.Url("v1/job"), Ct));
        Assert.Equal("""{"state":"done"}""", await http.GetStringAsync(scope.Url("v1/job"), Ct));
        Assert.Equal("done", await scope.GetScenarioStateAsync("job", Ct));
    }

    [Fact]
    public async Task Scenario_state_can_be_set_and_reset_through_the_scope()
    {
        await using var scope = await wiremock.CreateScopeAsync();
        await scope.StubAsync(Stub.Get("v1/flag").InScenario("flag state", WireMockScenario.Started).Responds(200), Ct);
        await scope.StubAsync(Stub.Get("v1/flag").InScenario("flag state", "off").Responds(503), Ct);
        using var http = new HttpClient();

        await scope.SetScenarioStateAsync("flag state", "off", Ct);
        using (var off = await http.GetAsync(scope.Url("v1/flag"), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, off.StatusCode);
        }

        await scope.ResetScenarioAsync("flag state", Ct);
        using var on = await http.GetAsync(scope.Url("v1/flag"), Ct);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
    }

    [Fact]
    public async Task Same_scenario_name_in_two_scopes_does_not_collide()
    {
        await using var first = await wiremock.CreateScopeAsync();
        await using var second = await wiremock.CreateScopeAsync();
        foreach (var scope in new[] { first, second })
        {
            await scope.StubAsync(Stub.Get("v1/step").InScenario("steps", WireMockScenario.Started, "second").Responds(201), Ct);
            await scope.StubAsync(Stub.Get("v1/step").InScenario("steps", "second").Responds(202), Ct);
        }

        using var http = new HttpClient();
        using var firstCall = await http.GetAsync(first.Url("v1/step"), Ct);
        using var secondScopeFirstCall = await http.GetAsync(second.Url("v1/step"), Ct);

        Assert.Equal(HttpStatusCode.Created, firstCall.StatusCode);
        Assert.Equal(HttpStatusCode.Created, secondScopeFirstCall.StatusCode);
        var names = (await wiremock.Admin.GetScenariosAsync(Ct)).Select(s => s.Name).ToList();
        Assert.Contains($"{first.Id}-steps", names);
        Assert.Contains($"{second.Id}-steps", names);
    }
}
