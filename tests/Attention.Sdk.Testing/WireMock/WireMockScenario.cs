namespace Attention.Sdk.Testing.WireMock;

/// <summary>A WireMock scenario (a small state machine stubs can require and advance) as the admin API reports it.</summary>
public sealed record WireMockScenario(string Name, string State, IReadOnlyList<string> PossibleStates)
{
    /// <summary>The state every scenario begins in.</summary>
    public const string Started = "Started";
}
