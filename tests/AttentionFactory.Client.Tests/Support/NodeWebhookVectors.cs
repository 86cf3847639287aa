using System.Text.Json;
using Attention.Sdk.Testing.Tools;

namespace AttentionFactory.Client.Tests.Support;

/// <summary>
/// Signatures computed by the Attention Factory docs' own Node snippet (crypto.createHmac over the data text) for each canonical
/// form of a delivery's data: raw as delivered, sorted compact (JSON.stringify), Python's json.dumps(sort_keys=True) and sorted
/// compact with ASCII escapes. One Node run per test class.
/// </summary>
public sealed class NodeWebhookVectors : IAsyncLifetime
{
    public const string Secret = "whsec_your_signing_secret";
    public const string OldSecret = "whsec_old_secret";

    /// <summary>Deliveries with their raw data text deliberately unsorted and spaced, one with non-ASCII text.</summary>
    public static readonly IReadOnlyList<string> Bodies =
    [
        """
        {
          "event": "action.verified",
          "timestamp": "2026-04-19T12:30:00Z",
          "data": {
            "status": "verified",
            "action_id": "9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309",
            "rental_id": "4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3",
            "platform": "instagram",
            "action_type": "post.image"
          }
        }
        """,
        """{"event":"rental.active","timestamp":"2026-04-18T12:30:00Z","data":{"rental_id":"4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3","status":"active","platform":"instagram","profile":{"username":"launchpad_labs","display_name":"Café ☕ Launchpad"},"tags":["a","b"],"count":3}}""",
    ];

    private const string Script = """
        import { createRequire } from 'node:module';
        const require = createRequire(import.meta.url);
        // --- the docs' snippet, verbatim ---
        const crypto = require('crypto');
        function verifyWebhook(dataJson, signatureHeader, secret) {
          // signatureHeader looks like: "sha256=<hex>"
          const provided = signatureHeader.replace(/^sha256=/, '');
          const expected = crypto
            .createHmac('sha256', secret)
            .update(dataJson)
            .digest('hex');
          return crypto.timingSafeEqual(
            Buffer.from(provided),
            Buffer.from(expected)
          );
        }
        // --- canonical forms of the data field ---
        const sortKeys = v => Array.isArray(v) ? v.map(sortKeys)
          : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map(k => [k, sortKeys(v[k])])) : v;
        const ascii = s => s.replace(/[\u0080-\uffff]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        const py = v => Array.isArray(v) ? '[' + v.map(py).join(', ') + ']'
          : v && typeof v === 'object' ? '{' + Object.keys(v).sort().map(k => ascii(JSON.stringify(k)) + ': ' + py(v[k])).join(', ') + '}'
          : ascii(JSON.stringify(v));
        function rawData(body) {
          const start = body.indexOf('"data"');
          const open = body.indexOf('{', start);
          let depth = 0, inString = false;
          for (let i = open; i < body.length; i++) {
            const c = body[i];
            if (inString) { if (c === '\\') i++; else if (c === '"') inString = false; continue; }
            if (c === '"') inString = true; else if (c === '{') depth++; else if (c === '}' && --depth === 0) return body.slice(open, i + 1);
          }
          throw new Error('no data');
        }
        const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        const sign = (text, secret) => 'sha256=' + crypto.createHmac('sha256', secret).update(text).digest('hex');
        const out = input.bodies.map(body => {
          const data = JSON.parse(body).data;
          const forms = {
            raw: rawData(body),
            sortedCompact: JSON.stringify(sortKeys(data)),
            pythonDefault: py(data),
            sortedCompactAscii: ascii(JSON.stringify(sortKeys(data))),
          };
          const signatures = {};
          for (const [name, text] of Object.entries(forms)) {
            signatures[name] = sign(text, input.secret);
            if (!verifyWebhook(text, signatures[name], input.secret)) throw new Error('snippet disagrees for ' + name);
          }
          signatures.oldSecretSortedCompact = sign(forms.sortedCompact, input.oldSecret);
          return { forms, signatures };
        });
        process.stdout.write(JSON.stringify(out));
        """;

    /// <summary>Per body: form name → signature header value.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Signatures { get; private set; } = [];

    /// <summary>Per body: form name → the exact text signed.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Forms { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        var input = JsonSerializer.Serialize(new { bodies = Bodies, secret = Secret, oldSecret = OldSecret });
        var output = await NodeScript.RunAsync(Script, input);
        using var document = JsonDocument.Parse(output);
        Signatures = document.RootElement.EnumerateArray().Select(e => Read(e.GetProperty("signatures"))).ToArray();
        Forms = document.RootElement.EnumerateArray().Select(e => Read(e.GetProperty("forms"))).ToArray();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Dictionary<string, string> Read(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}
