using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Attention.Sandbox.Hosting;

/// <summary>Small request/response helpers shared by the emulators (JSON in and out, errors in each API's own shape).</summary>
internal static class SandboxHttp
{
    public static async Task WriteJsonAsync(HttpContext context, int status, JsonNode? body, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null");
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads the body as a JSON object; null when absent or not an object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context) => (await ReadBodyAsync(context).ConfigureAwait(false)).Object;

    /// <summary>Reads the body: absent (empty), a JSON object, or malformed (not JSON, or JSON that is not an object).</summary>
    public static async Task<RequestBody> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RequestBody(null, string.Empty, Malformed: false);
        }

        try
        {
            var node = JsonNode.Parse(text);
            return node is JsonObject json ? new RequestBody(json, text, Malformed: false) : new RequestBody(null, text, Malformed: true);
        }
        catch (JsonException)
        {
            return new RequestBody(null, text, Malformed: true);
        }
    }

    /// <summary>The bearer token; the scheme name is case-insensitive (RFC 7235 section 2.1).</summary>
    public static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString().Trim();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !header[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[(space + 1)..].Trim();
        return token.Length == 0 ? null : token;
    }

    public static string Route(HttpContext context, string name) =>
        Convert.ToString(context.Request.RouteValues[name], CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? GetString(JsonObject? body, string name) =>
        body is not null && body.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool TryGetInt(JsonObject? body, string name, out int result)
    {
        result = 0;
        if (body is null || !body.TryGetPropertyValue(name, out var node) || node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue<int>(out result))
        {
            return true;
        }

        if (value.TryGetValue<double>(out var number) && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            result = (int)number;
            return true;
        }

        return false;
    }

    public static bool TryGetDecimal(JsonObject? body, string name, out decimal result)
    {
        result = 0;
        if (body is null || !body.TryGetPropertyValue(name, out var node) || node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue<decimal>(out result))
        {
            return true;
        }

        if (value.TryGetValue<double>(out var number))
        {
            result = (decimal)number;
            return true;
        }

        return value.TryGetValue<string>(out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out result);
    }

    public static bool? GetBool(JsonObject? body, string name) =>
        body is not null && body.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>The JSON type name of a value, for validation messages.</summary>
    public static string TypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "value",
        },
        _ => "value",
    };

    /// <summary>Whether the node is a JSON string.</summary>
    public static bool IsString(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    /// <summary>Whether the node is a JSON boolean.</summary>
    public static bool IsBool(JsonNode? node) => node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    /// <summary>Whether the node is a JSON number without a fractional part.</summary>
    public static bool IsInteger(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) && number == Math.Floor(number);
}

/// <summary>A request body as read: the object (null when absent or malformed), its text, and whether it was malformed.</summary>
internal sealed record RequestBody(JsonObject? Object, string Text, bool Malformed);
