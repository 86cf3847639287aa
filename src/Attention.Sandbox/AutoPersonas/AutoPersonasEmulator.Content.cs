using System.Text.Json.Nodes;
using Attention.Sandbox.Hosting;

namespace Attention.Sandbox.AutoPersonas;

internal sealed partial class AutoPersonasEmulator
{
    private static void Advance(ApAccount account, DateTimeOffset now)
    {
        foreach (var batch in account.Batches.Values.Where(b => b.Status == "processing" && now >= b.CompletesAt))
        {
            batch.Status = "completed";
            foreach (var id in batch.ContentIds)
            {
                account.Content[id]["status"] = "draft";
            }
        }

        foreach (var item in account.Content.Values.Where(c => (string?)c["publishStatus"] == "publishing"))
        {
            if (DateTimeOffset.Parse((string)item["publishCompletesAt"]!, System.Globalization.CultureInfo.InvariantCulture) <= now)
            {
                item["publishStatus"] = "published";
                item["status"] = "published";
                item["postUrl"] = $"https://instagram.com/p/{item["id"]}";
                item["publishedAt"] = SandboxHttp.Timestamp(now);
            }
        }
    }

    private ApResult ListInfluencers(ApCall call) => Ok(List(call.Account.Influencers.Values));

    private ApResult GetInfluencer(ApCall call) =>
        call.Account.Influencers.TryGetValue(call.Route("id"), out var influencer) ? Ok(influencer.DeepClone()) : Error(404, "Influencer not found");

    private ApResult CreateInfluencer(ApCall call)
    {
        if (call.Body?["name"] is { } rawName && !SandboxHttp.IsString(rawName))
        {
            return Error(400, $"name must be a string, not {SandboxHttp.TypeName(rawName)}");
        }

        var name = SandboxHttp.GetString(call.Body, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            return Error(400, "name is required");
        }

        var id = NewId("inf");
        var influencer = call.Body!.DeepClone().AsObject();
        influencer["id"] = id;
        influencer["profileId"] = SandboxHttp.GetString(call.Body, "profileId") ?? NewId("prof");
        influencer["status"] = "active";
        influencer["createdAt"] = SandboxHttp.Timestamp(call.Now);
        call.Account.Influencers[id] = influencer;
        return Ok(influencer.DeepClone(), 201);
    }

    private ApResult UpdateInfluencer(ApCall call)
    {
        if (!call.Account.Influencers.TryGetValue(call.Route("id"), out var influencer))
        {
            return Error(404, "Influencer not found");
        }

        foreach (var field in call.Body ?? [])
        {
            if (field.Key is not ("id" or "createdAt"))
            {
                influencer[field.Key] = field.Value?.DeepClone();
            }
        }

        influencer["updatedAt"] = SandboxHttp.Timestamp(call.Now);
        return Ok(influencer.DeepClone());
    }

    private ApResult DeleteInfluencer(ApCall call) =>
        call.Account.Influencers.Remove(call.Route("id")) ? Ok(new JsonObject { ["success"] = true }) : Error(404, "Influencer not found");

    private ApResult SetReferences(ApCall call)
    {
        if (!call.Account.Influencers.TryGetValue(call.Route("id"), out var influencer))
        {
            return Error(404, "Influencer not found");
        }

        if (call.Body?["imageUrls"] is not JsonArray { Count: > 0 } urls)
        {
            return Error(400, "imageUrls must be a non-empty list");
        }

        influencer["referenceImages"] = urls.DeepClone();
        return Ok(influencer.DeepClone());
    }

    private ApResult GenerateReferences(ApCall call)
    {
        if (!call.Account.Influencers.TryGetValue(call.Route("id"), out var influencer))
        {
            return Error(404, "Influencer not found");
        }

        var views = new JsonArray();
        foreach (var view in new[] { "front", "left", "right", "back" })
        {
            views.Add((JsonNode)new JsonObject { ["view"] = view, ["imageUrl"] = $"https://sandbox.invalid/refs/{influencer["id"]}/{view}.png" });
        }

        return Ok(new JsonObject { ["influencerId"] = influencer["id"]!.DeepClone(), ["status"] = "completed", ["images"] = views }, 202);
    }

