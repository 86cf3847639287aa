namespace Attention.Sdk.Webhooks;

/// <summary>
/// The byte forms of a delivery's <c>data</c> object a signature may have been computed over. The sender documents
/// "the JSON data field with sorted keys" without fixing the bytes, so the verifier accepts each of these.
/// </summary>
public enum WebhookCanonicalForm
{
    /// <summary>The raw text of <c>data</c> exactly as delivered.</summary>
    Raw,

    /// <summary>Keys sorted recursively, compact separators, non-ASCII as UTF-8 (JavaScript <c>JSON.stringify</c> style).</summary>
    SortedCompact,

    /// <summary>Keys sorted recursively, Python's default separators <c>", "</c> and <c>": "</c>, non-ASCII escaped as <c>\uXXXX</c> (<c>json.dumps(data, sort_keys=True)</c>).</summary>
    SortedPythonDefault,

    /// <summary>Keys sorted recursively, compact separators, non-ASCII escaped as <c>\uXXXX</c> (<c>json.dumps(data, sort_keys=True, separators=(",", ":"))</c>).</summary>
    SortedCompactAscii,
}
