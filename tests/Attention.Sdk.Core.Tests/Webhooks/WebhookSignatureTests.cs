using System.Text;
using System.Text.Json;
using Attention.Sdk.Testing.Tools;
using Attention.Sdk.Webhooks;

namespace Attention.Sdk.Core.Tests.Webhooks;

/// <summary>
/// Signatures are computed by the Attention Factory docs' own Node snippet (crypto.createHmac over the data text) for each
/// canonical form a sender may have used, then checked by the SDK's verifier against the raw delivery bytes.
/// </summary>
public sealed class WebhookSignatureTests : IClassFixture<WebhookSignatureTests.NodeVectors>
{
    private const string Secret = "whsec_your_signing_secret";
    private readonly NodeVectors _vectors;

    public WebhookSignatureTests(NodeVectors vectors) => _vectors = vectors;

    /// <summary>A delivery whose data has unsorted keys, nesting, a non-ASCII string and escapes, as a server might send it.</summary>
    public const string Delivery = """
        {"event":"action.verified","timestamp":"2026-04-19T12:30:00Z","data":{"status":"verified","rental_id":"4e1a5c98-1d23-4c9e-b3a7-0fdbc2a6e1b3","action_id":"9ab72c01-5d62-4f0b-a8cc-1d4a7b2fc309","platform":"instagram","action_type":"post.image","meta":{"z":1,"a":[true,null,2.5],"caption":"Café \"launch\" ☕\n"}}}
        """;

    public sealed class NodeVectors : IAsyncLifetime
    {
        public Dictionary<string, string> Signatures { get; } = [];

