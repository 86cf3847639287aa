using System.Buffers;
using System.Diagnostics;
using Attention.Sdk.Telemetry;
using Attention.Sdk;
using Attention.Sdk.Http;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Attentium.Solana;

/// <summary>
/// A typed client for the standard Solana JSON-RPC methods the SDK needs, over an <see cref="HttpClient"/>. Works against any
/// cluster (devnet, mainnet-beta, a local validator). Errors are typed: <see cref="SolanaRpcException"/> for JSON-RPC errors,
/// <see cref="SolanaRpcTransportException"/> for HTTP and connection failures, <see cref="SolanaRpcResponseException"/> for
/// bodies that cannot be read. Methods are virtual so tests can substitute them.
/// </summary>
public partial class SolanaRpcClient : IDisposable
{
    // What the SDK pipeline needs to know about a JSON-RPC node: no key required, every call safe to repeat, and a URL that
    // may hold the provider's access token, so telemetry shows only its host.
    private static readonly ApiProfile s_profile = new("solana-rpc", new Uri("http://127.0.0.1:8899/"))
    {
        RequiresApiKey = false,
        RequestsAreSafeToRepeat = true,
        AddressMayCarrySecrets = true,
    };

    private static readonly MediaTypeHeaderValue s_json = new("application/json");
    private readonly HttpClient _http = null!;
    private readonly bool _ownsHttpClient;
    private readonly Uri _endpoint = null!;
    private long _nextId;

    /// <summary>
    /// Creates a client. Pass an <see cref="HttpClient"/> (for example one built by the SDK's pipeline or by IHttpClientFactory) to
    /// control handlers and timeouts; without one, the client builds one on the SDK's pipeline (retries, timeouts and telemetry as
    /// set in <paramref name="options"/>) over <see cref="AttentionClientOptions.Transport"/> or the SDK's shared, pooled socket handler.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is invalid (for example no endpoint, or a negative timeout).</exception>
    public SolanaRpcClient(SolanaRpcClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, AttentionDiagnostics.Metrics)
    {
    }

    /// <summary>Creates a client whose own pipeline records on <paramref name="metrics"/> (under dependency injection: the container's meter).</summary>
    internal SolanaRpcClient(SolanaRpcClientOptions options, HttpClient? httpClient, AttentionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _endpoint = options.RequireEndpoint();
        if (httpClient is null)
        {
            _http = AttentionPipeline.CreateHttpClient(s_profile, options, metrics);
            _ownsHttpClient = true;
        }
        else
        {
            _http = httpClient;
        }
    }

    /// <summary>For mocking frameworks and test doubles.</summary>
    protected SolanaRpcClient()
    {
        Options = new SolanaRpcClientOptions();
    }

    /// <summary>The client's settings.</summary>
    public SolanaRpcClientOptions Options { get; }

    /// <summary><c>getLatestBlockhash</c>: a blockhash to build a transaction with, and its last valid block height.</summary>
    public virtual async Task<LatestBlockhash> GetLatestBlockhashAsync(Commitment? commitment = null, CancellationToken cancellationToken = default)
    {
        const string method = "getLatestBlockhash";
        var result = await CallAsync(method, w => WriteCommitment(w, commitment), cancellationToken).ConfigureAwait(false);
        var (slot, value) = Unwrap(method, result);
        var dto = Read(method, value, SolanaRpcJsonContext.Default.RpcBlockhashDto);
        if (dto?.Blockhash is null)
        {
            throw new SolanaRpcResponseException(method, "the result has no blockhash", result.GetRawText());
        }

        return new LatestBlockhash(dto.Blockhash, dto.LastValidBlockHeight, slot);
    }

    /// <summary><c>getBlockHeight</c>.</summary>
    public virtual async Task<ulong> GetBlockHeightAsync(Commitment? commitment = null, CancellationToken cancellationToken = default)
    {
        const string method = "getBlockHeight";
        var result = await CallAsync(method, w => WriteCommitment(w, commitment), cancellationToken).ConfigureAwait(false);
        return ReadUInt64(method, result);
    }

