using System.Text.Json.Nodes;

namespace Attention.Sdk.Testing.WireMock;

/// <summary>A complete stub (request pattern plus response), ready for <see cref="WireMockScope.StubAsync"/>. Immutable.</summary>
public sealed record StubDefinition(StubRequestBuilder Request, StubResponse Response)
{
    /// <summary>Adds response headers, e.g. <c>.WithHeaders(("Retry-After", "1"))</c>.</summary>
    public StubDefinition WithHeaders(params (string Name, string Value)[] headers) =>
        this with { Response = Response with { Headers = Response.Headers.AddRange(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))) } };

    /// <summary>Adds one response header (replacing none: a second value for the same name is sent too).</summary>
    public StubDefinition WithHeader(string name, string value) => WithHeaders((name, value));

    /// <summary>Delays the response by <paramref name="delay"/>.</summary>
    public StubDefinition WithFixedDelay(TimeSpan delay) => this with { Response = Response with { FixedDelay = delay } };

    /// <summary>Sets the priority (1 wins over 5; WireMock's default is 5).</summary>
    public StubDefinition WithPriority(int priority) => this with { Request = Request.WithPriority(priority) };

    /// <summary>The WireMock mapping JSON with paths and scenario names placed in <paramref name="prefix"/>.</summary>
    internal JsonObject ToMapping(ScopePrefix prefix)
    {
        var mapping = new JsonObject
        {
            ["request"] = Request.ToRequestPattern(prefix),
            ["response"] = Response.ToJson(),
        };
        if (Request.Priority is { } priority)
        {
            mapping["priority"] = priority;
        }

        if (Request.Scenario is { } scenario)
        {
            mapping["scenarioName"] = prefix.Scenario(scenario.Name);
            mapping["requiredScenarioState"] = scenario.RequiredState;
            if (scenario.NewState is not null)
            {
                mapping["newScenarioState"] = scenario.NewState;
            }
        }

        if (prefix.Id.Length > 0)
        {
            mapping["metadata"] = new JsonObject { ["attentionScope"] = prefix.Id };
        }

        return mapping;
    }
}
