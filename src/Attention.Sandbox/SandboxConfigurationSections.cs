namespace Attention.Sandbox;

/// <summary>The configuration section names <see cref="AttentionSandbox.GetConfiguration"/> writes under (the ones the docs use by default).</summary>
public sealed class SandboxConfigurationSections
{
    /// <summary>The Attention Factory section. Default: <c>AttentionFactory</c>.</summary>
    public string AttentionFactory { get; init; } = "AttentionFactory";

    /// <summary>The AutoPersonas section. Default: <c>AutoPersonas</c>.</summary>
    public string AutoPersonas { get; init; } = "AutoPersonas";

    /// <summary>The Attentium section. Default: <c>Attentium</c>.</summary>
    public string Attentium { get; init; } = "Attentium";
}
