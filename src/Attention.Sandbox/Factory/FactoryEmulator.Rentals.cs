using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;

namespace Attention.Sandbox.Factory;

internal sealed partial class FactoryEmulator
{
    private static readonly string[] s_rentalStatuses = ["warming", "active", "expired", "refunded", "released", "cancelled"];

    private FactoryResult ListPlatforms(FactoryCall call) =>
        new(200, new JsonObject { ["platforms"] = new JsonArray(FactoryCatalog.Platforms.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()) });

    private FactoryResult PlatformCapabilities(FactoryCall call)
    {
        var platform = call.Route("platform");
        return FactoryCatalog.IsPlatform(platform) ? new(200, Capabilities(platform)) : Error(404, $"Unknown platform '{platform}'");
    }

    private FactoryResult PlatformNiches(FactoryCall call)
    {
        var platform = call.Route("platform");
        return FactoryCatalog.IsPlatform(platform)
            ? new(200, new JsonObject { ["platform"] = platform, ["niches"] = new JsonArray(FactoryCatalog.Niches(platform).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()) })
            : Error(404, $"Unknown platform '{platform}'");
    }

    private FactoryResult CreateRental(FactoryCall call)
    {
        if (ValidateCreateRental(call.Body) is { } invalid)
        {
            return invalid;
        }

        var platform = SandboxHttp.GetString(call.Body, "platform");
        if (platform is null || !FactoryCatalog.IsPlatform(platform))
        {
            return Error(400, $"platform must be one of: {string.Join(", ", FactoryCatalog.Platforms)}");
        }

        var months = 1;
        if (call.Body!.ContainsKey("months") && (!SandboxHttp.TryGetInt(call.Body, "months", out months) || months is < 1 or > 12))
        {
            return Error(400, "months must be an integer from 1 to 12");
        }

        var niche = SandboxHttp.GetString(call.Body, "warming_niche");
        if (niche is not null && !FactoryCatalog.Niches(platform).Contains(niche))
        {
            return Error(400, $"Unknown warming_niche '{niche}' for {platform}. See GET /v1/platforms/{platform}/niches");
        }

        var cost = _options.MonthlyRate * months;
        if (call.Account.Credits < cost)
        {
            return Error(402, $"Insufficient credits. Need {SandboxHttp.Money(cost)}, have {SandboxHttp.Money(call.Account.Credits)}");
        }

        var rental = new RentalRecord
        {
            Id = Guid.NewGuid().ToString(),
            Platform = platform,
            CreatedAt = call.Now,
            ActivatesAt = call.Now + _options.RentalActivationDelay + (niche is null ? TimeSpan.Zero : _options.RentalActivationDelay),
            Months = months,
            MonthlyRate = _options.MonthlyRate,
            CreditsCharged = cost,
            AutoRenew = SandboxHttp.GetBool(call.Body, "auto_renew") ?? true,
            WarmingNiche = niche,
            BrandingPreset = call.Body["branding"] is JsonObject branding ? branding.DeepClone().AsObject() : null,
        };
        Charge(call, cost, "rental", rental.Id);
        call.Account.Rentals.Add(rental);
        if (rental.ActivatesAt <= call.Now)
        {
            Advance(call.Account, call.Now, call.Deliveries);
        }

        return new(202, rental.ToJson(withProfile: true));
    }

    private FactoryResult ListRentals(FactoryCall call)
    {
        var status = call.Query("status");
        if (status is not null && !s_rentalStatuses.Contains(status))
        {
            return Error(400, $"status must be one of: {string.Join(", ", s_rentalStatuses)}");
        }

        var rentals = call.Account.Rentals.Where(r => status is null || r.Status == status).Select(r => (JsonNode?)r.ToJson(withProfile: false));
        return new(200, new JsonObject { ["rentals"] = new JsonArray(rentals.ToArray()) });
    }

    private FactoryResult GetRental(FactoryCall call) =>
        FindRental(call, out var rental, out var missing) ? new(200, rental.ToJson(withProfile: true)) : missing;

