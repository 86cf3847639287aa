using Microsoft.Extensions.Logging;

namespace Attention.Sdk.Testing.Logging;

/// <summary>
/// An <see cref="ILoggerProvider"/> that records every log call (formatted message, level, event id, category, structured state
/// and active scopes), thread-safely. Plug it into DI with <c>builder.AddProvider(provider)</c> or use <see cref="CreateLoggerFactory"/>;
/// <see cref="AllText"/> lets a test assert that a secret never appears anywhere.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<CapturedLogEntry> _entries = [];
    private readonly AsyncLocal<ScopeNode?> _scopes = new();

    /// <summary>Calls below this level are not enabled (default <see cref="LogLevel.Trace"/>: everything).</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Trace;

    /// <summary>A snapshot of every entry so far, in the order logged.</summary>
    public IReadOnlyList<CapturedLogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Every entry's text (messages, state values, scopes, exceptions) joined with new lines.</summary>
    public string AllText => string.Join(Environment.NewLine, Entries.Select(e => e.AllText));

    /// <summary>The formatted messages, in order.</summary>
    public IReadOnlyList<string> Messages => [.. Entries.Select(e => e.Message)];

    /// <summary>A logger factory whose only provider is this one (dispose the factory; it does not dispose this provider's entries).</summary>
    public ILoggerFactory CreateLoggerFactory() =>
        LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    /// <summary>Entries at <paramref name="level"/> or above.</summary>
    public IReadOnlyList<CapturedLogEntry> AtLeast(LogLevel level) => [.. Entries.Where(e => e.Level >= level)];

    /// <summary>Entries from <paramref name="category"/> (the full type name for <c>ILogger&lt;T&gt;</c>).</summary>
    public IReadOnlyList<CapturedLogEntry> ForCategory(string category) => [.. Entries.Where(e => e.Category == category)];

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        lock (_entries)
        {
            _entries.Clear();
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <summary>A logger for category <c>typeof(T).FullName</c>, like <c>ILogger&lt;T&gt;</c>.</summary>
    public ILogger CreateLogger<T>() => CreateLogger(typeof(T).FullName ?? typeof(T).Name);

    /// <inheritdoc />
    public void Dispose()
    {
        // Entries stay readable after the factory disposes its providers.
    }

    private void Add(CapturedLogEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }

    private IReadOnlyList<object?> CurrentScopes()
    {
        var scopes = new List<object?>();
        for (var node = _scopes.Value; node is not null; node = node.Parent)
        {
            scopes.Add(node.State);
        }

        scopes.Reverse();
        return scopes;
    }

    private sealed class ScopeNode(CapturingLoggerProvider owner, object? state, ScopeNode? parent) : IDisposable
    {
        public object? State => state;

        public ScopeNode? Parent => parent;

        public void Dispose()
        {
            if (owner._scopes.Value == this)
            {
                owner._scopes.Value = parent;
            }
        }
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var node = new ScopeNode(owner, state, owner._scopes.Value);
            owner._scopes.Value = node;
            return node;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            IReadOnlyList<KeyValuePair<string, object?>> properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? [.. pairs]
                : [];
            owner.Add(new CapturedLogEntry(
                DateTimeOffset.UtcNow,
                category,
                logLevel,
                eventId,
                formatter(state, exception),
                exception,
                properties,
                owner.CurrentScopes()));
        }
    }
}
