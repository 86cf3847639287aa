using System.Security.Cryptography;
using Attentium.Solana;

namespace Attention.Sandbox.Solana;

/// <summary>
/// A small in-memory Solana ledger for the sandbox: lamports, SPL token accounts, a rotating recent blockhash with a
/// block height, and execution of the instructions the Attentium flows use (System transfer, SPL Token Transfer and
/// TransferChecked, associated token account creation, Memo, Compute Budget, and the emulated escrow program's
/// <c>deposit_escrow</c>/<c>withdraw_escrow</c>). Transactions are checked the way a validator checks them: every required
/// signature verified, the blockhash known and not expired, the same signature never processed twice, all-or-nothing
/// execution. A landed transaction is <c>processed</c> in its slot, <c>confirmed</c> one block later and <c>finalized</c>
/// <see cref="FinalizedDepth"/> blocks later.
/// Locking: one lock guards all state; nothing is called out of it except the <see cref="ILedgerGuard"/>, which holds no lock
/// of its own; <see cref="Changed"/> is raised after the lock is released.
/// </summary>
internal sealed partial class SandboxLedger
{
    public const ulong FeeLamports = 5_000;
    public const ulong RentExemptTokenAccount = 2_039_280;

    /// <summary>How many blocks after its slot a transaction is finalized (31–32 on mainnet; fewer here so tests stay quick).</summary>
    public const int FinalizedDepth = 8;

    private const int BlockhashLifetime = 150;

    private readonly object _gate = new();
    private readonly Dictionary<PublicKey, ulong> _lamports = [];
    private readonly Dictionary<PublicKey, TokenAccount> _tokens = [];
    private readonly Dictionary<string, long> _blockhashExpiry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcessedTransaction> _processed = new(StringComparer.Ordinal);
    private string _blockhash = NewBlockhash();
    private long _blockHeight;

    public SandboxLedger()
    {
        _blockhashExpiry[_blockhash] = BlockhashLifetime;
        Mint = Keypair.Generate().PublicKey;
    }

    /// <summary>Raised (outside the ledger's lock) after a block passes or a transaction lands.</summary>
    public event Action? Changed;

    /// <summary>The refund and claim bookkeeping; see <see cref="ILedgerGuard"/> for what it may do.</summary>
    public ILedgerGuard? Guard { get; set; }

    /// <summary>The sandbox's USDC-like mint (6 decimals, SPL Token program).</summary>
    public PublicKey Mint { get; }

    public long BlockHeight => Interlocked.Read(ref _blockHeight);

    public long Slot => BlockHeight;

    /// <summary>The newest block seen at a commitment: confirmed lags one block, finalized <see cref="FinalizedDepth"/>.</summary>
    public long BlockHeightAt(LedgerCommitment commitment) => Math.Max(0, BlockHeight - Depth(commitment));

