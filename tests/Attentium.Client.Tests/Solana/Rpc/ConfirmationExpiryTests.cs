using Attention.Sdk.Testing.Localnet;
using Attentium.Solana;

namespace Attentium.Client.Tests.Solana.Rpc;

/// <summary>Blockhash expiry on a localnet of the test's own (rotating the blockhash would break tests sharing one).</summary>
public class ConfirmationExpiryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Confirmation_ends_with_expiry_when_the_blockhash_rotates_before_the_transaction_lands()
    {
        await using var localnet = await LocalnetServer.StartAsync(cancellationToken: Ct);
        using var rpc = new SolanaRpcClient(new SolanaRpcClientOptions
        {
            Endpoint = localnet.RpcUri,
            ConfirmationPollInterval = TimeSpan.FromMilliseconds(30),
            ResendInterval = TimeSpan.FromMilliseconds(60),
        });
        var agent = Keypair.Generate();
        await rpc.RequestAirdropAsync(agent.PublicKey, 1_000_000_000, Ct);
        var blockhash = await rpc.GetLatestBlockhashAsync(null, Ct);
        var tx = Transaction.FromMessage(MessageCompiler.CompileLegacy(agent.PublicKey, [MemoInstructions.Memo("too late")], blockhash.Blockhash));
        tx.Sign(agent);

        await localnet.ExpireBlockhashAsync(Ct);
        var signature = await rpc.SendTransactionAsync(tx, new SendTransactionOptions { SkipPreflight = true }, Ct);
        var ex = await Assert.ThrowsAsync<TransactionExpiredException>(() => rpc.ConfirmTransactionAsync(signature, blockhash.LastValidBlockHeight, null, tx.Serialize(), Ct));

        Assert.Equal(signature, ex.Signature);
        Assert.Equal(blockhash.LastValidBlockHeight, ex.LastValidBlockHeight);
        Assert.True(ex.BlockHeight > ex.LastValidBlockHeight);
        var stale = await Assert.ThrowsAsync<SolanaRpcException>(() => rpc.SendTransactionAsync(tx, null, Ct));
        Assert.Equal("BlockhashNotFound", stale.TransactionError!.Name);
    }
}
