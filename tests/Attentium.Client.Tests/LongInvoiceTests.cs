using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.WireMock;
using Attentium.Client.Tests.Support;
using Attentium.Solana;

namespace Attentium.Client.Tests;

/// <summary>The 402 invoice is read from the whole body, not from the 4,096-character copy the exception keeps for diagnostics.</summary>
public sealed class LongInvoiceTests(WireMockServer wiremock, LocalnetServer localnet) : AttentiumTestBase(wiremock, localnet)
{
    [Fact]
    public async Task Invoice_longer_than_the_diagnostic_copy_keeps_its_whole_transaction()
    {
        var transaction = new string('A', 6_000);
        await StubAsync(Stub.Post("v1/verify").RespondsJson(402, $$"""
            { "error": "payment_required", "message": "Sign the attached transaction to fund escrow.", "transaction": "{{transaction}}", "amount": 7.50, "campaign_id": "ab12" }
            """));

        var result = await CreateClient().Campaigns.RequestInvoiceAsync(Request(), Keypair.Generate().PublicKey, Ct);

        Assert.True(result.PaymentRequired);
        Assert.Equal(transaction, result.Invoice!.Transaction);
        Assert.Equal((7.50m, "ab12"), (result.Invoice.Amount, result.Invoice.CampaignId));
    }
}
