using System.Globalization;
using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;

namespace Attention.Sandbox.Factory;

internal sealed partial class FactoryEmulator
{
    private static readonly string[] s_actionStatuses = ["queued", "assigned", "in_progress", "submitted", "verified", "failed", "cancelled"];

    private FactoryResult SubmitAction(FactoryCall call)
    {
        if (!FindRental(call, out var rental, out var missing))
        {
            return missing;
        }

        var platform = call.Route("platform");
        if (platform != rental.Platform)
        {
            return Error(400, $"This rental is on {rental.Platform}, not {platform}");
        }

        if (rental.Status != "active")
        {
            return Error(409, $"Rental is {rental.Status}; actions can only be submitted to active rentals");
        }

        if (ExpectString(call.Body, "type", nullable: false) is { } invalidType)
        {
            return invalidType;
        }

        var type = SandboxHttp.GetString(call.Body, "type");
        if (type is null)
        {
            return Error(400, "type is required");
        }

        if (call.Body!.TryGetPropertyValue("params", out var rawParams) && rawParams is not null and not JsonObject)
        {
            return SchemaError($"Input should be a valid dictionary, not {SandboxHttp.TypeName(rawParams)}", "dict_type", "params");
        }

        if (!FactoryCatalog.ActionTypes(platform).Contains(type))
        {
            return Error(400, $"Action type '{type}' is not available on {platform}. See GET /v1/platforms/{platform}/capabilities");
        }

        var parameters = rawParams as JsonObject ?? new JsonObject();
        if ((ValidateParams(type, parameters) ?? ValidateEngagementParams(type, parameters)) is { } problem)
        {
            return new(422, new JsonObject
            {
                ["detail"] = new JsonArray(new JsonObject { ["loc"] = new JsonArray("body", "params", problem.Field), ["msg"] = problem.Message, ["type"] = "value_error" }),
            });
        }

        if (RateCapWait(rental, type, call.Now) is { } wait)
        {
            return Error(429, $"Per-rental rate cap exceeded for {type}", Math.Max((int)Math.Ceiling(wait.TotalSeconds), 1).ToString(CultureInfo.InvariantCulture));
        }

        var action = AddAction(rental, type, parameters.DeepClone().AsObject(), call.Now, call.Account, call.Deliveries);
        return new(202, action.ToJson());
    }

    /// <summary>
    /// The caps the capabilities endpoint advertises, enforced: per rental and action type, at most <c>per_hour</c> in any hour
    /// and <c>per_day</c> in any day. Null when the action may go now (and it is counted); otherwise how long until it may.
    /// </summary>
    private TimeSpan? RateCapWait(RentalRecord rental, string type, DateTimeOffset now)
    {
        if (!rental.Submissions.TryGetValue(type, out var times))
        {
            times = [];
            rental.Submissions[type] = times;
        }

        times.RemoveAll(t => t <= now - TimeSpan.FromDays(1));
        var lastHour = times.Where(t => t > now - TimeSpan.FromHours(1)).ToList();
        if (lastHour.Count >= _options.ActionRateCapPerHour)
        {
            return lastHour[lastHour.Count - _options.ActionRateCapPerHour] + TimeSpan.FromHours(1) - now;
        }

        if (times.Count >= _options.ActionRateCapPerDay)
        {
            return times[times.Count - _options.ActionRateCapPerDay] + TimeSpan.FromDays(1) - now;
        }

        times.Add(now);
        return null;
    }

    private JsonObject Capabilities(string platform) => FactoryCatalog.Capabilities(platform, _options.ActionRateCapPerHour, _options.ActionRateCapPerDay);

    private static (string Field, string Message)? ValidateParams(string type, JsonObject parameters)
    {
        if (FactoryCatalog.IsPostType(type) && type != "post.text" && SandboxHttp.GetString(parameters, "media_url") is null)
        {
            return ("media_url", "field required");
        }

        if (SandboxHttp.GetString(parameters, "visibility") == "group")
        {
            var url = SandboxHttp.GetString(parameters, "group_url");
            if (url is null || !(url.StartsWith("https://linkedin.com/", StringComparison.Ordinal) || url.StartsWith("https://www.linkedin.com/", StringComparison.Ordinal)))
            {
                return ("group_url", "group_url is required when visibility is 'group' and must be an https://linkedin.com/ URL");
            }
        }

        return null;
    }

    private FactoryResult ListActions(FactoryCall call)
    {
        if (!FindRental(call, out var rental, out var missing))
        {
            return missing;
        }

        var status = call.Query("status");
        if (status is not null && !s_actionStatuses.Contains(status))
        {
            return Error(400, $"status must be one of: {string.Join(", ", s_actionStatuses)}");
        }

        var actions = rental.Actions.Where(a => status is null || a.Status == status).Select(a => (JsonNode?)a.ToJson());
        return new(200, new JsonObject { ["actions"] = new JsonArray(actions.ToArray()) });
    }

    private FactoryResult GetAction(FactoryCall call) =>
        FindAction(call, out var action, out var missing) ? new(200, action.ToJson()) : missing;

    private FactoryResult CancelAction(FactoryCall call)
    {
        if (!FindAction(call, out var action, out var missing))
        {
            return missing;
        }

        if (action.Status != "queued")
        {
            return Error(409, $"Only queued actions can be cancelled; this one is {action.Status}");
        }

        action.Status = "cancelled";
        return new(200, action.ToJson());
    }

    private FactoryResult ActionAnalytics(FactoryCall call)
    {
        if (!FindAction(call, out var action, out var missing))
        {
            return missing;
        }

        if (!FactoryCatalog.IsPostType(action.ActionType))
        {
            return Error(400, $"Analytics are only available for post-type actions, not {action.ActionType}");
        }

        if (action.VerifiedAt is not { } verified || call.Now < verified + _options.PostAnalyticsDelay)
        {
            return Error(400, "Post analytics not yet available");
        }

        return new(200, new JsonObject
        {
            ["action_id"] = action.Id,
            ["views"] = 1520,
            ["likes"] = 87,
            ["comments"] = 9,
            ["shares"] = 4,
            ["fetched_at"] = SandboxHttp.Timestamp(call.Now),
        });
    }

    private bool FindAction(FactoryCall call, out ActionRecord action, out FactoryResult missing)
    {
        action = null!;
        if (!FindRental(call, out var rental, out missing))
        {
            return false;
        }

        var id = call.Route("action_id");
        action = rental.Actions.FirstOrDefault(a => a.Id == id)!;
        missing = Error(404, $"Action {id} not found on rental {rental.Id}");
        return action is not null;
    }
}