    /// <summary>Advances one block; every 20 blocks a new blockhash becomes the latest.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            var height = Interlocked.Increment(ref _blockHeight);
            if (height % 20 == 0)
            {
                _blockhash = NewBlockhash();
                _blockhashExpiry[_blockhash] = height + BlockhashLifetime;
            }
        }

        Changed?.Invoke();
    }

    public (string Blockhash, long LastValidBlockHeight) LatestBlockhash()
    {
        lock (_gate)
        {
            return (_blockhash, _blockhashExpiry[_blockhash]);
        }
    }

    public bool IsBlockhashValid(string blockhash)
    {
        lock (_gate)
        {
            return _blockhashExpiry.TryGetValue(blockhash, out var expiry) && expiry >= _blockHeight;
        }
    }

    public ulong GetLamports(PublicKey key)
    {
        lock (_gate)
        {
            return _lamports.GetValueOrDefault(key);
        }
    }

    public TokenAccount? GetTokenAccount(PublicKey address)
    {
        lock (_gate)
        {
            return _tokens.TryGetValue(address, out var account) ? account : null;
        }
    }

    /// <summary>Lamports and token state of an account in one read.</summary>
    public (ulong Lamports, TokenAccount? Token) GetAccount(PublicKey address)
    {
        lock (_gate)
        {
            return (_lamports.GetValueOrDefault(address), _tokens.TryGetValue(address, out var account) ? account : null);
        }
    }

    /// <summary>Credits lamports; returns the signature of the airdrop, whose status advances like any transaction's.</summary>
    public string Airdrop(PublicKey key, ulong lamports)
    {
        var signature = Base58.Encode(RandomNumberGenerator.GetBytes(64));
        lock (_gate)
        {
            _lamports[key] = _lamports.GetValueOrDefault(key) + lamports;
            _processed[signature] = new ProcessedTransaction(signature, _blockHeight, null, [], [], [], null);
        }

        Changed?.Invoke();
        return signature;
    }

    /// <summary>Credits USDC base units to the owner's associated token account, creating it when needed.</summary>
    public PublicKey MintTo(PublicKey owner, ulong amount)
    {
        var address = PublicKey.GetAssociatedTokenAddress(owner, Mint);
        lock (_gate)
        {
            var current = _tokens.TryGetValue(address, out var account) ? account.Amount : 0;
            _tokens[address] = new TokenAccount(Mint, owner, current + amount);
            _lamports[address] = Math.Max(_lamports.GetValueOrDefault(address), RentExemptTokenAccount);
        }

        Changed?.Invoke();
        return address;
    }

    public int CountWithMemo(string memo)
    {
        lock (_gate)
        {
            return _processed.Values.Count(p => p.Error is null && p.Memos.Contains(memo, StringComparer.Ordinal));
        }
    }

    public ProcessedTransaction? GetProcessed(string signature)
    {
        lock (_gate)
        {
            return _processed.TryGetValue(signature, out var processed) ? processed : null;
        }
    }

    /// <summary>How far a landed transaction is: its commitment now, or null when it never landed.</summary>
    public (ProcessedTransaction Transaction, LedgerCommitment Commitment, long Confirmations)? GetStatus(string signature)
    {
        lock (_gate)
        {
            if (!_processed.TryGetValue(signature, out var processed))
            {
                return null;
            }

            var confirmations = _blockHeight - processed.Slot;
            var commitment = confirmations >= FinalizedDepth ? LedgerCommitment.Finalized
                : confirmations >= 1 ? LedgerCommitment.Confirmed
                : LedgerCommitment.Processed;
            return (processed, commitment, confirmations);
        }
    }

    /// <summary>
    /// <c>sendTransaction</c>. With preflight (the default) the transaction is checked and simulated first, and any failure is a
    /// <see cref="LedgerException"/> with nothing charged (a repeat of a landed transaction: <c>AlreadyProcessed</c>). With
    /// <paramref name="skipPreflight"/> the signature is returned at once, as a node forwards to the leader: a transaction that
    /// cannot land (bad signatures, unknown blockhash, no fee, a repeat) is dropped, and one whose instructions fail lands with
    /// its error and pays its fee.
    /// </summary>
    public string Submit(Transaction transaction, bool skipPreflight = false)
    {
        if (transaction.SignatureCount == 0)
        {
            throw new LedgerException(SandboxRpcMethods.InvalidParams, "invalid transaction: Transaction requires at least one signature");
        }

        var signature = Base58.Encode(transaction.GetSignature(0));
        var signed = transaction.Signature is not null && transaction.VerifySignatures(requireAll: true);
        if (!signed)
        {
            return skipPreflight ? signature : throw new LedgerException(-32003, "Transaction signature verification failure");
        }

        bool landed;
        lock (_gate)
        {
            landed = SubmitLocked(transaction, signature, skipPreflight);
        }

        if (landed)
        {
            Changed?.Invoke();
        }

        return signature;
    }

    private bool SubmitLocked(Transaction transaction, string signature, bool skipPreflight)
    {
        if (_processed.ContainsKey(signature))
        {
            return skipPreflight ? false : throw Preflight(LedgerError.Named("AlreadyProcessed"), "This transaction has already been processed", []);
        }

        if (!_blockhashExpiry.TryGetValue(transaction.Message.RecentBlockhash, out var expiry) || expiry < _blockHeight)
        {
            return skipPreflight ? false : throw Preflight(LedgerError.Named("BlockhashNotFound"), "Blockhash not found", []);
        }

        var state = Snapshot();
        var outcome = Execute(transaction, state);
        var (refusal, onCommit) = outcome.Error is null && Guard is { } guard ? guard.Check(outcome) : (outcome.Error, null);
        if (refusal is null)
        {
            Commit(state);
            onCommit?.Invoke();
            _processed[signature] = new ProcessedTransaction(signature, _blockHeight, transaction, outcome.Memos, outcome.Logs, outcome.TokenMoves, null);
            return true;
        }

        if (!skipPreflight)
        {
            throw Preflight(refusal, refusal.ToString(), outcome.Logs);
        }

        // Landed with an error: only the fee is charged (a transaction that cannot pay it is dropped).
        var payer = transaction.Message.FeePayer;
        if (_lamports.GetValueOrDefault(payer) < FeeLamports)
        {
            return false;
        }

        _lamports[payer] -= FeeLamports;
        _processed[signature] = new ProcessedTransaction(signature, _blockHeight, transaction, [], outcome.Logs, [], refusal);
        return true;
    }

    /// <summary>
    /// Executes on a copy of the state (with the same code and guard checks as <see cref="Submit"/>) and returns the outcome and the
    /// resulting accounts; nothing changes. Unless <paramref name="replaceRecentBlockhash"/>, an unknown or expired blockhash
    /// fails with <c>BlockhashNotFound</c> as on a cluster.
    /// </summary>
    public (ExecutionOutcome Outcome, Func<PublicKey, (ulong Lamports, TokenAccount? Token)> After, string? ReplacementBlockhash, long LastValidBlockHeight) Simulate(Transaction transaction, bool replaceRecentBlockhash)
    {
        lock (_gate)
        {
            var state = Snapshot();
            var replacement = replaceRecentBlockhash ? _blockhash : null;
            var lastValid = _blockhashExpiry[_blockhash];
            if (!replaceRecentBlockhash && (!_blockhashExpiry.TryGetValue(transaction.Message.RecentBlockhash, out var expiry) || expiry < _blockHeight))
            {
                return (ExecutionOutcome.Fail(LedgerError.Named("BlockhashNotFound"), []), state.Read, null, lastValid);
            }

            var outcome = Execute(transaction, state);
            if (outcome.Error is null && Guard is { } guard && guard.Check(outcome).Error is { } refusal)
            {
                outcome = outcome with { Error = refusal };
            }

            return (outcome, state.Read, replacement, lastValid);
        }
    }

    private static LedgerException Preflight(LedgerError error, string reason, IReadOnlyList<string> logs) =>
        new(-32002, $"Transaction simulation failed: {reason}", error, logs);

    private static long Depth(LedgerCommitment commitment) => commitment switch
    {
        LedgerCommitment.Finalized => FinalizedDepth,
        LedgerCommitment.Confirmed => 1,
        _ => 0,
    };

    private State Snapshot() => new(new Dictionary<PublicKey, ulong>(_lamports), new Dictionary<PublicKey, TokenAccount>(_tokens));

    private void Commit(State state)
    {
        foreach (var (key, value) in state.Lamports)
        {
            _lamports[key] = value;
        }

        foreach (var (key, value) in state.Tokens)
        {
            _tokens[key] = value;
        }
    }

    private static string NewBlockhash() => Base58.Encode(RandomNumberGenerator.GetBytes(32));

    private sealed record State(Dictionary<PublicKey, ulong> Lamports, Dictionary<PublicKey, TokenAccount> Tokens)
    {
        public (ulong Lamports, TokenAccount? Token) Read(PublicKey key) =>
            (Lamports.GetValueOrDefault(key), Tokens.TryGetValue(key, out var token) ? token : null);
    }
}
