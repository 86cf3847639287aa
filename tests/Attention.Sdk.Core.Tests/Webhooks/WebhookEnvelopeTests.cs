using System.Security.Cryptography;
using System.Text;
using Attention.Sdk.Webhooks;

namespace Attention.Sdk.Core.Tests.Webhooks;

/// <summary>
/// A delivery is verified only when it is one unambiguous JSON object: any repeated member or key, undecodable text or
/// trailing content is refused before the signature is looked at, so no parser can read content other than what was signed.
/// </summary>
public sealed class WebhookEnvelopeTests
{
    private const string Secret = "whsec_envelope_tests";
    private const string Data = """{"action_id":"a1","rental_id":"r1","status":"failed","meta":{"n":1}}""";
    private const string Genuine = $$"""{"event":"action.failed","timestamp":"2026-04-19T12:30:00Z","data":{{Data}}}""";

    private static string Signature => WebhookSigner.Sign(Encoding.UTF8.GetBytes(Data), Secret);

    private static WebhookVerificationResult Verify(string body, string? header = null) =>
        WebhookSignatureVerifier.Verify(Encoding.UTF8.GetBytes(body), header ?? Signature, Secret);

    [Fact]
    public void The_genuine_delivery_verifies()
    {
        Assert.True(Verify(Genuine).IsValid);
    }

