using System.Text;

namespace Attention.Sandbox.Tool;

/// <summary>What the server prints once it listens: where each API is and which keys it accepts.</summary>
internal static class StartupBanner
{
    public static string Describe(AttentionSandbox sandbox)
    {
        var text = new StringBuilder();
        text.AppendLine("attention-sandbox: listening on " + sandbox.BaseAddress);
        text.AppendLine("  Attention Factory  " + sandbox.AttentionFactoryBaseAddress + "   key: " + AttentionSandbox.FactoryApiKey);
        text.AppendLine("  AutoPersonas       " + sandbox.AutoPersonasBaseAddress + "   key: " + AttentionSandbox.AutoPersonasApiKey + " (every scope)");
        text.AppendLine("  Attentium          " + sandbox.AttentiumBaseAddress);
        text.AppendLine("  Solana JSON-RPC    " + sandbox.SolanaRpcAddress);
        text.AppendLine("  USDC mint          " + sandbox.UsdcMint);
        text.AppendLine("  Attentium treasury " + sandbox.AttentiumTreasury);
        text.AppendLine("  Control            " + new Uri(sandbox.BaseAddress, "sandbox/") + " (create keys, fund wallets)");
        text.Append("attention-sandbox: ready (SIGTERM or Ctrl+C stops it)");
        return text.ToString();
    }
}