    private static readonly string[] s_contentFilters = ["status", "profileId", "influencerId", "limit"];

    /// <summary>
    /// <c>GET /content</c> with its documented filters: <c>status</c>, <c>profileId</c>, <c>influencerId</c> (the influencer's
    /// content, through its profile) and <c>limit</c> (1 to 100, default 50). Any other query parameter is refused with 400
    /// rather than ignored, so a test never passes on a filter the sandbox did not apply.
    /// </summary>
    private ApResult ListContent(ApCall call)
    {
        if (call.Context.Request.Query.Keys.FirstOrDefault(k => !s_contentFilters.Contains(k)) is { } unknown)
        {
            return Error(400, $"Unsupported filter '{unknown}'; supported: {string.Join(", ", s_contentFilters)}");
        }

        if (ReadLimit(call) is not { } limit)
        {
            return Error(400, "limit must be an integer from 1 to 100");
        }

        var status = call.Query("status");
        var profile = call.Query("profileId");
        string? influencerProfile = null;
        if (call.Query("influencerId") is { } influencerId)
        {
            if (!call.Account.Influencers.TryGetValue(influencerId, out var influencer))
            {
                return Ok(List([]));
            }

            influencerProfile = SandboxHttp.GetString(influencer, "profileId");
        }

        return Ok(List(call.Account.Content.Values
            .Where(c => status is null || (string?)c["status"] == status)
            .Where(c => profile is null || (string?)c["profileId"] == profile)
            .Where(c => call.Query("influencerId") is null || (string?)c["profileId"] == influencerProfile)
            .Take(limit)));
    }

