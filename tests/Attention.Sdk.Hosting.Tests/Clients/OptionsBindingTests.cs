using System.Collections;
using System.Globalization;
using System.Reflection;
using Attention.Sdk.DependencyInjection;
using Attentium.Solana;
using AutoPersonas;
using Microsoft.Extensions.Configuration;

namespace Attention.Sdk.Hosting.Tests.Clients;

/// <summary>
/// Every option of every client binds from configuration. The keys are not listed here: they are found by reflecting over the
/// options' public properties (and those of nested settings: polling, rate limit, inspection), each given a value that differs from
/// its default. A new option that the binder does not read makes the binder refuse its key, and this test fail.
/// </summary>
public sealed class OptionsBindingTests
{
    // Objects configuration cannot carry: set in code only. Adding to this list is a decision, not a way to silence the test.
    private static readonly HashSet<string> s_setInCodeOnly =
    [
        nameof(AttentionClientOptions.LoggerFactory),
        nameof(AttentionClientOptions.TimeProvider),
        nameof(AttentionClientOptions.Transport),
        nameof(AttentionClientOptions.RateLimiterProvider),
        nameof(AttentionClientOptions.RetryBudgetProvider),
        nameof(Attentium.AttentiumClientOptions.PaymentLedger),
    ];

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Every_option_binds_from_configuration(string name)
    {
        var type = ClientCase.Named(name).OptionsType;
        var values = new Dictionary<string, string?>();
        var expected = new List<(string Key, object? Value)>();
        Describe(type, Activator.CreateInstance(type)!, prefix: string.Empty, values, expected);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = (AttentionClientOptions)Activator.CreateInstance(type)!;

        AttentionClientOptionsBinder.Bind(configuration, options);

        Assert.NotEmpty(expected);
        foreach (var (key, value) in expected)
        {
            var actual = Read(options, key);
            if (value is IEnumerable items and not string)
            {
                Assert.Equal(items.Cast<object>(), Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object>());
            }
            else
            {
                Assert.True(Equals(value, actual), $"{key}: expected {value}, bound {actual}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ClientCase.Names), MemberType = typeof(ClientCase))]
    public void Binding_outside_a_container_refuses_an_unknown_key_naming_it(string name)
    {
        var type = ClientCase.Named(name).OptionsType;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Timeuot"] = "5" }).Build();

        var error = Assert.Throws<FormatException>(() => AttentionClientOptionsBinder.Bind(configuration, (AttentionClientOptions)Activator.CreateInstance(type)!));

        Assert.Contains("'Timeuot' is not a setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_value_is_not_repeated_in_the_error()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["BaseAddress"] = "not a url ap_live_s3cr3t" }).Build();

        var error = Assert.Throws<FormatException>(() => AttentionClientOptionsBinder.Bind(configuration, new AutoPersonasClientOptions()));

        Assert.Contains("'BaseAddress'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    private static void Describe(Type type, object defaults, string prefix, Dictionary<string, string?> values, List<(string, object?)> expected)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = prefix + property.Name;
            if (s_setInCodeOnly.Contains(property.Name) || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var writable = property.SetMethod is { IsPublic: true };
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var current = property.GetValue(defaults);
            if (IsSettingsGroup(propertyType))
            {
                Describe(propertyType, current ?? CreateGroup(propertyType), key + ":", values, expected);
                continue;
            }

            if (!writable && !typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                continue;
            }

            var (text, value) = Sample(propertyType, current, key);
            if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items)
                {
                    values[$"{key}:{index++}"] = Text(item);
                }
            }
            else
            {
                values[key] = text;
            }

            expected.Add((key, value));
        }
    }

    private static bool IsSettingsGroup(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && type != typeof(PublicKey) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static object CreateGroup(Type type) => type == typeof(RateLimiting.RateLimitPolicy)
        ? new RateLimiting.RateLimitPolicy { PermitLimit = 1, Window = TimeSpan.FromSeconds(1) }
        : Activator.CreateInstance(type)!;

    // A value that differs from the default, as configuration text and as the bound value.
    private static (string? Text, object? Value) Sample(Type type, object? current, string key)
    {
        var seed = Math.Abs(key.GetHashCode(StringComparison.Ordinal) % 1000) + 1;
        object value = type switch
        {
            _ when type == typeof(string) => "bound-" + seed,
            _ when type == typeof(Uri) => new Uri($"https://bound{seed}.example/v1"),
            _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(seed) + (current is TimeSpan t ? t : TimeSpan.Zero),
            _ when type == typeof(int) => (current is int i ? i : 0) + 1,
            _ when type == typeof(ulong) => (current is ulong u ? u : 0) + (ulong)seed,
            _ when type == typeof(double) => (current is double d ? d : 1) + 0.25,
            _ when type == typeof(decimal) => 12.5m + seed,
            _ when type == typeof(bool) => current is not true,
            _ when type == typeof(PublicKey) => Keypair.Generate().PublicKey,
            _ when type.IsEnum => Enum.GetValues(type).Cast<object>().Last(v => !v.Equals(current)),
            _ when type == typeof(IReadOnlyCollection<AutoPersonasScope>) => new[] { AutoPersonasScope.FromValue("content:generate"), AutoPersonasScope.FromValue("character:read") },
            _ when type == typeof(IList<PublicKey>) => new[] { Keypair.Generate().PublicKey, Keypair.Generate().PublicKey },
            _ => throw new InvalidOperationException($"No sample for {key} ({type}): bind the new option and teach this test its type, or add it to the set-in-code list with the reason."),
        };
        return (Text(value), value);
    }

    private static string? Text(object? value) => value switch
    {
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        PublicKey key => key.ToBase58(),
        _ => value?.ToString(),
    };

    private static object? Read(object options, string key)
    {
        object? current = options;
        foreach (var part in key.Split(':'))
        {
            current = current?.GetType().GetProperty(part)!.GetValue(current);
        }

        return current;
    }
}
