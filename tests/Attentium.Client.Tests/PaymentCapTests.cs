using Attention.Sdk.Testing.Localnet;
using Attention.Sdk.Testing.WireMock;
using Attentium.Client.Tests.Support;
using Attentium.Payments;
using Attentium.Solana;

namespace Attentium.Client.Tests;

/// <summary>The caller's cap: an invoice above what the caller agreed to pay is refused before anything is signed.</summary>
public sealed class PaymentCapTests(WireMockServer wiremock, LocalnetServer localnet) : AttentiumTestBase(wiremock, localnet)
{
    private async Task StubMemoInvoiceAsync(string campaignId, decimal amount) =>
        await StubAsync(Stub.Post("v1/verify").WithoutHeader("X-Solana-Tx-Signature").RespondsJson(402, $$"""{ "error": "payment_required", "amount": {{amount}}, "campaign_id": "{{campaignId}}" }"""));

    [Fact]
    public async Task Invoice_above_the_requests_maximum_cost_is_refused_naming_both_amounts()
    {
        var (agent, mint) = await FundedAgentAsync();
        await StubMemoInvoiceAsync("cmp_greedy", 10_000m);
        var client = CreateClient(o => o.Treasury = Keypair.Generate().PublicKey, mint);

        var error = await Assert.ThrowsAsync<PaymentCapExceededException>(() => client.Campaigns.CreateAsync(Request(), agent, Ct));

        Assert.Equal((10_000m, 7.5m, "cmp_greedy"), (error.InvoicedAmount, error.MaximumAmount, error.CampaignId));
        Assert.Contains("10000 USDC", error.Message);
        Assert.Contains("7.5", error.Message);
        Assert.Single(await RequestsAsync());
        Assert.Null(await client.PaymentLedger.FindAsync("cmp_greedy", Ct));
        Assert.Equal(100_000_000UL, await TokenBalanceAsync(agent.PublicKey, mint));
    }

    [Fact]
    public async Task Client_wide_cap_below_the_maximum_cost_wins()
    {
        var (agent, mint) = await FundedAgentAsync();
        await StubMemoInvoiceAsync("cmp_capped", 5m);
        var client = CreateClient(o => { o.Treasury = Keypair.Generate().PublicKey; o.MaximumPaymentUsdc = 2m; }, mint);

        var error = await Assert.ThrowsAsync<PaymentCapExceededException>(() => client.Campaigns.CreateAsync(Request(), agent, Ct));

        Assert.Equal((5m, 2m), (error.InvoicedAmount, error.MaximumAmount));
        Assert.Single(await RequestsAsync());
    }

    [Fact]
    public async Task Paying_an_invoice_without_any_cap_is_refused_before_signing()
    {
        var client = CreateClient(o => o.Treasury = Keypair.Generate().PublicKey);
        var invoice = new Campaigns.PaymentInvoice { Amount = 1m, CampaignId = "cmp_uncapped" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Campaigns.PayInvoiceAsync(invoice, Keypair.Generate(), Ct));

        Assert.Contains(nameof(AttentiumClientOptions.MaximumPaymentUsdc), error.Message);
        Assert.Null(await client.PaymentLedger.FindAsync("cmp_uncapped", Ct));
    }

    [Fact]
    public async Task Explicit_cap_below_the_invoice_is_refused_and_the_ledger_stays_empty()
    {
        var client = CreateClient(o => o.Treasury = Keypair.Generate().PublicKey);
        var invoice = new Campaigns.PaymentInvoice { Amount = 3.000001m, CampaignId = "cmp_over" };

        var error = await Assert.ThrowsAsync<PaymentCapExceededException>(() => client.Campaigns.PayInvoiceAsync(invoice, Keypair.Generate(), 3m, Ct));

        Assert.Equal(3m, error.MaximumAmount);
        Assert.Null(await client.PaymentLedger.FindAsync("cmp_over", Ct));
    }

    [Fact]
    public async Task Client_wide_cap_alone_lets_the_uncapped_overload_pay_within_it()
    {
        var (agent, mint) = await FundedAgentAsync();
        var treasury = Keypair.Generate().PublicKey;
        var client = CreateClient(o => { o.Treasury = treasury; o.MaximumPaymentUsdc = 2m; }, mint);
        var invoice = new Campaigns.PaymentInvoice { Amount = 1.25m, CampaignId = Guid.NewGuid().ToString() };

        var payment = await client.Campaigns.PayInvoiceAsync(invoice, agent, Ct);

        Assert.False(payment.Resumed);
        Assert.Equal(1_250_000UL, await TokenBalanceAsync(treasury, mint));
    }
}