    /// <summary>The <c>limit</c> query parameter (default 50); null when it is not an integer from 1 to 100.</summary>
    private static int? ReadLimit(ApCall call)
    {
        if (call.Query("limit") is not { } text)
        {
            return 50;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 100 ? limit : null;
    }

    private ApResult GetContent(ApCall call) =>
        call.Account.Content.TryGetValue(call.Route("id"), out var item) ? Ok(item.DeepClone()) : Error(404, "Content not found");

    private ApResult GenerateContent(ApCall call)
    {
        var profileId = SandboxHttp.GetString(call.Body, "profileId");
        if (profileId is null)
        {
            return Error(400, "profileId is required");
        }

        var count = 1;
        if (call.Body!.ContainsKey("count") && (!SandboxHttp.TryGetInt(call.Body, "count", out count) || count is < 1 or > 20))
        {
            return Error(400, "count must be between 1 and 20");
        }

        var batch = new BatchRecord { Id = NewId("batch"), ProfileId = profileId, CompletesAt = call.Now + options.ContentGenerationDelay, ContentIds = [] };
        for (var i = 0; i < count; i++)
        {
            var id = NewId("cnt");
            batch.ContentIds.Add(id);
            call.Account.Content[id] = new JsonObject
            {
                ["id"] = id,
                ["profileId"] = profileId,
                ["batchId"] = batch.Id,
                ["status"] = "generating",
                ["caption"] = $"Sandbox caption {i + 1} for {profileId}",
                ["imageUrl"] = $"https://sandbox.invalid/content/{id}.png",
                ["createdAt"] = SandboxHttp.Timestamp(call.Now),
            };
        }

        call.Account.Batches[batch.Id] = batch;
        return Ok(new JsonObject { ["batchId"] = batch.Id, ["status"] = batch.Status, ["count"] = count, ["contentIds"] = batch.ToJson()["contentIds"]!.DeepClone() }, 202);
    }

    private ApResult GetBatch(ApCall call) =>
        call.Account.Batches.TryGetValue(call.Route("id"), out var batch) ? Ok(batch.ToJson()) : Error(404, "Batch not found");

    private ApResult RegenerateContent(ApCall call) => UpdateContent(call, item =>
    {
        item["caption"] = $"Regenerated caption for {item["profileId"]}";
        item["imageUrl"] = $"https://sandbox.invalid/content/{item["id"]}-v2.png";
        item["status"] = "draft";
        return null;
    });

    private ApResult GenerateVideo(ApCall call) => UpdateContent(call, item =>
    {
        item["videoUrl"] = $"https://sandbox.invalid/content/{item["id"]}.mp4";
        item["videoStatus"] = "completed";
        return null;
    });

    private ApResult FineTuneCaption(ApCall call) => UpdateContent(call, item =>
    {
        var instruction = SandboxHttp.GetString(call.Body, "instruction") ?? SandboxHttp.GetString(call.Body, "prompt");
        item["caption"] = instruction is null ? $"{item["caption"]} (refined)" : $"{item["caption"]} ({instruction})";
        return null;
    });

    private ApResult VideoComparison(ApCall call) => UpdateContent(call, item =>
    {
        var variants = new JsonArray();
        foreach (var name in new[] { "a", "b" })
        {
            variants.Add((JsonNode)new JsonObject { ["variant"] = name, ["videoUrl"] = $"https://sandbox.invalid/content/{item["id"]}-{name}.mp4" });
        }

        return new JsonObject { ["contentId"] = item["id"]!.DeepClone(), ["status"] = "completed", ["variants"] = variants };
    });

    private ApResult SetContentStatus(ApCall call, string status, string[] from) => UpdateContent(call, item =>
    {
        var current = (string?)item["status"];
        if (!from.Contains(current))
        {
            return new JsonObject { ["error"] = $"Content is {current}; it cannot become {status}" };
        }

        item["status"] = status;
        if (status == "rejected" && SandboxHttp.GetString(call.Body, "reason") is { } reason)
        {
            item["rejectionReason"] = reason;
        }

        return null;
    });

    private ApResult Publish(ApCall call) => UpdateContent(call, item =>
    {
        if ((string?)item["status"] != "approved")
        {
            return new JsonObject { ["error"] = $"Only approved content can be published; this item is {item["status"]}" };
        }

        StartPublishing(item, call.Now);
        return PublishJson(item);
    });

    private ApResult RetryPublish(ApCall call) => UpdateContent(call, item =>
    {
        if ((string?)item["publishStatus"] != "failed")
        {
            return new JsonObject { ["error"] = "Only failed publishes can be retried" };
        }

        StartPublishing(item, call.Now);
        return PublishJson(item);
    });

    private ApResult PublishStatus(ApCall call) => UpdateContent(call, item =>
        item["publishStatus"] is null ? new JsonObject { ["error"] = "This item was never published" } : PublishJson(item));

    private ApResult Unpublish(ApCall call) => UpdateContent(call, item =>
    {
        if (item["publishStatus"] is null)
        {
            return new JsonObject { ["error"] = "This item is not scheduled or published" };
        }

        item["publishStatus"] = "unpublished";
        item["status"] = "approved";
        return PublishJson(item);
    });

    private void StartPublishing(JsonObject item, DateTimeOffset now)
    {
        item["publishStatus"] = "publishing";
        item["publishCompletesAt"] = SandboxHttp.Timestamp(now + options.ContentGenerationDelay);
    }

    private static JsonObject PublishJson(JsonObject item) => new()
    {
        ["contentId"] = item["id"]!.DeepClone(),
        ["status"] = item["publishStatus"]!.DeepClone(),
        ["platform"] = "instagram",
        ["postUrl"] = item["postUrl"]?.DeepClone(),
        ["publishedAt"] = item["publishedAt"]?.DeepClone(),
    };

    /// <summary>Finds the content item and applies a change; a returned object with "error" is a 409, another object is the answer.</summary>
    private ApResult UpdateContent(ApCall call, Func<JsonObject, JsonObject?> change)
    {
        if (!call.Account.Content.TryGetValue(call.Route("id"), out var item))
        {
            return Error(404, "Content not found");
        }

        if ((string?)item["status"] == "generating")
        {
            return Error(409, "Content is still generating");
        }

        var answer = change(item);
        if (answer?["error"] is { } error)
        {
            return Error(409, (string)error!);
        }

        return Ok(answer ?? item.DeepClone());
    }
}