    [Theory]
    [InlineData("""{"event":"action.verified","data":{"action_id":"evil","status":"verified"}}""")]
    [InlineData("""{"event":"action.verified","data":{"action_id":"evil","status":"verified"},"timestamp":"x"}""")]
    public void A_second_data_member_after_the_signed_one_is_refused(string forgedTail)
    {
        // The forgery: a captured genuine delivery plus a second "data" member.
        var forged = Genuine[..^1] + "," + forgedTail[1..];

        var result = Verify(forged);

        Assert.False(result.IsValid);
        Assert.Contains("repeats the envelope member", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_data_member_before_the_signed_one_is_refused()
    {
        var forged = """{"data":{"action_id":"evil","status":"verified"},""" + Genuine[1..];

        Assert.Contains("\"data\"", Verify(forged).FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_member_spelled_with_an_escape_counts_as_a_repeat()
    {
        var forged = Genuine[..^1] + "," + """ "d\u0061ta":{"status":"verified"}}""";

        Assert.Contains("repeats the envelope member", Verify(forged).FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_event_member_is_refused()
    {
        var forged = Genuine.Replace("\"timestamp\"", "\"event\":\"action.verified\",\"timestamp\"", StringComparison.Ordinal);

        Assert.Contains("repeats the envelope member \"event\"", Verify(forged).FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"action_id":"a1","status":"failed","status":"verified"}""")]
    [InlineData("""{"action_id":"a1","meta":{"n":1,"n":2},"status":"failed"}""")]
    [InlineData("""{"action_id":"a1","list":[{"deep":{"k":1,"k":1}}],"status":"failed"}""")]
    [InlineData("""{"action_id":"a1","st\u0061tus":"x","status":"failed"}""")]
    public void Signed_data_that_repeats_a_key_at_any_depth_is_refused_even_with_a_valid_signature(string data)
    {
        var body = $$"""{"event":"action.failed","data":{{data}}}""";

        var result = Verify(body, WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret));

        Assert.False(result.IsValid);
        Assert.Contains("repeats the key", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"\u00e9t\u00e9":1,"été":2}""")]
    [InlineData("""{"n\u0031":{"\u0061":1,"\u0062":2},"n\u0032":{"\u0061":1},"n\u0031":3}""")]
    [InlineData("""{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k\u0031\u0036":17}""")]
    public void An_escaped_spelling_of_a_key_counts_as_a_repeat_after_nested_objects_and_past_the_linear_limit(string data)
    {
        var body = $$"""{"event":"x.y","data":{{data}}}""";

        var result = Verify(body, WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret));

        Assert.Contains("repeats the key", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_keys_in_sibling_objects_are_told_apart_after_a_nested_object_released_its_names()
    {
        const string data = """{"\u0061":{"\u0078\u0078":1,"\u0079":2},"\u0062":{"\u0078\u0078":1},"\u0063":3,"c2":4}""";

        Assert.True(Verify($$"""{"event":"x.y","data":{{data}}}""", WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret)).IsValid);
    }

    [Fact]
    public void A_delivery_with_huge_escaped_keys_verifies_and_leaves_nothing_behind_for_the_next_one_on_the_thread()
    {
        var huge = string.Concat(Enumerable.Repeat("\\u0061", 5000));
        var hostileData = $$$"""{"{{{huge}}}":1,"b{{{huge}}}":{"{{{huge}}}":2}}""";
        Assert.True(Verify($$"""{"event":"x.y","data":{{hostileData}}}""", WebhookSigner.Sign(Encoding.UTF8.GetBytes(hostileData), Secret)).IsValid);

        const string data = """{"\u0061":1,"b":2}""";
        Assert.True(Verify($$"""{"event":"x.y","data":{{data}}}""", WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret)).IsValid);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(40)]
    [InlineData(5000)]
    public void A_repeat_is_found_in_an_object_of_any_size(int keys)
    {
        var members = Enumerable.Range(0, keys).Select(i => $"\"k{i}\":{i}").Append("\"k3\":0");
        var data = "{" + string.Join(",", members) + "}";

        Assert.Contains("repeats the key \"k3\"", Verify($$"""{"event":"x","data":{{data}}}""").FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_object_without_repeats_after_a_nested_one_verifies()
    {
        var members = Enumerable.Range(0, 40).Select(i => i == 20 ? "\"nested\":{\"k1\":1,\"k2\":{\"k1\":1}}" : $"\"k{i}\":{i}");
        var data = "{" + string.Join(",", members) + "}";

        Assert.True(Verify($$"""{"event":"x","data":{{data}}}""", WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret)).IsValid);
    }

    [Fact]
    public void The_same_key_in_sibling_objects_is_not_a_repeat()
    {
        const string data = """{"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}],"id":5}""";

        Assert.True(Verify($$"""{"event":"x.y","data":{{data}}}""", WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret)).IsValid);
    }

    [Fact]
    public void An_unpaired_surrogate_escape_is_refused()
    {
        const string data = """{"caption":"\ud800"}""";

        var result = Verify($$"""{"event":"x.y","data":{{data}}}""", WebhookSigner.Sign(Encoding.UTF8.GetBytes(data), Secret));

        Assert.False(result.IsValid);
        Assert.Contains("unpaired surrogate", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        var data = Encoding.UTF8.GetBytes("""{"caption":"_"}""");
        data[12] = 0xC3; // a lead byte with no continuation
        var body = Encoding.UTF8.GetBytes("""{"event":"x.y","data":""").Concat(data).Append((byte)'}').ToArray();

        var result = WebhookSignatureVerifier.Verify(body, WebhookSigner.Sign(data, Secret), Secret);

        Assert.Equal("The delivery body is not valid UTF-8.", result.FailureReason);
    }

    [Theory]
    [InlineData(" {\"x\":1}")]
    [InlineData(",{}")]
    [InlineData("garbage")]
    public void Content_after_the_envelope_is_refused(string trailing)
    {
        var result = Verify(Genuine + trailing);

        Assert.False(result.IsValid);
        Assert.Contains("not valid JSON", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"event":"x","data":[1]}""")]
    [InlineData("""{"event":"x","data":"{}"}""")]
    [InlineData("""{"event":"x","data":null}""")]
    public void Data_that_is_not_an_object_is_refused(string body)
    {
        Assert.Equal("The delivery's 'data' is not a JSON object.", Verify(body).FailureReason);
    }

    [Fact]
    public void An_event_that_is_not_a_string_is_refused()
    {
        Assert.Equal("The delivery's 'event' is not a string.", Verify($$"""{"event":["action.failed"],"data":{{Data}}}""").FailureReason);
    }

    [Fact]
    public void A_bare_hex_signature_without_the_scheme_is_accepted()
    {
        var bare = Signature["sha256=".Length..];

        var result = Verify(Genuine, bare);

        Assert.True(result.IsValid, result.FailureReason);
    }

    [Fact]
    public void A_bare_hex_signature_of_other_bytes_is_still_rejected()
    {
        var bare = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), "{}"u8)).ToLowerInvariant();

        Assert.Contains("does not match", Verify(Genuine, bare).FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha1=")]
    [InlineData("sha256=sha256=")]
    [InlineData("v1=")]
    public void Another_scheme_is_rejected_naming_the_expected_one(string scheme)
    {
        var result = Verify(Genuine, scheme + Signature["sha256=".Length..]);

        Assert.False(result.IsValid);
        Assert.Contains("sha256=", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_name_is_quoted_escaped_and_short_in_the_reason()
    {
        var name = "k\n" + new string('z', 200);
        var data = $$"""{"{{name.Replace("\n", "\\n", StringComparison.Ordinal)}}":1,"{{name.Replace("\n", "\\n", StringComparison.Ordinal)}}":2}""";

        var reason = Verify($$"""{"event":"x","data":{{data}}}""").FailureReason!;

        Assert.DoesNotContain('\n', reason);
        Assert.True(reason.Length < 200, reason);
    }
}
