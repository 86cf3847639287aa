using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Attentium.Solana;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Attention.Sandbox.Solana;

/// <summary>
/// The Solana PubSub WebSocket on the RPC path (<c>ws://…/solana</c>): <c>signatureSubscribe</c>, <c>accountSubscribe</c> and
/// <c>slotSubscribe</c> with their <c>…Unsubscribe</c>, in the node's message shapes, so @solana/web3.js confirms through it.
/// Each connection re-evaluates its subscriptions whenever the ledger changes (a block or a transaction).
/// </summary>
internal sealed class SandboxPubSubEndpoint(SandboxRpcMethods methods)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        // Subscriptions end when the sandbox stops, so disposing it never waits on a client that keeps its socket open.
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await new Connection(socket, methods).RunAsync(ended.Token).ConfigureAwait(false);
    }

    private sealed class Connection(WebSocket socket, SandboxRpcMethods methods)
    {
        private const int MaxMessageBytes = 64 * 1024;

        private readonly ConcurrentDictionary<long, Subscription> _subscriptions = new();
        private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        private readonly SemaphoreSlim _sending = new(1, 1);
        private long _nextId;

        private SandboxLedger Ledger => methods.Ledger;

        public async Task RunAsync(CancellationToken aborted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            void OnChanged() => _changes.Writer.TryWrite(true);
            Ledger.Changed += OnChanged;
            var notifier = NotifyAsync(stop.Token);
            try
            {
                await ReceiveAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The client went away.
            }
            finally
            {
                Ledger.Changed -= OnChanged;
                await stop.CancelAsync().ConfigureAwait(false);
                try
                {
                    await notifier.ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                }

                _sending.Dispose();
            }
        }

        private async Task ReceiveAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[8 * 1024];
            using var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (message.Length > MaxMessageBytes)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too big", cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (received.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                    message.SetLength(0);
                    if (Handle(text) is { } answer)
                    {
                        await SendAsync(answer, cancellationToken).ConfigureAwait(false);
                    }

                    _changes.Writer.TryWrite(true);
                }
            }
        }

        /// <summary>The answer to one message; null for a notification (no id), such as web3.js's <c>ping</c>.</summary>
        private JsonObject? Handle(string text)
        {
            JsonObject? request;
            try
            {
                request = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                return SandboxRpcEndpoint.Error(null, -32700, "Parse error");
            }

            var id = request?["id"]?.DeepClone();
            if (request?["method"] is not JsonValue methodNode || !methodNode.TryGetValue<string>(out var method))
            {
                return SandboxRpcEndpoint.Error(id, -32600, "Invalid request");
            }

            if (id is null)
            {
                return null;
            }

            var parameters = request["params"] as JsonArray ?? [];
            try
            {
                JsonNode result = method switch
                {
                    "signatureSubscribe" => Add(new Subscription(SubscriptionKind.Signature, SandboxRpcMethods.String(parameters, 0), null, SandboxRpcMethods.CommitmentOf(SandboxRpcMethods.Config(parameters, 1)))),
                    "accountSubscribe" => Add(new Subscription(SubscriptionKind.Account, null, SandboxRpcMethods.Key(parameters, 0), SandboxRpcMethods.CommitmentOf(SandboxRpcMethods.Config(parameters, 1))) { Last = AccountJson(SandboxRpcMethods.Key(parameters, 0)) }),
                    "slotSubscribe" => Add(new Subscription(SubscriptionKind.Slot, null, null, LedgerCommitment.Processed) { LastSlot = Ledger.Slot }),
                    "signatureUnsubscribe" => Remove(parameters, SubscriptionKind.Signature),
                    "accountUnsubscribe" => Remove(parameters, SubscriptionKind.Account),
                    "slotUnsubscribe" => Remove(parameters, SubscriptionKind.Slot),
                    _ => throw new LedgerException(SandboxRpcMethods.MethodNotFound, "Method not found"),
                };
                return new JsonObject { ["jsonrpc"] = "2.0", ["result"] = result, ["id"] = id };
            }
            catch (LedgerException ex)
            {
                return SandboxRpcEndpoint.Error(id, ex.Code, ex.Message);
            }
        }

        private JsonNode Add(Subscription subscription)
        {
            var id = Interlocked.Increment(ref _nextId);
            _subscriptions[id] = subscription;
            return id;
        }

        private JsonNode Remove(JsonArray parameters, SubscriptionKind kind)
        {
            if (parameters.Count == 0 || parameters[0] is not JsonValue value || !value.TryGetValue<long>(out var id))
            {
                throw new LedgerException(SandboxRpcMethods.InvalidParams, "Invalid params: expected a subscription id");
            }

            return _subscriptions.TryGetValue(id, out var found) && found.Kind == kind && _subscriptions.TryRemove(id, out _)
                ? true
                : throw new LedgerException(SandboxRpcMethods.InvalidParams, "Invalid subscription id.");
        }

        private async Task NotifyAsync(CancellationToken cancellationToken)
        {
            while (await _changes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _changes.Reader.TryRead(out _);
                foreach (var (id, subscription) in _subscriptions)
                {
                    if (Notification(id, subscription) is { } notification)
                    {
                        await SendAsync(notification, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        /// <summary>What to tell the client about a subscription now, if anything (a signature's subscription ends with its notification).</summary>
        private JsonObject? Notification(long id, Subscription subscription)
        {
            switch (subscription.Kind)
            {
                case SubscriptionKind.Signature:
                    if (Ledger.GetStatus(subscription.Signature!) is not { } status || status.Commitment < subscription.Commitment || !_subscriptions.TryRemove(id, out _))
                    {
                        return null;
                    }

                    return Notify("signatureNotification", id, methods.Context(new JsonObject { ["err"] = status.Transaction.Error?.ToJson() }));
                case SubscriptionKind.Account:
                    var account = AccountJson(subscription.Account!);
                    if (account == subscription.Last)
                    {
                        return null;
                    }

                    subscription.Last = account;
                    return Notify("accountNotification", id, methods.Context(JsonNode.Parse(account)));
                default:
                    var slot = Ledger.Slot;
                    if (slot == subscription.LastSlot)
                    {
                        return null;
                    }

                    subscription.LastSlot = slot;
                    return Notify("slotNotification", id, new JsonObject { ["parent"] = Math.Max(0, slot - 1), ["root"] = Ledger.BlockHeightAt(LedgerCommitment.Finalized), ["slot"] = slot });
            }
        }

        /// <summary>The account as a notification carries it (an absent account: zero lamports, no data).</summary>
        private string AccountJson(PublicKey key) =>
            (SandboxRpcMethods.AccountInfo(Ledger.GetAccount(key)) ?? new JsonObject
            {
                ["lamports"] = 0,
                ["owner"] = PublicKey.SystemProgram.ToBase58(),
                ["data"] = new JsonArray(string.Empty, "base64"),
                ["executable"] = false,
                ["rentEpoch"] = 0,
                ["space"] = 0,
            }).ToJsonString();

        private static JsonObject Notify(string method, long id, JsonNode result) => new()
        {
            ["jsonrpc"] = "2.0",
            ["method"] = method,
            ["params"] = new JsonObject { ["result"] = result, ["subscription"] = id },
        };

        private async Task SendAsync(JsonObject message, CancellationToken cancellationToken)
        {
            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sending.Release();
            }
        }
    }

    private enum SubscriptionKind
    {
        Signature,
        Account,
        Slot,
    }

    private sealed record Subscription(SubscriptionKind Kind, string? Signature, PublicKey? Account, LedgerCommitment Commitment)
    {
        public string? Last { get; set; }

        public long LastSlot { get; set; }
    }
}