    private FactoryResult UpdateRental(FactoryCall call)
    {
        if (!FindRental(call, out var rental, out var missing))
        {
            return missing;
        }

        if (call.Body is null || call.Body.Count == 0)
        {
            return Error(400, "Nothing to update: send auto_renew");
        }

        foreach (var field in call.Body)
        {
            if (field.Key != "auto_renew")
            {
                return Error(400, $"{field.Key} is not a mutable rental field");
            }
        }

        if (SandboxHttp.GetBool(call.Body, "auto_renew") is not { } autoRenew)
        {
            return Error(422, "auto_renew must be a boolean");
        }

        if (rental.Status is not ("warming" or "active"))
        {
            return Error(409, $"Rental is {rental.Status}; auto_renew can no longer change");
        }

        rental.AutoRenew = autoRenew;
        return new(200, rental.ToJson(withProfile: true));
    }

    private FactoryResult DeleteRental(FactoryCall call)
    {
        if (!FindRental(call, out var rental, out var missing))
        {
            return missing;
        }

        switch (rental.Status)
        {
            case "warming":
                rental.Status = "cancelled";
                Refund(call, rental.CreditsCharged, rental.Id);
                NotifyRental(call.Account, rental, call.Deliveries);
                break;
            case "active":
                rental.Status = "released";
                break;
            default:
                return Error(409, $"Rental is already {rental.Status}");
        }

        return new(200, rental.ToJson(withProfile: true));
    }

    private FactoryResult ExtendRental(FactoryCall call) => ChangeTerm(call, renew: false);

    private FactoryResult RenewRental(FactoryCall call) => ChangeTerm(call, renew: true);

    private FactoryResult ChangeTerm(FactoryCall call, bool renew)
    {
        if (!FindRental(call, out var rental, out var missing))
        {
            return missing;
        }

        if (ExpectInteger(call.Body, "months") is { } invalid)
        {
            return invalid;
        }

        if (!SandboxHttp.TryGetInt(call.Body, "months", out var months) || months is < 1 or > 12)
        {
            return Error(400, "months must be an integer from 1 to 12");
        }

        var allowed = renew ? rental.Status is "active" or "expired" : rental.Status == "active";
        if (!allowed)
        {
            return Error(409, $"Cannot {(renew ? "renew" : "extend")} a rental that is {rental.Status}");
        }

        var cost = rental.MonthlyRate * months;
        if (call.Account.Credits < cost)
        {
            return Error(402, $"Insufficient credits. Need {SandboxHttp.Money(cost)}, have {SandboxHttp.Money(call.Account.Credits)}");
        }

        Charge(call, cost, renew ? "renewal" : "extension", rental.Id);
        rental.CreditsCharged += cost;
        rental.Months += months;
        if (rental.Status == "expired")
        {
            rental.Status = "active";
            rental.RentalStart = call.Now;
            rental.RentalEnd = call.Now.AddMonths(months);
        }
        else
        {
            rental.RentalEnd = (rental.RentalEnd ?? call.Now).AddMonths(months);
        }

        return new(200, rental.ToJson(withProfile: true));
    }

    private FactoryResult ApplyBranding(FactoryCall call)
    {
        if (!FindRental(call, out var rental, out var missing))
        {
            return missing;
        }

        if (call.Body is not null && ValidateBranding(call.Body, BrandingFieldsFor(rental.Platform)) is { } invalid)
        {
            return invalid;
        }

        var fields = call.Body?.Where(f => f.Value is not null && !(f.Value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0)).ToList() ?? [];
        if (fields.Count == 0)
        {
            return Error(400, "At least one branding field must be non-null");
        }

        if (rental.Status == "warming")
        {
            rental.BrandingPreset = new JsonObject(fields.Select(f => KeyValuePair.Create<string, JsonNode?>(f.Key, f.Value!.DeepClone())));
            return new(200, new JsonObject
            {
                ["rental_id"] = rental.Id,
                ["platform"] = rental.Platform,
                ["mode"] = "preset_stored",
                ["results"] = new JsonArray(),
                ["preset"] = rental.BrandingPreset.DeepClone(),
            });
        }

        if (rental.Status != "active")
        {
            return Error(409, $"Rental is {rental.Status}; branding cannot be applied");
        }

        var results = new JsonArray();
        foreach (var field in fields)
        {
            var action = AddAction(rental, "branding." + field.Key, new JsonObject { ["value"] = field.Value!.DeepClone() }, call.Now, call.Account, call.Deliveries);
            results.Add((JsonNode)new JsonObject { ["field"] = field.Key, ["action_type"] = action.ActionType, ["action_id"] = action.Id, ["status"] = action.Status });
        }

        return new(200, new JsonObject { ["rental_id"] = rental.Id, ["platform"] = rental.Platform, ["mode"] = "applied", ["results"] = results, ["preset"] = null });
    }