    /// <summary>
    /// <c>sendTransaction</c> with the exact bytes given (base64, <c>maxRetries: 0</c>) and returns the signature. A failed
    /// preflight becomes a <see cref="SolanaRpcException"/> carrying the transaction error and logs, except
    /// <c>AlreadyProcessed</c>: those exact bytes were sent before (a retried request whose first answer was lost, or a resend),
    /// so their signature is returned and the status decides the rest.
    /// </summary>
    public virtual async Task<string> SendTransactionAsync(ReadOnlyMemory<byte> transaction, SendTransactionOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendOnceAsync(transaction, options, cancellationToken).ConfigureAwait(false);
        }
        catch (SolanaRpcException ex) when (ex.TransactionError?.Name == "AlreadyProcessed" && FeePayerSignature(transaction.Span) is { } signature)
        {
            return signature;
        }
    }

    /// <summary>The first (fee payer's) signature of serialized transaction bytes, or null when they cannot be read.</summary>
    private static string? FeePayerSignature(ReadOnlySpan<byte> transaction)
    {
        try
        {
            return Transaction.Deserialize(transaction).Signature;
        }
        catch (Exception ex) when (ex is TransactionFormatException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private async Task<string> SendOnceAsync(ReadOnlyMemory<byte> transaction, SendTransactionOptions? options, CancellationToken cancellationToken)
    {
        const string method = "sendTransaction";
        var encoded = Convert.ToBase64String(transaction.Span);
        var result = await CallAsync(
            method,
            w =>
            {
                w.WriteStringValue(encoded);
                w.WriteStartObject();
                w.WriteString("encoding", "base64");
                w.WriteBoolean("skipPreflight", options?.SkipPreflight ?? false);
                w.WriteString("preflightCommitment", (options?.PreflightCommitment ?? Options.Commitment).ToWire());
                w.WriteNumber("maxRetries", 0);
                w.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.String
            ? result.GetString()!
            : throw new SolanaRpcResponseException(method, "the result is not a signature string", result.GetRawText());
    }

    /// <summary>Sends a signed transaction; see <see cref="SendTransactionAsync(ReadOnlyMemory{byte}, SendTransactionOptions?, CancellationToken)"/>.</summary>
    public Task<string> SendTransactionAsync(Transaction transaction, SendTransactionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return SendTransactionAsync(transaction.Serialize(), options, cancellationToken);
    }

    /// <summary><c>getSignatureStatuses</c> (at most 256 signatures; history searched). Entries are <see langword="null"/> for unknown signatures.</summary>
    public virtual async Task<IReadOnlyList<SignatureStatus?>> GetSignatureStatusesAsync(IReadOnlyList<string> signatures, CancellationToken cancellationToken = default)
    {
        const string method = "getSignatureStatuses";
        ArgumentNullException.ThrowIfNull(signatures);
        if (signatures.Count is 0 or > 256)
        {
            throw new ArgumentException("Pass 1 to 256 signatures.", nameof(signatures));
        }

        var result = await CallAsync(
            method,
            w =>
            {
                w.WriteStartArray();
                foreach (var signature in signatures)
                {
                    w.WriteStringValue(signature);
                }

                w.WriteEndArray();
                w.WriteStartObject();
                w.WriteBoolean("searchTransactionHistory", true);
                w.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
        var (_, value) = Unwrap(method, result);
        var list = Read(method, value, SolanaRpcJsonContext.Default.ListRpcSignatureStatusDto) ?? [];
        if (list.Count != signatures.Count)
        {
            throw new SolanaRpcResponseException(method, $"asked for {signatures.Count} statuses, got {list.Count}", result.GetRawText());
        }

        return [.. list.Select(s => s is null ? null : new SignatureStatus(s.Slot, s.Confirmations, TransactionError.FromJson(s.Err), CommitmentText.Parse(s.ConfirmationStatus)))];
    }

    /// <summary>
    /// <c>simulateTransaction</c> of the exact bytes (base64, <c>sigVerify: false</c>, so unsigned slots are fine). A failing
    /// simulation is returned in <see cref="SimulationResult.Error"/>, not thrown.
    /// </summary>
    public virtual async Task<SimulationResult> SimulateTransactionAsync(ReadOnlyMemory<byte> transaction, SimulateTransactionOptions? options = null, CancellationToken cancellationToken = default)
    {
        const string method = "simulateTransaction";
        var encoded = Convert.ToBase64String(transaction.Span);
        var result = await CallAsync(
            method,
            w =>
            {
                w.WriteStringValue(encoded);
                w.WriteStartObject();
                w.WriteString("encoding", "base64");
                w.WriteBoolean("sigVerify", false);
                w.WriteString("commitment", (options?.Commitment ?? Options.Commitment).ToWire());
                w.WriteBoolean("replaceRecentBlockhash", options?.ReplaceRecentBlockhash ?? false);
                if (options?.Accounts is { Count: > 0 } accounts)
                {
                    w.WriteStartObject("accounts");
                    w.WriteString("encoding", "base64");
                    w.WriteStartArray("addresses");
                    foreach (var account in accounts)
                    {
                        w.WriteStringValue(account.ToBase58());
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
        var (_, value) = Unwrap(method, result);
        var dto = Read(method, value, SolanaRpcJsonContext.Default.RpcSimulationDto)
            ?? throw new SolanaRpcResponseException(method, "the result has no value", result.GetRawText());
        return new SimulationResult(
            TransactionError.FromJson(dto.Err),
            dto.Logs ?? [],
            [.. (dto.Accounts ?? []).Select(a => a is null ? null : ToAccountInfo(method, a))],
            dto.UnitsConsumed);
    }

    /// <summary>Simulates a transaction; see <see cref="SimulateTransactionAsync(ReadOnlyMemory{byte}, SimulateTransactionOptions?, CancellationToken)"/>.</summary>
    public Task<SimulationResult> SimulateTransactionAsync(Transaction transaction, SimulateTransactionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return SimulateTransactionAsync(transaction.Serialize(), options, cancellationToken);
    }

    /// <summary><c>getBalance</c> in lamports (0 for an account that does not exist).</summary>
    public virtual async Task<ulong> GetBalanceAsync(PublicKey account, Commitment? commitment = null, CancellationToken cancellationToken = default)
    {
        const string method = "getBalance";
        ArgumentNullException.ThrowIfNull(account);
        var result = await CallAsync(method, w => WriteKeyAndCommitment(w, account, commitment), cancellationToken).ConfigureAwait(false);
        return ReadUInt64(method, Unwrap(method, result).Value);
    }

    /// <summary><c>getTokenAccountBalance</c>. A missing or non-token account is a <see cref="SolanaRpcException"/> (-32602).</summary>
    public virtual async Task<TokenAccountBalance> GetTokenAccountBalanceAsync(PublicKey tokenAccount, Commitment? commitment = null, CancellationToken cancellationToken = default)
    {
        const string method = "getTokenAccountBalance";
        ArgumentNullException.ThrowIfNull(tokenAccount);
        var result = await CallAsync(method, w => WriteKeyAndCommitment(w, tokenAccount, commitment), cancellationToken).ConfigureAwait(false);
        var dto = Read(method, Unwrap(method, result).Value, SolanaRpcJsonContext.Default.RpcTokenAmountDto);
        if (dto?.Amount is null || !ulong.TryParse(dto.Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            throw new SolanaRpcResponseException(method, "the result has no readable amount", result.GetRawText());
        }

        return new TokenAccountBalance(amount, dto.Decimals, dto.UiAmountString);
    }

    /// <summary><c>getAccountInfo</c> (base64); <see langword="null"/> when the account does not exist.</summary>
    public virtual async Task<AccountInfo?> GetAccountInfoAsync(PublicKey account, Commitment? commitment = null, CancellationToken cancellationToken = default)
    {
        const string method = "getAccountInfo";
        ArgumentNullException.ThrowIfNull(account);
        var result = await CallAsync(
            method,
            w =>
            {
                w.WriteStringValue(account.ToBase58());
                w.WriteStartObject();
                w.WriteString("encoding", "base64");
                w.WriteString("commitment", (commitment ?? Options.Commitment).ToWire());
                w.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
        var (_, value) = Unwrap(method, result);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var dto = Read(method, value, SolanaRpcJsonContext.Default.RpcAccountDto)
            ?? throw new SolanaRpcResponseException(method, "the result has no value", result.GetRawText());
        return ToAccountInfo(method, dto);
    }

    /// <summary><c>requestAirdrop</c> (devnet, testnet and local validators only); returns the airdrop transaction's signature.</summary>
    public virtual async Task<string> RequestAirdropAsync(PublicKey account, ulong lamports, CancellationToken cancellationToken = default)
    {
        const string method = "requestAirdrop";
        ArgumentNullException.ThrowIfNull(account);
        var result = await CallAsync(
            method,
            w =>
            {
                w.WriteStringValue(account.ToBase58());
                w.WriteNumberValue(lamports);
                w.WriteStartObject();
                w.WriteString("commitment", Options.Commitment.ToWire());
                w.WriteEndObject();
            },
            cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.String
            ? result.GetString()!
            : throw new SolanaRpcResponseException(method, "the result is not a signature string", result.GetRawText());
    }

    /// <summary>Disposes the HttpClient if this client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HttpClient if this client created it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    /// <summary>Sends one JSON-RPC request and returns a copy of its <c>result</c>.</summary>
    private async Task<JsonElement> CallAsync(string method, Action<Utf8JsonWriter> writeParams, CancellationToken cancellationToken)
    {
        // One span per JSON-RPC call, named by its method; the pipeline's attempt spans beneath it are named by the method too.
        using var operation = AttentionDiagnostics.ActivitySource.HasListeners() ? StartCallSpan(method) : null;
        try
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                writer.WriteNumber("id", Interlocked.Increment(ref _nextId));
                writer.WriteString("method", method);
                writer.WriteStartArray("params");
                writeParams(writer);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            // An already-cancelled call sends nothing, whatever HttpClient or handler the caller supplied.
            cancellationToken.ThrowIfCancellationRequested();
            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(buffer.WrittenSpan.ToArray()) };
            request.Content.Headers.ContentType = s_json;
            if (operation is not null)
            {
                ApiCallContext.GetOrCreate(request).RpcMethod = method;
            }

            string body;
            System.Net.HttpStatusCode status;
            bool success;
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = response.StatusCode;
                success = response.IsSuccessStatusCode;
                // JSON-RPC is UTF-8: decode the bytes ourselves, so a bogus charset in Content-Type cannot throw InvalidOperationException.
                body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (TransportFailures.IsTransportFailure(ex))
            {
                throw new SolanaRpcTransportException(method, $"the request to the RPC node failed: {ex.Message}", (ex as HttpRequestException)?.StatusCode, ex, TransportFailures.ProvesNothingWasSent(ex));
            }
            catch (Exception ex) when ((ex is OperationCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException) && !cancellationToken.IsCancellationRequested)
            {
                // HttpClient's own timeout surfaces as a cancellation; the SDK pipeline's attempt and overall timeouts as timeouts.
                throw new SolanaRpcTransportException(method, "the RPC node did not answer in time", null, ex);
            }

            JsonDocument? document = null;
            try
            {
                try
                {
                    document = JsonDocument.Parse(body);
                }
                catch (JsonException ex) when (success)
                {
                    throw new SolanaRpcResponseException(method, "the response is not JSON", body, ex);
                }
                catch (JsonException)
                {
                    // A non-JSON error page: reported below as an HTTP failure.
                }

                var root = document?.RootElement;
                if (root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    throw ToRpcException(method, error);
                }

                if (!success)
                {
                    throw new SolanaRpcTransportException(method, $"the RPC node answered HTTP {(int)status} {status}", status);
                }

                if (root is not { ValueKind: JsonValueKind.Object } ok || !ok.TryGetProperty("result", out var result))
                {
                    throw new SolanaRpcResponseException(method, "the response has neither result nor error", body);
                }

                return result.Clone();
            }
            finally
            {
                document?.Dispose();
            }
        }
        catch (Exception ex) when (RecordFailure(operation, ex))
        {
            throw;
        }
    }

    private Activity? StartCallSpan(string method)
    {
        var activity = AttentionDiagnostics.StartOperation("solana-rpc " + method, s_profile.Name);
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.RpcSystem, "jsonrpc");
            activity.SetTag(TelemetryTags.RpcMethod, method);
            activity.SetTag(TelemetryTags.RpcJsonRpcVersion, "2.0");
            activity.SetTag(TelemetryTags.ServerAddress, _endpoint.Host);
        }

        return activity;
    }

    /// <summary>
    /// Marks the call's span failed (returns false: it sits in an exception filter): a JSON-RPC error's code is <c>rpc.jsonrpc.error_code</c>
    /// and <c>error.type</c>, other failures have their exception type as <c>error.type</c>. Never the message: it may quote the request.
    /// </summary>
    private static bool RecordFailure(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return false;
        }

        if (exception is SolanaRpcException { Code: var code })
        {
            var text = code.ToString(CultureInfo.InvariantCulture);
            activity.SetTag(TelemetryTags.RpcJsonRpcErrorCode, code);
            activity.SetTag(TelemetryTags.ErrorType, text);
            activity.SetStatus(ActivityStatusCode.Error, text);
            return false;
        }

        return AttentionDiagnostics.RecordFailure(activity, exception);
    }

    private static SolanaRpcException ToRpcException(string method, JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var n) ? n : 0;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
        TransactionError? err = null;
        List<string>? logs = null;
        string? raw = null;
        if (error.TryGetProperty("data", out var data))
        {
            raw = data.GetRawText();
            if (data.ValueKind == JsonValueKind.Object)
            {
                if (data.TryGetProperty("err", out var e))
                {
                    err = TransactionError.FromJson(e);
                }

                if (data.TryGetProperty("logs", out var l) && l.ValueKind == JsonValueKind.Array)
                {
                    logs = [.. l.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)];
                }
            }
        }

        return new SolanaRpcException(method, code, message, err, logs, raw);
    }

    private static (ulong Slot, JsonElement Value) Unwrap(string method, JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("value", out var value))
        {
            throw new SolanaRpcResponseException(method, "the result has no value", result.GetRawText());
        }

        var slot = result.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
            && context.TryGetProperty("slot", out var s) && s.TryGetUInt64(out var n) ? n : 0;
        return (slot, value);
    }

    private static T? Read<T>(string method, JsonElement element, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return element.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            throw new SolanaRpcResponseException(method, $"the result could not be read: {ex.Message}", element.GetRawText(), ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new SolanaRpcResponseException(method, $"the result could not be read: {ex.Message}", element.GetRawText(), ex);
        }
    }

    private static ulong ReadUInt64(string method, JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.TryGetUInt64(out var value)
            ? value
            : throw new SolanaRpcResponseException(method, "expected an unsigned number", element.GetRawText());

    private static AccountInfo ToAccountInfo(string method, RpcAccountDto dto)
    {
        if (!PublicKey.TryParse(dto.Owner, out var owner))
        {
            throw new SolanaRpcResponseException(method, "an account has no valid owner", dto.Owner);
        }

        var data = dto.Data;
        if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() < 1 || data[0].ValueKind != JsonValueKind.String)
        {
            throw new SolanaRpcResponseException(method, "account data is not [base64, \"base64\"]", data.GetRawText());
        }

        try
        {
            return new AccountInfo(dto.Lamports, owner, Convert.FromBase64String(data[0].GetString()!), dto.Executable);
        }
        catch (FormatException ex)
        {
            throw new SolanaRpcResponseException(method, "account data is not valid base64", null, ex);
        }
    }

    private void WriteCommitment(Utf8JsonWriter writer, Commitment? commitment)
    {
        writer.WriteStartObject();
        writer.WriteString("commitment", (commitment ?? Options.Commitment).ToWire());
        writer.WriteEndObject();
    }

    private void WriteKeyAndCommitment(Utf8JsonWriter writer, PublicKey key, Commitment? commitment)
    {
        writer.WriteStringValue(key.ToBase58());
        WriteCommitment(writer, commitment);
    }
}
