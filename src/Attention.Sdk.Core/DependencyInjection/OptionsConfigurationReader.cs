using System.Globalization;
using Attention.Sdk.Polling;
using Microsoft.Extensions.Configuration;

namespace Attention.Sdk.DependencyInjection;

/// <summary>
/// Reads one options object from a configuration section, strictly and without reflection: every key an options class reads is
/// remembered, and <see cref="RefuseUnknownKeys"/> then reports every key nobody read (a misspelt key would otherwise silently
/// keep its default). A value that cannot be read is recorded with its full key, never replaced by a default; values are not
/// repeated in the messages (an API key or an RPC URL with a token could be one), except enum names, which are short and safe.
/// </summary>
internal sealed class OptionsConfigurationReader
{
    private readonly IConfiguration _configuration;
    private readonly List<ConfigurationError> _errors;
    private readonly string _owner;
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<OptionsConfigurationReader> _sections = [];

    /// <summary>Creates a reader over <paramref name="configuration"/> recording problems in <paramref name="errors"/>.</summary>
    /// <param name="configuration">The section (or root) holding the options.</param>
    /// <param name="errors">Where problems go, each with its full key.</param>
    /// <param name="owner">The options type's name, for the unknown-key message.</param>
    public OptionsConfigurationReader(IConfiguration configuration, List<ConfigurationError> errors, string owner)
    {
        _configuration = configuration;
        _errors = errors;
        _owner = owner;
    }

    /// <summary>The full key of <paramref name="key"/> (for example <c>AttentionFactory:MaxRetries</c>).</summary>
    public string PathOf(string key) =>
        _configuration is IConfigurationSection { Path.Length: > 0 } section ? $"{section.Path}:{key}" : key;

    /// <summary>Records a problem with <paramref name="key"/>; the message follows the quoted full key.</summary>
    public void Fail(string key, string message)
    {
        var path = PathOf(key);
        _errors.Add(new ConfigurationError(path, $"The configuration value '{path}' {message}"));
    }

    /// <summary>The value of <paramref name="key"/>, or <see langword="null"/> when it is missing or empty.</summary>
    public string? String(string key)
    {
        _read.Add(key);
        return _configuration[key] is { Length: > 0 } text ? text : null;
    }

    /// <summary>A duration: <c>hh:mm:ss</c> (invariant) or a number of seconds.</summary>
    public TimeSpan? Duration(string key) => ParseValue<TimeSpan>(key, "is not a duration (hh:mm:ss or a number of seconds).", static text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null);

    /// <summary>A whole number.</summary>
    public int? Int32(string key) => ParseValue<int>(key, "is not a whole number.", static text =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null);

    /// <summary>A non-negative whole number (of lamports, bytes...).</summary>
    public ulong? UInt64(string key) => ParseValue<ulong>(key, "is not a non-negative whole number.", static text =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null);

    /// <summary>A finite number (invariant culture).</summary>
    public double? Double(string key) => ParseValue<double>(key, "is not a number.", static text =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null);

