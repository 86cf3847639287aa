using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Testing.Logging;

/// <summary>One log call captured by <see cref="CapturingLoggerProvider"/>.</summary>
public sealed record CapturedLogEntry(
    DateTimeOffset Timestamp,
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    Exception? Exception,
    IReadOnlyList<KeyValuePair<string, object?>> State,
    IReadOnlyList<object?> Scopes)
{
    /// <summary>The value of structured property <paramref name="key"/> (e.g. <c>{OriginalFormat}</c> or a message-template hole), or null.</summary>
    public object? this[string key] => State.FirstOrDefault(p => p.Key == key).Value;

    /// <summary>Whether the structured state holds <paramref name="key"/>.</summary>
    public bool HasProperty(string key) => State.Any(p => p.Key == key);

    /// <summary>Every piece of text the entry carries: message, state values, scopes and exception.</summary>
    public string AllText =>
        string.Join(
            Environment.NewLine,
            new[] { $"[{Level}] {Category} ({EventId.Id}:{EventId.Name}) {Message}" }
                .Concat(State.Select(p => $"  {p.Key} = {p.Value}"))
                .Concat(Scopes.Select(s => $"  scope: {DescribeScope(s)}"))
                .Concat(Exception is null ? [] : [Exception.ToString()]));

    /// <inheritdoc />
    public override string ToString() => $"[{Level}] {Category}: {Message}";

    private static string? DescribeScope(object? scope) => scope is IEnumerable<KeyValuePair<string, object?>> pairs
        ? $"{scope} {{{string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))}}}"
        : scope?.ToString();
}