    private FactoryResult EnrollWarming(FactoryCall call)
    {
        if (!FindRental(call, out var rental, out var missing))
        {
            return missing;
        }

        if (ExpectString(call.Body, "niche", nullable: true) is { } invalid)
        {
            return invalid;
        }

        var niche = SandboxHttp.GetString(call.Body, "niche");
        if (niche is { Length: > 50 })
        {
            return Error(400, "niche must be at most 50 characters");
        }

        if (niche is not null && !FactoryCatalog.Niches(rental.Platform).Contains(niche))
        {
            return Error(400, $"Unknown niche '{niche}' for {rental.Platform}");
        }

        if (rental.Status is not ("warming" or "active"))
        {
            return Error(409, $"Rental is {rental.Status}; it cannot be warmed");
        }

        var action = AddAction(rental, "warming", new JsonObject { ["niche"] = niche }, call.Now, call.Account, call.Deliveries);
        return new(202, new JsonObject { ["rental_id"] = rental.Id, ["action_id"] = action.Id, ["status"] = action.Status });
    }

    private FactoryResult CancelWarming(FactoryCall call)
    {
        if (!FindRental(call, out var rental, out var missing))
        {
            return missing;
        }

        var enrolment = rental.Actions.LastOrDefault(a => a.ActionType == "warming" && a.Status == "queued");
        if (enrolment is null)
        {
            return Error(404, "No queued warming enrolment on this rental");
        }

        enrolment.Status = "cancelled";
        return new(200, new JsonObject { ["rental_id"] = rental.Id, ["action_id"] = enrolment.Id, ["status"] = "cancelled" });
    }

    private FactoryResult RentalAnalytics(FactoryCall call)
    {
        if (!FindRental(call, out var rental, out var missing))
        {
            return missing;
        }

        if (rental.Status != "active")
        {
            return Error(400, $"Analytics are only available for active rentals (this one is {rental.Status})");
        }

        var posts = rental.Actions.Count(a => a.Status == "verified" && FactoryCatalog.IsPostType(a.ActionType));
        return new(200, new JsonObject
        {
            ["rental_id"] = rental.Id,
            ["platform"] = rental.Platform,
            ["followers"] = 2340,
            ["following"] = 180,
            ["post_count"] = 47 + posts,
            ["engagement_rate"] = 0.043,
            ["fetched_at"] = SandboxHttp.Timestamp(call.Now),
        });
    }

    private FactoryResult RentalCapabilities(FactoryCall call) =>
        FindRental(call, out var rental, out var missing) ? new(200, Capabilities(rental.Platform)) : missing;

    private bool FindRental(FactoryCall call, out RentalRecord rental, out FactoryResult missing)
    {
        var id = call.RentalId;
        rental = call.Account.Rentals.FirstOrDefault(r => r.Id == id)!;
        missing = Error(404, $"Rental {id} not found");
        return rental is not null;
    }

    private void Charge(FactoryCall call, decimal amount, string reason, string rentalId)
    {
        call.Account.Credits -= amount;
        call.Account.Transactions.Add(Transaction(call.Now, -amount, reason, rentalId, call.Account.Credits));
    }

    private void Refund(FactoryCall call, decimal amount, string rentalId)
    {
        call.Account.Credits += amount;
        call.Account.Transactions.Add(Transaction(call.Now, amount, "refund", rentalId, call.Account.Credits));
    }

    private static JsonObject Transaction(DateTimeOffset at, decimal amount, string type, string? rentalId, decimal balance) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["type"] = type,
        ["amount"] = SandboxHttp.Money(amount),
        ["balance_after"] = SandboxHttp.Money(balance),
        ["rental_id"] = rentalId,
        ["created_at"] = SandboxHttp.Timestamp(at),
    };
}