        public async ValueTask InitializeAsync()
        {
            // The docs' snippet signs a string with crypto.createHmac('sha256', secret).update(dataJson).digest('hex').
            // Python's json.dumps(sort_keys=True) forms are produced in Node by a faithful re-implementation of its escaping.
            var script = """
                const crypto = require('crypto');
                const sign = (dataJson, secret) => 'sha256=' + crypto.createHmac('sha256', secret).update(dataJson).digest('hex');
                const body = require('fs').readFileSync(0, 'utf8');
                const delivery = JSON.parse(body);
                const start = body.indexOf('"data":') + '"data":'.length;
                let depth = 0, end = start, inString = false;
                for (let i = start; i < body.length; i++) {
                  const c = body[i];
                  if (inString) { if (c === '\\') { i++; continue; } if (c === '"') inString = false; continue; }
                  if (c === '"') inString = true; else if (c === '{' || c === '[') depth++; else if (c === '}' || c === ']') { depth--; if (depth === 0) { end = i + 1; break; } }
                }
                const sortKeys = v => Array.isArray(v) ? v.map(sortKeys) : (v && typeof v === 'object') ? Object.keys(v).sort().reduce((o, k) => (o[k] = sortKeys(v[k]), o), {}) : v;
                const py = (v, item, key) => {
                  if (Array.isArray(v)) return '[' + v.map(x => py(x, item, key)).join(item) + ']';
                  if (v && typeof v === 'object') return '{' + Object.keys(v).sort().map(k => py(k, item, key) + key + py(v[k], item, key)).join(item) + '}';
                  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u0080-\uffff]/g, c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
                  return JSON.stringify(v);
                };
                const raw = body.slice(start, end);
                const secret = process.argv[2];
                console.log(JSON.stringify({
                  Raw: sign(raw, secret),
                  SortedCompact: sign(JSON.stringify(sortKeys(delivery.data)), secret),
                  SortedPythonDefault: sign(py(delivery.data, ', ', ': '), secret),
                  SortedCompactAscii: sign(py(delivery.data, ',', ':'), secret),
                  WrongSecret: sign(raw, secret + 'x'),
                }));
                """;
            var path = Path.Combine(Path.GetTempPath(), $"webhook-vectors-{Guid.NewGuid():N}.cjs");
            await File.WriteAllTextAsync(path, script);
            try
            {
                var output = await NodeScript.RunFileAsync(path, [Secret], Delivery);
                foreach (var property in JsonDocument.Parse(output).RootElement.EnumerateObject())
                {
                    Signatures[property.Name] = property.Value.GetString()!;
                }
            }
            finally
            {
                File.Delete(path);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private static byte[] Body => Encoding.UTF8.GetBytes(Delivery);

    [Theory]
    [InlineData(WebhookCanonicalForm.Raw)]
    [InlineData(WebhookCanonicalForm.SortedCompact)]
    [InlineData(WebhookCanonicalForm.SortedPythonDefault)]
    [InlineData(WebhookCanonicalForm.SortedCompactAscii)]
    public void Signature_over_each_canonical_form_from_the_docs_snippet_is_accepted(WebhookCanonicalForm form)
    {
        var result = WebhookSignatureVerifier.Verify(Body, _vectors.Signatures[form.ToString()], Secret);

        Assert.True(result.IsValid, result.FailureReason);
        Assert.Equal(form, result.MatchedForm);
    }

    [Theory]
    [InlineData(WebhookCanonicalForm.SortedCompact)]
    [InlineData(WebhookCanonicalForm.SortedPythonDefault)]
    [InlineData(WebhookCanonicalForm.SortedCompactAscii)]
    public void Sdk_signer_produces_the_same_signature_as_node_for_each_form(WebhookCanonicalForm form)
    {
        using var document = JsonDocument.Parse(Delivery);

        Assert.Equal(_vectors.Signatures[form.ToString()], WebhookSigner.Sign(document.RootElement.GetProperty("data"), Secret, form));
    }

    [Fact]
    public void Data_that_is_not_the_envelopes_last_member_is_still_found_and_verified()
    {
        var dataText = Delivery[(Delivery.IndexOf("\"data\":", StringComparison.Ordinal) + 7)..Delivery.TrimEnd().LastIndexOf('}')];
        var reordered = Encoding.UTF8.GetBytes($$"""{"data":{{dataText}},"event":"action.verified","timestamp":"2026-04-19T12:30:00Z"}""");

        var result = WebhookSignatureVerifier.Verify(reordered, _vectors.Signatures["Raw"], Secret);

        Assert.True(result.IsValid, result.FailureReason);
        Assert.Equal(WebhookCanonicalForm.Raw, result.MatchedForm);
    }

    [Fact]
    public void Member_appended_after_data_is_outside_the_signed_bytes_and_data_still_verifies()
    {
        var tampered = Encoding.UTF8.GetBytes(Delivery.TrimEnd()[..^1] + ",\"status\":\"failed\"}");

        var result = WebhookSignatureVerifier.Verify(tampered, _vectors.Signatures["Raw"], Secret);

        // The data text itself is unchanged, so the signature still covers exactly it: valid, and the extra member is outside it.
        Assert.True(result.IsValid, result.FailureReason);
    }

    [Fact]
    public void Uppercase_hex_signature_is_accepted()
    {
        var header = "sha256=" + _vectors.Signatures["Raw"]["sha256=".Length..].ToUpperInvariant();

        Assert.True(WebhookSignatureVerifier.Verify(Body, header, Secret).IsValid);
    }

    [Fact]
    public void Tampered_data_is_rejected_with_a_reason()
    {
        var tampered = Encoding.UTF8.GetBytes(Delivery.Replace("\"verified\"", "\"failed\"", StringComparison.Ordinal));

        var result = WebhookSignatureVerifier.Verify(tampered, _vectors.Signatures["SortedCompact"], Secret);

        Assert.False(result.IsValid);
        Assert.Contains("does not match", result.FailureReason);
    }

    [Fact]
    public void Wrong_secret_is_rejected()
    {
        Assert.False(WebhookSignatureVerifier.Verify(Body, _vectors.Signatures["WrongSecret"], Secret).IsValid);
    }

    [Fact]
    public void Old_and_new_secret_both_accepted_during_rotation()
    {
        var result = WebhookSignatureVerifier.Verify(Body, _vectors.Signatures["Raw"], ["whsec_new_secret", Secret]);

        Assert.True(result.IsValid);
        Assert.Equal(1, result.MatchedSecretIndex);
    }

    [Fact]
    public void Each_of_more_secrets_than_a_thread_keeps_keyed_verifies_only_its_own_signature()
    {
        // The verifier keeps a few keyed HMAC contexts per thread: secrets beyond those, and ones evicted and then seen
        // again, must each still match their own signature (made by the one-shot signer) and nothing else.
        var data = """{"status":"verified","action_id":"a1"}"""u8.ToArray();
        var body = Encoding.UTF8.GetBytes($$"""{"event":"action.verified","data":{{Encoding.UTF8.GetString(data)}}}""");
        var secrets = Enumerable.Range(0, 7).Select(i => $"whsec_rotating_{i}").ToArray();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < secrets.Length; i++)
            {
                var header = WebhookSigner.Sign(data, secrets[i]);

                Assert.True(WebhookSignatureVerifier.Verify(body, header, secrets[i]).IsValid);
                Assert.False(WebhookSignatureVerifier.Verify(body, header, secrets[(i + 1) % secrets.Length]).IsValid);
            }
        }
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("md5=abcdef", "sha256=")]
    [InlineData("sha256=xyz", "64 hexadecimal")]
    [InlineData("sha256=abcd", "64 hexadecimal")]
    public void Missing_or_garbled_header_is_rejected_with_a_reason(string? header, string reasonPart)
    {
        var result = WebhookSignatureVerifier.Verify(Body, header, Secret);

        Assert.False(result.IsValid);
        Assert.Contains(reasonPart, result.FailureReason);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"event\":\"x\"}")]
    [InlineData("{\"data\":{\"a\":")]
    public void Body_without_readable_data_is_rejected_not_thrown(string body)
    {
        var result = WebhookSignatureVerifier.Verify(Encoding.UTF8.GetBytes(body), "sha256=" + new string('a', 64), Secret);

        Assert.False(result.IsValid);
        Assert.NotNull(result.FailureReason);
    }

    [Fact]
    public void No_secret_configured_is_rejected()
    {
        Assert.False(WebhookSignatureVerifier.Verify(Body, _vectors.Signatures["Raw"], Array.Empty<string>()).IsValid);
    }

    [Fact]
    public async Task Stream_body_is_verified_from_its_raw_bytes()
    {
        using var stream = new MemoryStream(Body);

        var (result, bytes) = await WebhookSignatureVerifier.VerifyAsync(stream, _vectors.Signatures["Raw"], [Secret], TestContext.Current.CancellationToken);

        Assert.True(result.IsValid);
        Assert.Equal(Body, bytes);
    }
}
