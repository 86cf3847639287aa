using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;

namespace Attention.Sandbox.Factory;

/// <summary>
/// Schema checks that answer as the API documents: a JSON value of the wrong type, or a field the schema does not allow, is a
/// 422 whose <c>detail</c> lists each problem as <c>{"loc": [...], "msg": ..., "type": ...}</c>; a well-typed value the API
/// does not accept (an unknown platform, months out of range) stays a 400 with a <c>detail</c> message.
/// </summary>
internal sealed partial class FactoryEmulator
{
    /// <summary>The branding fields a rental's preset accepts (the docs: any subset of these five).</summary>
    private static readonly string[] s_presetBrandingFields = ["bio", "display_name", "avatar_url", "banner_url", "username"];

    /// <summary>Platform-specific branding fields the branding endpoint accepts beyond the five (the docs show them on Instagram).</summary>
    private static readonly Dictionary<string, string[]> s_platformBrandingFields = new(StringComparer.Ordinal)
    {
        ["instagram"] = ["pronouns", "category"],
    };

    private static FactoryResult SchemaError(string message, string type, params string[] location)
    {
        var loc = new JsonArray(JsonValue.Create("body"));
        foreach (var part in location)
        {
            loc.Add((JsonNode?)JsonValue.Create(part));
        }

        return new(422, new JsonObject
        {
            ["detail"] = new JsonArray(new JsonObject { ["loc"] = loc, ["msg"] = message, ["type"] = type }),
        });
    }

    private static FactoryResult MalformedBody() => SchemaError("Input should be a valid JSON object", "model_attributes_type");

    /// <summary>A 422 when the field is present and not a string (null is allowed when <paramref name="nullable"/>).</summary>
    private static FactoryResult? ExpectString(JsonObject? body, string field, bool nullable, params string[] location)
    {
        if (body is null || !body.TryGetPropertyValue(field, out var node) || SandboxHttp.IsString(node) || (node is null && nullable))
        {
            return null;
        }

        return SchemaError($"Input should be a valid string, not {SandboxHttp.TypeName(node)}", "string_type", [.. location, field]);
    }

    private static FactoryResult? ExpectBool(JsonObject? body, string field)
    {
        if (body is null || !body.TryGetPropertyValue(field, out var node) || SandboxHttp.IsBool(node))
        {
            return null;
        }

        return SchemaError($"Input should be a valid boolean, not {SandboxHttp.TypeName(node)}", "bool_type", field);
    }

    private static FactoryResult? ExpectInteger(JsonObject? body, string field)
    {
        if (body is null || !body.TryGetPropertyValue(field, out var node) || SandboxHttp.IsInteger(node))
        {
            return null;
        }

        return SchemaError($"Input should be a valid integer, not {SandboxHttp.TypeName(node)}", "int_type", field);
    }

    /// <summary>Checks a branding object: only <paramref name="allowed"/> fields, each a string or null.</summary>
    private static FactoryResult? ValidateBranding(JsonObject branding, IReadOnlyCollection<string> allowed, params string[] location)
    {
        foreach (var field in branding)
        {
            if (!allowed.Contains(field.Key))
            {
                return SchemaError($"Extra inputs are not permitted (allowed: {string.Join(", ", allowed)})", "extra_forbidden", [.. location, field.Key]);
            }

            if (ExpectString(branding, field.Key, nullable: true, location) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static FactoryResult? ValidateCreateRental(JsonObject? body)
    {
        if (body is null)
        {
            return null;
        }

        var problem = ExpectString(body, "platform", nullable: false)
            ?? ExpectInteger(body, "months")
            ?? ExpectBool(body, "auto_renew")
            ?? ExpectString(body, "warming_niche", nullable: true);
        if (problem is not null)
        {
            return problem;
        }

        if (!body.TryGetPropertyValue("branding", out var branding) || branding is null)
        {
            return null;
        }

        return branding is JsonObject preset
            ? ValidateBranding(preset, s_presetBrandingFields, "branding")
            : SchemaError($"Input should be a valid dictionary, not {SandboxHttp.TypeName(branding)}", "dict_type", "branding");
    }

    private static IReadOnlyCollection<string> BrandingFieldsFor(string platform) =>
        s_platformBrandingFields.TryGetValue(platform, out var extra) ? [.. s_presetBrandingFields, .. extra] : s_presetBrandingFields;

    private static FactoryResult? ValidateWebhook(JsonObject? body)
    {
        var problem = ExpectString(body, "url", nullable: false) ?? ExpectString(body, "secret", nullable: true);
        if (problem is not null)
        {
            return problem;
        }

        if (body?["events"] is JsonArray events)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (!SandboxHttp.IsString(events[i]))
                {
                    return SchemaError($"Input should be a valid string, not {SandboxHttp.TypeName(events[i])}", "string_type", "events", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        else if (body is not null && body.TryGetPropertyValue("events", out var other) && other is not null)
        {
            return SchemaError($"Input should be a valid list, not {SandboxHttp.TypeName(other)}", "list_type", "events");
        }

        return null;
    }

    /// <summary>
    /// The parameters a non-post action cannot do without: what it acts on (<c>target_url</c>) and, for a comment or reply,
    /// its <c>text</c>. Post types are checked by <see cref="ValidateParams"/>.
    /// </summary>
    private static (string Field, string Message)? ValidateEngagementParams(string type, JsonObject parameters)
    {
        if (FactoryCatalog.IsPostType(type))
        {
            return null;
        }

        if (type is "comment" or "reply" && !IsNonEmptyString(parameters["text"]))
        {
            return ("text", "field required: the comment text");
        }

        return IsNonEmptyString(parameters["target_url"]) ? null : ("target_url", "field required: the URL of the post or account to act on");
    }

    private static bool IsNonEmptyString(JsonNode? node) => SandboxHttp.IsString(node) && node!.GetValue<string>().Length > 0;
}
