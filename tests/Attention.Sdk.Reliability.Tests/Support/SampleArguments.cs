using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attention.Sdk.Polling;
using AttentionFactory.Actions;
using AttentionFactory.Branding;
using AttentionFactory.Rentals;
using Attentium;
using Attentium.Campaigns;
using Attentium.Claims;
using Attentium.Solana;
using AutoPersonas.Characters;

namespace Attention.Sdk.Reliability.Tests.Support;

/// <summary>
/// Simple valid arguments for any public client method, so suites can call every method found by reflection. Optional parameters
/// keep their defaults; required ones get a sample: hand-written for request types with rules (<see cref="s_samples"/>), otherwise
/// built by reflection (required members filled, extensible enums take their first known value). A method whose parameters cannot
/// be built fails with a message naming the type to add here.
/// </summary>
internal static class SampleArguments
{
    /// <summary>Polling short enough that a wait helper fed endless "not yet" answers gives up within the test.</summary>
    public static readonly PollingOptions FastPolling = new()
    {
        Interval = TimeSpan.FromMilliseconds(5),
        BackoffFactor = 1,
        MaxInterval = TimeSpan.FromMilliseconds(5),
        Timeout = TimeSpan.FromMilliseconds(60),
    };

    /// <summary>The Attentium read key every sample call uses (the secret suite looks for it).</summary>
    public const string ReadKey = "rk_live_SECRETreadKEY_5f9c2a7e41d04b6f";

    /// <summary>The seed of the agent/user keypair every sample call signs with (the secret suite looks for its encodings).</summary>
    public static readonly byte[] SignerSeed = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    public static readonly Keypair Signer = Keypair.FromSeed(SignerSeed);

    private static readonly Dictionary<Type, Func<object>> s_samples = new()
    {
        [typeof(CreateCampaignRequest)] = () => new CreateCampaignRequest { Duration = 30, Quantity = 10, BidPerSecond = 0.01m, ValidationQuestion = "What colour was the logo?" },
        [typeof(ISolanaSigner)] = () => Signer,
        [typeof(Keypair)] = () => Signer,
        [typeof(PublicKey)] = () => Signer.PublicKey,
        [typeof(PaymentInvoice)] = () => AttentiumModelFactory.PaymentInvoice("camp_123", 3m),
        [typeof(CampaignPayment)] = () => new CampaignPayment("camp_123", SampleSignature, Signer.PublicKey.ToBase58(), 3m, Resumed: false),
        [typeof(CampaignKeys)] = () => AttentiumModelFactory.CampaignKeys("tx_123", "camp_123", ReadKey),
        [typeof(ClaimIntent)] = () => AttentiumModelFactory.ClaimIntent("claim_123", SampleTransaction().ToBase64()),
        [typeof(Transaction)] = SampleTransaction,
        [typeof(CreateRentalRequest)] = () => new CreateRentalRequest { Platform = AttentionFactory.Platforms.Platform.Instagram, Months = 1 },
        [typeof(UpdateRentalRequest)] = () => new UpdateRentalRequest { AutoRenew = false },
        [typeof(BrandingFields)] = () => new BrandingFields { Bio = "Coffee and code" },
        [typeof(PostOptions)] = () => new PostOptions { MediaUrl = "https://example.com/a.jpg", Caption = "hello" },
        [typeof(SubmitActionRequest)] = () => SubmitActionRequest.PostImage(new PostOptions { MediaUrl = "https://example.com/a.jpg" }),
        [typeof(IngredientsPatch)] = () => new IngredientsPatch().Set("hair", JsonValue.Create("red")),
        [typeof(HttpMethod)] = () => HttpMethod.Get,
        [typeof(Attention.Sdk.Http.ApiRequest)] = () => new Attention.Sdk.Http.ApiRequest(HttpMethod.Get, "influencers"),
        [typeof(Attention.Sdk.Http.RequestOptions)] = () => new Attention.Sdk.Http.RequestOptions(),
        [typeof(PollingOptions)] = () => FastPolling,
        [typeof(JsonElement)] = () => JsonSerializer.SerializeToElement(new Dictionary<string, int> { ["a"] = 1 }),
        [typeof(ReadOnlyMemory<byte>)] = () => new ReadOnlyMemory<byte>("{}"u8.ToArray()),
    };

    private static string SampleSignature => Base58.Encode([.. Enumerable.Repeat((byte)7, 64)]);

    private static Transaction SampleTransaction() =>
        Transaction.FromMessage(MessageCompiler.CompileLegacy(
            Signer.PublicKey,
            [MemoInstructions.Memo("camp_123", Signer.PublicKey)],
            Base58.Encode([.. Enumerable.Range(1, 32).Select(i => (byte)i)])));

    public static object?[] For(MethodInfo method, CancellationToken cancellationToken, PollingOptions? polling = null) =>
        [.. method.GetParameters().Select(p => polling is not null && p.ParameterType == typeof(PollingOptions) ? polling : ForParameter(method, p, cancellationToken))];

    private static object? ForParameter(MethodInfo method, ParameterInfo parameter, CancellationToken cancellationToken)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (s_samples.TryGetValue(type, out var sample))
        {
            return sample();
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue is DBNull ? null : parameter.DefaultValue;
        }

        return Build(type, parameter.Name ?? "value", depth: 0)
            ?? throw new InvalidOperationException(
                $"No sample argument for parameter '{parameter.Name}' ({type}) of {method.DeclaringType?.Name}.{method.Name}: add one to {nameof(SampleArguments)}.");
    }

    private static object? Build(Type type, string name, int depth)
    {
        if (s_samples.TryGetValue(type, out var sample))
        {
            return sample();
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return Build(underlying, name, depth);
        }

        if (type == typeof(string))
        {
            if (name.Contains("url", StringComparison.OrdinalIgnoreCase))
            {
                return "https://example.com/sample.jpg";
            }

            if (name.Contains("readKey", StringComparison.OrdinalIgnoreCase))
            {
                return ReadKey;
            }

            if (name.Contains("signature", StringComparison.OrdinalIgnoreCase))
            {
                return SampleSignature;
            }

            if (name.Contains("signedTransaction", StringComparison.OrdinalIgnoreCase))
            {
                return SampleTransaction().ToBase64();
            }

            if (name.Equals("path", StringComparison.OrdinalIgnoreCase))
            {
                return "influencers";
            }

            if (name.Contains("contentType", StringComparison.OrdinalIgnoreCase))
            {
                return "application/json";
            }

            return "id_" + name.ToLowerInvariant();
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(ulong) || type == typeof(uint))
        {
            var value = name.Contains("duration", StringComparison.OrdinalIgnoreCase) ? 30 : 1;
            return Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(decimal))
        {
            // A caller's payment cap must cover the sample invoice (3 USDC), so the call goes on to the wire.
            return name.Contains("maximum", StringComparison.OrdinalIgnoreCase) ? 1_000m : 1m;
        }

        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (depth > 4)
        {
            return null;
        }

        // Extensible string-backed enums: the first known value (a static property of the type itself).
        var known = type.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == type);
        if (type.IsValueType && known is not null)
        {
            return known.GetValue(null);
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1)
        {
            var item = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Build(item, name + "_0", depth + 1));
            list.Add(Build(item, name + "_1", depth + 1));
            return list;
        }

        if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is { } constructor)
        {
            var instance = constructor.Invoke(null);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<RequiredMemberAttribute>() is not null && property.SetMethod is not null)
                {
                    property.SetValue(instance, Build(property.PropertyType, property.Name, depth + 1));
                }
            }

            return instance;
        }

        return null;
    }
}
