using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Attention.Sdk.Reliability.Tests.Support;
using Attention.Sdk.Webhooks;
using AttentionFactory.Webhooks;

namespace Attention.Sdk.Reliability.Tests;

/// <summary>
/// Seeded mutations of genuine, signed deliveries (every documented event kind, every canonical form): repeated members and
/// keys, reordering, re-escaping, re-spacing, nested look-alike members, changed event names, appended or altered data,
/// stray bytes. A mutation may be accepted only when the event it parses to is the genuine one (name and signed data; the
/// envelope timestamp is not covered by the signature); everything else must be refused.
/// </summary>
public sealed class WebhookFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 12_0001;
    private const int Mutations = 12_000;
    private const string Secret = "whsec_fuzz_secret";

    private static readonly (string Event, string Data)[] s_genuine =
    [
        ("action.verified", """{"status":"verified","action_id":"9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309","rental_id":"4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3","platform":"instagram","action_type":"post.image","meta":{"z":1,"a":[true,null,2.5,{"k":"v/w"}],"caption":"Café \"launch\" ☕😀\n"}}"""),
        ("action.failed", """{"action_id":"a-3","rental_id":"r-3","status":"failed","reason":"proof rejected","attempts":[1,2,3]}"""),
        ("rental.active", """{"rental_id":"r-77","status":"active","platform":"tiktok","anonymized_id":"anon-9","profile":{"username":"launchpad","display_name":"Ünïcode ✓","followers":1200}}"""),
        ("rental.expired", """{"rental_id":"r-78","platform":"x","status":"expired","anonymized_id":null}"""),
    ];

    private static readonly WebhookCanonicalForm[] s_forms =
        [WebhookCanonicalForm.Raw, WebhookCanonicalForm.SortedCompact, WebhookCanonicalForm.SortedPythonDefault, WebhookCanonicalForm.SortedCompactAscii];

    private static readonly string[] s_eventNames =
    [
        "action.verified", "action.failed", "action.queued", "action.assigned", "action.in_progress", "action.submitted",
        "rental.active", "rental.cancelled", "rental.refunded", "rental.expired", "credits.topped_up", "Action.Verified",
        "action.verified ", " rental.active", "action.", "rental", "", "action.verified.extra", "rental.active\u0000",
    ];

    private static readonly string[] s_nestedKeys = ["data", "event", "status", "action_id", "rental_id", "timestamp", "x"];

    private static readonly string[] s_trailing = [" ", "\n", "{}", ",\"data\":{}", "}", "\u0000", "x", ",", "]"];

    [Fact]
    public void No_mutation_of_a_genuine_delivery_is_accepted_with_content_other_than_what_was_signed()
    {
        var random = new Random(Seed);
        var parser = new AttentionFactoryWebhookParser(Secret);
        var deliveries = GenuineDeliveries(parser).ToList();
        var accepted = 0;
        var acceptedChanged = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Mutations; i++)
        {
            var delivery = deliveries[random.Next(deliveries.Count)];
            var envelope = (JsonObjectTree)delivery.Envelope.Clone();
            var applied = new List<string>();
            for (var n = 1 + random.Next(3); n > 0; n--)
            {
                applied.Add(Mutate(envelope, delivery, random));
            }

            var text = new JsonTreeWriter(random, varied: random.Next(2) == 0).Write(envelope);
            if (random.NextDouble() < 0.05)
            {
                text += s_trailing[random.Next(s_trailing.Length)];
                applied.Add("trailing");
            }

            var body = Encoding.UTF8.GetBytes(text);
            if (random.NextDouble() < 0.05 && body.Length > 0)
            {
                body[random.Next(body.Length)] = (byte)random.Next(256);
                applied.Add("byte");
            }

            if (!parser.TryParseEvent(body, delivery.Signature, out var parsed, out var reason))
            {
                var kind = reason.Length > 48 ? reason[..48] : reason;
                reasons[kind] = reasons.GetValueOrDefault(kind) + 1;
                continue;
            }

            accepted++;
            if (parsed.EventType != delivery.Event.EventType || !JsonElement.DeepEquals(parsed.Data, delivery.Event.Data))
            {
                acceptedChanged++;
                output.WriteLine($"ACCEPTED CHANGED CONTENT after [{string.Join(", ", applied)}] (form {delivery.Form}): {text}");
            }
        }

        output.WriteLine($"{Mutations} mutations in {clock.ElapsedMilliseconds} ms: {accepted} accepted as the genuine event, {Mutations - accepted} refused");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
        {
            output.WriteLine($"{count,6}  {reason}");
        }

        Assert.Equal(0, acceptedChanged);
        // The suite must exercise both sides: harmless re-spellings accepted, real changes refused.
        Assert.InRange(accepted, Mutations / 20, Mutations - (Mutations / 4));
    }

    [Fact]
    public void Every_genuine_delivery_is_accepted_in_every_form_and_spelling()
    {
        var parser = new AttentionFactoryWebhookParser(Secret);
        var random = new Random(Seed);

        foreach (var delivery in GenuineDeliveries(parser))
        {
            // Spacing and escapes change the raw bytes, so only the canonical forms survive them.
            var spelled = delivery.Form == WebhookCanonicalForm.Raw ? JsonTreeWriter.Plain(delivery.Envelope) : new JsonTreeWriter(random, varied: true).Write(delivery.Envelope);

            var parsed = parser.Parse(Encoding.UTF8.GetBytes(spelled), delivery.Signature);

            Assert.True(JsonElement.DeepEquals(parsed.Data, delivery.Event.Data), spelled);
        }
    }

    private static IEnumerable<Genuine> GenuineDeliveries(AttentionFactoryWebhookParser parser)
    {
        foreach (var (eventName, data) in s_genuine)
        {
            using var document = JsonDocument.Parse(data);
            var dataTree = JsonTree.From(document.RootElement);
            var envelope = new JsonObjectTree(
            [
                new("event", new JsonStringTree(eventName)),
                new("timestamp", new JsonStringTree("2026-04-19T12:30:00Z")),
                new("data", dataTree),
            ]);
            var plainData = JsonTreeWriter.Plain(dataTree);
            foreach (var form in s_forms)
            {
                using var signed = JsonDocument.Parse(plainData);
                var signature = form == WebhookCanonicalForm.Raw
                    ? WebhookSigner.Sign(Encoding.UTF8.GetBytes(plainData), Secret)
                    : WebhookSigner.Sign(signed.RootElement, Secret, form);
                var genuineEvent = parser.Parse(Encoding.UTF8.GetBytes(JsonTreeWriter.Plain(envelope)), signature);
                yield return new Genuine(envelope, signature, form, genuineEvent);
            }
        }
    }

    /// <summary>Applies one random mutation to the envelope; returns its name for the failure report.</summary>
    private static string Mutate(JsonObjectTree envelope, Genuine delivery, Random random)
    {
        var data = envelope["data"] as JsonObjectTree;
        var objects = envelope.Objects().ToList();
        var target = objects[random.Next(objects.Count)];
        switch (random.Next(11))
        {
            case 0:
                // Reorder the members of one object (the envelope or any object in data).
                var shuffled = target.Members.OrderBy(_ => random.Next()).ToList();
                target.Members.Clear();
                target.Members.AddRange(shuffled);
                return "reorder";
            case 1:
                if (target.Members.Count == 0)
                {
                    return "none";
                }

                // Repeat a member, with the same or a changed value, before or after the original.
                var copy = target.Members[random.Next(target.Members.Count)];
                var value = random.Next(2) == 0 ? copy.Value.Clone() : Altered(copy.Value.Clone(), random);
                target.Members.Insert(random.Next(target.Members.Count + 1), new(copy.Key, value));
                return $"repeat {copy.Key}";
            case 2:
                // A nested look-alike: {"data": {...}} or {"status": ...} one level down.
                var nestedKey = s_nestedKeys[random.Next(s_nestedKeys.Length)];
                var look = new JsonObjectTree([new(s_nestedKeys[random.Next(s_nestedKeys.Length)], data is null ? new JsonStringTree("verified") : Altered(data.Clone(), random))]);
                target.Members.Insert(random.Next(target.Members.Count + 1), new(nestedKey, look));
                return $"nest {nestedKey}";
            case 3:
                envelope.Set("event", new JsonStringTree(s_eventNames[random.Next(s_eventNames.Length)]));
                return "rename event";
            case 4:
                // Append (or prepend) a second data member.
                var second = data is null ? new JsonObjectTree([]) : (JsonObjectTree)Altered(data.Clone(), random);
                envelope.Members.Insert(random.Next(2) == 0 ? envelope.Members.Count : 0, new("data", second));
                return "second data";
            case 5:
                if (data is not null)
                {
                    Altered(data, random);
                }

                return "alter data";
            case 6:
                // A new key in some object of data.
                var inData = data?.Objects().ToList();
                if (inData is { Count: > 0 })
                {
                    var where = inData[random.Next(inData.Count)];
                    where.Members.Insert(random.Next(where.Members.Count + 1), new(s_nestedKeys[random.Next(s_nestedKeys.Length)] + (random.Next(2) == 0 ? "" : "_x"), new JsonLiteralTree("1")));
                }

                return "add key";
            case 7:
                if (target.Members.Count > 0)
                {
                    target.Members.RemoveAt(random.Next(target.Members.Count));
                }

                return "remove member";
            case 8:
                // Another genuine delivery's data under this one's name and signature (relabel / swap).
                var other = s_genuine[random.Next(s_genuine.Length)];
                using (var document = JsonDocument.Parse(other.Data))
                {
                    envelope.Set("data", JsonTree.From(document.RootElement));
                }

                return "swap data";
            case 9:
                envelope.Set("timestamp", new JsonStringTree(random.Next(2) == 0 ? "2030-01-01T00:00:00Z" : "not a time"));
                return "timestamp";
            default:
                // Unicode look-alikes: NFD accents, a lone surrogate, a zero-width joiner.
                var strings = Strings(envelope).ToList();
                var s = strings[random.Next(strings.Count)];
                s.Value = random.Next(3) switch
                {
                    0 => s.Value.Replace("é", "e\u0301", StringComparison.Ordinal),
                    1 => s.Value + "\ud800",
                    _ => s.Value.Insert(random.Next(s.Value.Length + 1), "\u200d"),
                };
                return "unicode";
        }
    }

    /// <summary>Changes one leaf somewhere in the value (returns the value, changed in place when it is a container).</summary>
    private static JsonTree Altered(JsonTree value, Random random)
    {
        var leaves = Leaves(value).ToList();
        if (leaves.Count == 0)
        {
            return new JsonStringTree("forged");
        }

        switch (leaves[random.Next(leaves.Count)])
        {
            case JsonStringTree s:
                s.Value = random.Next(3) switch
                {
                    0 => "verified",
                    1 => s.Value.ToUpperInvariant(),
                    _ => s.Value + "x",
                };
                break;
            case JsonLiteralTree l:
                l.Text = l.Text switch
                {
                    "true" => "false",
                    "null" => "0",
                    "1" => random.Next(2) == 0 ? "1.0" : "1e0",
                    "2.5" => "2.50",
                    _ => random.Next(2) == 0 ? "\"" + l.Text + "\"" : "null",
                };
                break;
        }

        return value is JsonLiteralTree or JsonStringTree ? leaves[0] : value;
    }

    private static IEnumerable<JsonTree> Leaves(JsonTree tree) =>
        tree is JsonStringTree or JsonLiteralTree ? [tree] : tree.Children().SelectMany(Leaves);

    private static IEnumerable<JsonStringTree> Strings(JsonTree tree) => Leaves(tree).OfType<JsonStringTree>();

    private sealed record Genuine(JsonObjectTree Envelope, string Signature, WebhookCanonicalForm Form, WebhookEvent Event);
}