    /// <summary>A decimal amount (invariant culture).</summary>
    public decimal? Decimal(string key) => ParseValue<decimal>(key, "is not a decimal amount (for example 25.50).", static text =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public bool? Boolean(string key) => ParseValue<bool>(key, "is not true or false.", static text => bool.TryParse(text, out var value) ? value : null);

    /// <summary>An absolute <c>http(s)</c> URL. The value is not repeated: a provider's URL often carries an access token.</summary>
    public Uri? HttpUri(string key) => Parse(key, "is not an absolute http(s) URL.", static text =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0
            ? uri
            : null);

    /// <summary>A value of a type with its own parser (for example a public key); <paramref name="problem"/> says what was expected.</summary>
    public T? Parse<T>(string key, string problem, Func<string, T?> parse)
        where T : class => String(key) is { } text ? parse(text) ?? Failed<T>(key, problem) : null;

    /// <summary>A value of a struct type with its own parser; <paramref name="problem"/> says what was expected.</summary>
    public T? ParseValue<T>(string key, string problem, Func<string, T?> parse)
        where T : struct
    {
        if (String(key) is not { } text)
        {
            return null;
        }

        if (parse(text) is { } value)
        {
            return value;
        }

        Fail(key, problem);
        return null;
    }

    /// <summary>
    /// A defined enum member by name (case-insensitive; <paramref name="ignored"/> characters such as <c>-</c> are removed first):
    /// no numbers (<c>Enum.TryParse</c> would take "7") and no comma-joined names.
    /// </summary>
    public TEnum? Enum<TEnum>(string key, string? ignored = null)
        where TEnum : struct, Enum
    {
        if (String(key) is not { } text)
        {
            return null;
        }

        var trimmed = (ignored is null ? text : text.Replace(ignored, string.Empty, StringComparison.Ordinal)).Trim();
        if (trimmed.Length > 0
            && char.IsLetter(trimmed[0])
            && !trimmed.Contains(',', StringComparison.Ordinal)
            && System.Enum.TryParse<TEnum>(trimmed, ignoreCase: true, out var value)
            && System.Enum.IsDefined(value))
        {
            return value;
        }

        Fail(key, $"{Quote(text)} is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    /// <summary>A list: the section's children (<c>Key:0</c>, <c>Key:1</c>...) or one comma-separated value. Empty when missing.</summary>
    public IReadOnlyList<string> List(string key)
    {
        _read.Add(key);
        var section = _configuration.GetSection(key);
        return section.Value is { Length: > 0 } joined
            ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToArray();
    }

    /// <summary>The keys directly under this section (for example <c>0</c>, <c>1</c>... of a list), in configuration order.</summary>
    public IEnumerable<string> ChildKeys() => _configuration.GetChildren().Select(child => child.Key);

    /// <summary>A nested section whose keys are checked too, or <see langword="null"/> when it is absent.</summary>
    public OptionsConfigurationReader? Section(string key)
    {
        _read.Add(key);
        var section = _configuration.GetSection(key);
        if (!section.Exists())
        {
            return null;
        }

        var reader = new OptionsConfigurationReader(section, _errors, $"{_owner}.{key}");
        _sections.Add(reader);
        return reader;
    }

    /// <summary>The polling settings under <paramref name="key"/> (<c>Interval</c>, <c>BackoffFactor</c>, <c>MaxInterval</c>, <c>Timeout</c>) over <paramref name="current"/>.</summary>
    public PollingOptions Polling(string key, PollingOptions current)
    {
        if (Section(key) is not { } section)
        {
            return current;
        }

        return current with
        {
            Interval = section.Duration(nameof(PollingOptions.Interval)) ?? current.Interval,
            BackoffFactor = section.Double(nameof(PollingOptions.BackoffFactor)) ?? current.BackoffFactor,
            MaxInterval = section.Duration(nameof(PollingOptions.MaxInterval)) ?? current.MaxInterval,
            Timeout = section.Duration(nameof(PollingOptions.Timeout)) ?? current.Timeout,
        };
    }

    /// <summary>Records every key of this section and of the sections read below it that no options class read.</summary>
    public void RefuseUnknownKeys()
    {
        foreach (var child in _configuration.GetChildren())
        {
            if (!_read.Contains(child.Key))
            {
                Fail(child.Key, $"is not a setting of {_owner} (misspelled?); a setting that is not read would silently keep its default.");
            }
        }

        foreach (var section in _sections)
        {
            section.RefuseUnknownKeys();
        }
    }

    // Configuration values quoted here are short names; a long one is cut so the message stays readable.
    private static string Quote(string text) =>
        "'" + (text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...")) + "'";

    private T? Failed<T>(string key, string problem)
        where T : class
    {
        Fail(key, problem);
        return null;
    }
}

/// <summary>A configuration value that could not be used: its full key (for example <c>Attentium:Cluster</c>) and why.</summary>
internal sealed record ConfigurationError(string Key, string Message);
