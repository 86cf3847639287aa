using System.Text.Json.Nodes;
using Attentium.Solana;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Attention.Sandbox.Hosting;

/// <summary>
/// The sandbox's own control surface under <c>/sandbox/</c>, for tests that drive it over HTTP (the standalone server): what
/// .NET tests do with the <see cref="AttentionSandbox"/> methods. Answers <c>{"error": "..."}</c> on bad input.
/// </summary>
internal static class SandboxControlEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, Func<AttentionSandbox> sandbox)
    {
        routes.MapGet("/sandbox", context => Write(context, 200, Describe(sandbox())));
        routes.MapPost("/sandbox/factory/keys", async context =>
        {
            var body = await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false);
            decimal? credits = SandboxHttp.TryGetDecimal(body, "credits", out var amount) ? amount : null;
            try
            {
                var key = sandbox().CreateAttentionFactoryKey(credits, SandboxHttp.GetString(body, "api_key"));
                await Write(context, 201, new JsonObject { ["api_key"] = key }).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                await Write(context, 400, new JsonObject { ["error"] = ex.Message }).ConfigureAwait(false);
            }
        });
        routes.MapPost("/sandbox/factory/credits", async context =>
        {
            var body = await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false);
            var key = SandboxHttp.GetString(body, "api_key");
            var ok = key is not null && SandboxHttp.TryGetDecimal(body, "credits", out var credits) && sandbox().AddAttentionFactoryCredits(key, credits);
            await Write(context, ok ? 200 : 400, ok ? new JsonObject { ["ok"] = true } : new JsonObject { ["error"] = "Send a registered api_key and a credits amount" }).ConfigureAwait(false);
        });
        routes.MapPost("/sandbox/factory/rentals/{id}/activate", context =>
            sandbox().ActivateRental(SandboxHttp.Route(context, "id"))
                ? Write(context, 200, new JsonObject { ["ok"] = true })
                : Write(context, 404, new JsonObject { ["error"] = "No warming rental has that id" }));
        routes.MapPost("/sandbox/autopersonas/keys", async context =>
        {
            var body = await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false);
            var scopes = body?["scopes"] is JsonArray list ? list.Where(SandboxHttp.IsString).Select(s => s!.GetValue<string>()).ToArray() : [];
            try
            {
                var account = SandboxHttp.GetString(body, "account_key");
                var key = account is null ? sandbox().CreateAutoPersonasKey(scopes) : sandbox().AddAutoPersonasKey(account, scopes);
                await Write(context, 201, new JsonObject { ["api_key"] = key }).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                await Write(context, 400, new JsonObject { ["error"] = ex.Message }).ConfigureAwait(false);
            }
        });
        routes.MapDelete("/sandbox/keys/{key}", context =>
            sandbox().RevokeApiKey(SandboxHttp.Route(context, "key"))
                ? Write(context, 200, new JsonObject { ["revoked"] = true })
                : Write(context, 404, new JsonObject { ["error"] = "No such key" }));
        routes.MapPost("/sandbox/solana/fund", async context =>
        {
            var body = await SandboxHttp.ReadObjectAsync(context).ConfigureAwait(false);
            if (!PublicKey.TryParse(SandboxHttp.GetString(body, "owner"), out var owner))
            {
                await Write(context, 400, new JsonObject { ["error"] = "owner must be a base58 public key" }).ConfigureAwait(false);
                return;
            }

            var sol = SandboxHttp.TryGetDecimal(body, "sol", out var s) ? s : 0m;
            var usdc = SandboxHttp.TryGetDecimal(body, "usdc", out var u) ? u : 0m;
            if (sol is < 0 or > 1_000_000 || usdc is < 0 or > 1_000_000_000)
            {
                await Write(context, 400, new JsonObject { ["error"] = "sol and usdc must be non-negative and reasonable" }).ConfigureAwait(false);
                return;
            }

            sandbox().FundSolanaWallet(owner, sol, usdc);
            await Write(context, 200, new JsonObject { ["owner"] = owner.ToString(), ["usdc_balance"] = sandbox().GetUsdcBalance(owner) }).ConfigureAwait(false);
        });
    }

    /// <summary>The addresses and registered test keys, as the standalone server prints them.</summary>
    public static JsonObject Describe(AttentionSandbox sandbox) => new()
    {
        ["attention_factory"] = new JsonObject { ["base_url"] = sandbox.AttentionFactoryBaseAddress.ToString(), ["api_key"] = AttentionSandbox.FactoryApiKey },
        ["autopersonas"] = new JsonObject { ["base_url"] = sandbox.AutoPersonasBaseAddress.ToString(), ["api_key"] = AttentionSandbox.AutoPersonasApiKey },
        ["attentium"] = new JsonObject
        {
            ["base_url"] = sandbox.AttentiumBaseAddress.ToString(),
            ["solana_rpc_url"] = sandbox.SolanaRpcAddress.ToString(),
            ["usdc_mint"] = sandbox.UsdcMint.ToString(),
            ["treasury"] = sandbox.AttentiumTreasury.ToString(),
        },
        ["control_url"] = new Uri(sandbox.BaseAddress, "sandbox/").ToString(),
    };

    private static Task Write(HttpContext context, int status, JsonObject body) => SandboxHttp.WriteJsonAsync(context, status, body);
}
