using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;

namespace Attention.Sandbox.AutoPersonas;

internal sealed partial class AutoPersonasEmulator
{
    private const string SandboxProfileId = "prof_sandbox";

    private static int Published(ApAccount account) => account.Content.Values.Count(c => (string?)c["status"] == "published");

    private ApResult Stats(ApCall call) => Ok(new JsonObject
    {
        ["influencers"] = call.Account.Influencers.Count,
        ["contentItems"] = call.Account.Content.Count,
        ["published"] = Published(call.Account),
        ["followers"] = 12840,
        ["engagementRate"] = 0.052,
    });

    private ApResult Engagement(ApCall call)
    {
        var points = new JsonArray();
        for (var day = 6; day >= 0; day--)
        {
            points.Add((JsonNode)new JsonObject { ["date"] = call.Now.AddDays(-day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["likes"] = 120 + (day * 7), ["comments"] = 14 + day, ["views"] = 2100 + (day * 55) });
        }

        return Ok(new JsonObject { ["period"] = call.Query("period") ?? "7d", ["data"] = points });
    }

    private ApResult TopContent(ApCall call)
    {
        if (ReadLimit(call) is not { } limit)
        {
            return Error(400, "limit must be an integer from 1 to 100");
        }

        return Ok(List(call.Account.Content.Values.Where(c => (string?)c["status"] == "published").Take(limit)));
    }

    private ApResult PlatformBreakdown(ApCall call) => Ok(new JsonObject
    {
        ["data"] = new JsonArray(
            new JsonObject { ["platform"] = "instagram", ["posts"] = Published(call.Account), ["followers"] = 9800 },
            new JsonObject { ["platform"] = "tiktok", ["posts"] = 0, ["followers"] = 3040 }),
    });

    private ApResult ListProfiles(ApCall call) => Ok(List([new JsonObject { ["id"] = SandboxProfileId, ["name"] = "Sandbox Profile", ["createdAt"] = SandboxHttp.Timestamp(call.Now) }]));

    private ApResult ListAccounts(ApCall call) => Ok(List(
    [
        new JsonObject { ["id"] = "acct_ig_sandbox", ["platform"] = "instagram", ["username"] = "sandbox_persona", ["connected"] = true },
        new JsonObject { ["id"] = "acct_tt_sandbox", ["platform"] = "tiktok", ["username"] = "sandbox_persona", ["connected"] = true },
    ]));

    private ApResult Features(ApCall call) => Ok(new JsonObject { ["videoGeneration"] = true, ["socialImport"] = true, ["instagramImport"] = false, ["collaborations"] = true });

    private ApResult Pricing(ApCall call) => Ok(new JsonObject
    {
        ["currency"] = "USD",
        ["image"] = 0.04,
        ["video"] = 0.5,
        ["actions"] = new JsonObject { ["publish"] = 0.01, ["caption"] = 0.005 },
    });

    private ApResult AestheticGrades(ApCall call)
    {
        var grades = new List<JsonObject>();
        var names = new[] { "natural", "film", "editorial", "moody", "vibrant", "pastel", "noir", "vintage", "cinematic", "minimal" };
        for (var i = 0; i < names.Length; i++)
        {
            grades.Add(new JsonObject { ["id"] = names[i], ["name"] = char.ToUpperInvariant(names[i][0]) + names[i][1..], ["order"] = i + 1 });
        }

        return Ok(List(grades));
    }

    private ApResult AnalyzePhotos(ApCall call)
    {
        if (call.Body?["photoUrls"] is not JsonArray { Count: > 0 } photos)
        {
            return Error(400, "photoUrls must be a non-empty list");
        }

        return Ok(new JsonObject
        {
            ["basePrompt"] = $"A person photographed in {photos.Count} reference photo(s), natural light",
            ["wardrobe"] = new JsonArray(new JsonObject { ["item"] = "denim jacket" }, new JsonObject { ["item"] = "white sneakers" }),
        });
    }

    private ApResult UploadVoiceSamples(ApCall call)
    {
        if (call.Body?["audioUrls"] is not JsonArray { Count: > 0 } urls || !urls.All(SandboxHttp.IsString))
        {
            return Error(400, "audioUrls must be a non-empty list of URLs");
        }

        var samples = VoiceSamplesOf(call.Account, call.Route("id"));
        samples.AddRange(urls.Select(u => u!.GetValue<string>()));
        return Ok(VoiceProfileJson(call.Account, call.Route("id")), 201);
    }

    private ApResult DeleteVoiceSample(ApCall call)
    {
        var samples = VoiceSamplesOf(call.Account, call.Route("id"));

        // Kestrel leaves %2F encoded inside a segment; the URL is one escaped segment, so finish decoding it here.
        return samples.Remove(Uri.UnescapeDataString(call.Route("audioUrl"))) ? Ok(VoiceProfileJson(call.Account, call.Route("id"))) : Error(404, "Voice sample not found");
    }

    private ApResult VoiceProfile(ApCall call) => Ok(VoiceProfileJson(call.Account, call.Route("id")));

    private static List<string> VoiceSamplesOf(ApAccount account, string characterId)
    {
        if (!account.VoiceSamples.TryGetValue(characterId, out var samples))
        {
            samples = [];
            account.VoiceSamples[characterId] = samples;
        }

        return samples;
    }

    private static JsonObject VoiceProfileJson(ApAccount account, string characterId)
    {
        var samples = VoiceSamplesOf(account, characterId);
        return new JsonObject
        {
            ["characterId"] = characterId,
            ["samples"] = new JsonArray(samples.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["cloneStatus"] = samples.Count >= 3 ? "ready" : samples.Count > 0 ? "training" : "none",
        };
    }

    private ApResult GenerateWardrobe(ApCall call) => Ok(new JsonObject
    {
        ["characterId"] = call.Route("id"),
        ["items"] = new JsonArray(new JsonObject { ["name"] = "linen shirt", ["category"] = "top" }, new JsonObject { ["name"] = "chinos", ["category"] = "bottom" }),
    });

    private ApResult PatchIngredients(ApCall call)
    {
        if (call.Body is null || call.Body.Count == 0)
        {
            return Error(400, "Send at least one ingredient field");
        }

        var id = call.Route("id");
        if (!call.Account.Ingredients.TryGetValue(id, out var ingredients))
        {
            ingredients = new JsonObject();
            call.Account.Ingredients[id] = ingredients;
        }

        foreach (var field in call.Body)
        {
            ingredients[field.Key] = field.Value?.DeepClone();
        }

        return Ok(new JsonObject { ["characterId"] = id, ["ingredients"] = ingredients.DeepClone() });
    }

    private ApResult DraftDirections(ApCall call)
    {
        var prompt = SandboxHttp.GetString(call.Body, "prompt");
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return Error(400, "prompt is required");
        }

        return Ok(new JsonObject
        {
            ["profileId"] = call.Route("profileId"),
            ["directions"] = new JsonArray(new JsonObject { ["title"] = "Behind the scenes", ["description"] = prompt }, new JsonObject { ["title"] = "Day in the life", ["description"] = prompt }),
        });
    }

    private ApResult GenerateCaption(ApCall call)
    {
        var imageUrl = SandboxHttp.GetString(call.Body, "imageUrl");
        return imageUrl is null
            ? Error(400, "imageUrl is required")
            : Ok(new JsonObject { ["profileId"] = call.Route("profileId"), ["caption"] = "Golden hour, good company. ✨", ["imageUrl"] = imageUrl });
    }

    private ApResult VoiceStats(ApCall call) => Ok(new JsonObject
    {
        ["profileId"] = call.Route("profileId"),
        ["count"] = 42,
        ["recentSamples"] = new JsonArray("Coffee first, then the world.", "New drop Friday."),
    });

    private ApResult MediaLibrary(ApCall call) => Ok(List(
    [
        new JsonObject { ["id"] = "media_1", ["profileId"] = call.Route("profileId"), ["url"] = "https://sandbox.invalid/media/1.jpg", ["type"] = "image" },
    ]));

    private ApResult CreateCollaboration(ApCall call)
    {
        if (call.Body?["influencerIds"] is not JsonArray { Count: >= 2 } ids)
        {
            return Error(400, "influencerIds must list at least two influencers");
        }

        var collaboration = new JsonObject
        {
            ["id"] = NewId("collab"),
            ["influencerIds"] = ids.DeepClone(),
            ["prompt"] = SandboxHttp.GetString(call.Body, "prompt"),
            ["status"] = "pending",
            ["createdAt"] = SandboxHttp.Timestamp(call.Now),
        };
        call.Account.Collaborations[(string)collaboration["id"]!] = collaboration;
        return Ok(collaboration.DeepClone(), 201);
    }

    private ApResult ListCollaborations(ApCall call) => Ok(List(call.Account.Collaborations.Values));

    private ApResult StartImport(ApCall call, string platform)
    {
        var job = new JsonObject
        {
            ["jobId"] = NewId("job"),
            ["platform"] = platform,
            ["status"] = "completed",
            ["imported"] = 12,
            ["createdAt"] = SandboxHttp.Timestamp(call.Now),
        };
        call.Account.Jobs[(string)job["jobId"]!] = job;
        return Ok(job.DeepClone(), 202);
    }

    private ApResult GetImportJob(ApCall call) =>
        call.Account.Jobs.TryGetValue(call.Route("jobId"), out var job) ? Ok(job.DeepClone()) : Error(404, "Import job not found");
}
