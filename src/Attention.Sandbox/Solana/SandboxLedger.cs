using System.Security.Cryptography;
using Attentium.Solana;

namespace Attention.Sandbox.Solana;

/// <summary>
/// A small in-memory Solana ledger for the sandbox: lamports, SPL token accounts, a rotating recent blockhash with a
/// block height, and execution of the instructions the Attentium flows use (System transfer, SPL Token Transfer and
/// TransferChecked, associated token account creation, Memo, Compute Budget). Transactions are checked the way a
/// validator checks them: every required signature verified, the blockhash known and not expired, the same signature
/// never processed twice, all-or-nothing execution.
/// </summary>
internal sealed class SandboxLedger
{
    public const ulong FeeLamports = 5_000;
    public const ulong RentExemptTokenAccount = 2_039_280;
    private const int BlockhashLifetime = 150;

    private readonly object _gate = new();
    private readonly Dictionary<PublicKey, ulong> _lamports = [];
    private readonly Dictionary<PublicKey, TokenAccount> _tokens = [];
    private readonly Dictionary<string, long> _blockhashExpiry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcessedTransaction> _processed = new(StringComparer.Ordinal);
    private string _blockhash = NewBlockhash();

    /// <summary>Called inside the ledger's lock before a transaction's effects are committed; a non-null answer refuses it with that error.</summary>
    public Func<Transaction, ExecutionOutcome, string?>? BeforeCommit { get; set; }

    public SandboxLedger()
    {
        _blockhashExpiry[_blockhash] = BlockhashLifetime;
        Mint = Keypair.Generate().PublicKey;
    }

    /// <summary>The sandbox's USDC-like mint (6 decimals, SPL Token program).</summary>
    public PublicKey Mint { get; }

    public long BlockHeight { get; private set; }

    public long Slot => BlockHeight;

    /// <summary>Advances one block; every 20 blocks a new blockhash becomes the latest.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            BlockHeight++;
            if (BlockHeight % 20 == 0)
            {
                _blockhash = NewBlockhash();
                _blockhashExpiry[_blockhash] = BlockHeight + BlockhashLifetime;
            }
        }
    }

    public (string Blockhash, long LastValidBlockHeight) LatestBlockhash()
    {
        lock (_gate)
        {
            return (_blockhash, _blockhashExpiry[_blockhash]);
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

    public void Airdrop(PublicKey key, ulong lamports)
    {
        lock (_gate)
        {
            _lamports[key] = _lamports.GetValueOrDefault(key) + lamports;
        }
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

        return address;
    }

    public int CountWithMemo(string memo)
    {
        lock (_gate)
        {
            return _processed.Values.Count(p => p.Memos.Contains(memo, StringComparer.Ordinal));
        }
    }

    public ProcessedTransaction? GetProcessed(string signature)
    {
        lock (_gate)
        {
            return _processed.TryGetValue(signature, out var processed) ? processed : null;
        }
    }

    /// <summary>Checks and executes a transaction; returns its signature, or throws <see cref="LedgerException"/> with the error.</summary>
    public string Submit(Transaction transaction)
    {
        var signature = transaction.Signature ?? throw new LedgerException(-32003, "Transaction signature verification failure: the fee payer has not signed", "SignatureFailure");
        if (!transaction.VerifySignatures(requireAll: true))
        {
            throw new LedgerException(-32003, "Transaction signature verification failure", "SignatureFailure");
        }

        lock (_gate)
        {
            if (_processed.ContainsKey(signature))
            {
                return signature;
            }

            var blockhash = transaction.Message.RecentBlockhash;
            if (!_blockhashExpiry.TryGetValue(blockhash, out var expiry) || expiry < BlockHeight)
            {
                throw new LedgerException(-32002, "Transaction simulation failed: Blockhash not found", "BlockhashNotFound");
            }

            var state = new State(new Dictionary<PublicKey, ulong>(_lamports), new Dictionary<PublicKey, TokenAccount>(_tokens));
            var outcome = Execute(transaction, state);
            var refusal = outcome.Error ?? BeforeCommit?.Invoke(transaction, outcome);
            if (refusal is not null)
            {
                throw new LedgerException(-32002, $"Transaction simulation failed: {refusal}", refusal, outcome.Logs);
            }

            foreach (var (key, value) in state.Lamports)
            {
                _lamports[key] = value;
            }

            foreach (var (key, value) in state.Tokens)
            {
                _tokens[key] = value;
            }

            _processed[signature] = new ProcessedTransaction(signature, Slot, transaction, outcome.Memos, outcome.Logs, outcome.TokenMoves);
            return signature;
        }
    }

    /// <summary>Executes on a copy of the state and returns the outcome and the resulting accounts; nothing changes.</summary>
    public (ExecutionOutcome Outcome, Func<PublicKey, (ulong Lamports, TokenAccount? Token)> After) Simulate(Transaction transaction)
    {
        lock (_gate)
        {
            var state = new State(new Dictionary<PublicKey, ulong>(_lamports), new Dictionary<PublicKey, TokenAccount>(_tokens));
            var outcome = Execute(transaction, state);
            return (outcome, key => (state.Lamports.GetValueOrDefault(key), state.Tokens.TryGetValue(key, out var token) ? token : null));
        }
    }

    private static ExecutionOutcome Execute(Transaction transaction, State state)
    {
        var message = transaction.Message;
        var logs = new List<string>();
        var memos = new List<string>();
        var moves = new List<TokenMove>();
        if (message.AddressTableLookups.Count > 0)
        {
            return ExecutionOutcome.Fail("AddressLookupTableNotFound", logs);
        }

        var signers = message.RequiredSigners.ToHashSet();
        var feePayer = message.FeePayer;
        if (state.Lamports.GetValueOrDefault(feePayer) < FeeLamports)
        {
            return ExecutionOutcome.Fail("InsufficientFundsForFee", logs);
        }

        state.Lamports[feePayer] -= FeeLamports;
        var index = 0;
        foreach (var instruction in message.DecompileInstructions())
        {
            logs.Add($"Program {instruction.ProgramId} invoke [1]");
            var error = ExecuteInstruction(instruction, signers, state, memos, moves, logs);
            if (error is not null)
            {
                logs.Add($"Program {instruction.ProgramId} failed: {error}");
                return ExecutionOutcome.Fail($"{{\"InstructionError\":[{index},\"{error}\"]}}", logs);
            }

            logs.Add($"Program {instruction.ProgramId} success");
            index++;
        }

        return new ExecutionOutcome(null, logs, memos, moves);
    }

    private static string? ExecuteInstruction(TransactionInstruction instruction, HashSet<PublicKey> signers, State state, List<string> memos, List<TokenMove> moves, List<string> logs)
    {
        var program = instruction.ProgramId;
        if (program == PublicKey.ComputeBudgetProgram)
        {
            return null;
        }

        if (MemoInstructions.IsMemoProgram(program))
        {
            if (!MemoInstructions.TryGetText(instruction, out var text))
            {
                return "InvalidInstructionData";
            }

            if (instruction.Accounts.Any(a => !signers.Contains(a.PublicKey)))
            {
                return "MissingRequiredSignature";
            }

            memos.Add(text);
            logs.Add($"Program log: Memo (len {text.Length}): \"{text}\"");
            return null;
        }

        if (program == PublicKey.SystemProgram)
        {
            if (!SystemInstructions.TryGetLamportsMoved(instruction, out var funder, out var lamports) || funder is null || instruction.Accounts.Count < 2)
            {
                return "InvalidInstructionData";
            }

            if (!signers.Contains(funder))
            {
                return "MissingRequiredSignature";
            }

            if (state.Lamports.GetValueOrDefault(funder) < lamports)
            {
                return "Custom(1)";
            }

            var to = instruction.Accounts[1].PublicKey;
            state.Lamports[funder] -= lamports;
            state.Lamports[to] = state.Lamports.GetValueOrDefault(to) + lamports;
            return null;
        }

        if (program == PublicKey.AssociatedTokenProgram)
        {
            if (!AssociatedTokenInstructions.TryDecodeCreate(instruction, out var create))
            {
                return "InvalidInstructionData";
            }

            if (create.TokenProgram != PublicKey.TokenProgram || PublicKey.GetAssociatedTokenAddress(create.Owner, create.Mint) != create.Account)
            {
                return "InvalidSeeds";
            }

            if (state.Tokens.ContainsKey(create.Account))
            {
                return create.Idempotent ? null : "Custom(0)";
            }

            if (!signers.Contains(create.Funder) || state.Lamports.GetValueOrDefault(create.Funder) < RentExemptTokenAccount)
            {
                return "InsufficientFunds";
            }

            state.Lamports[create.Funder] -= RentExemptTokenAccount;
            state.Lamports[create.Account] = RentExemptTokenAccount;
            state.Tokens[create.Account] = new TokenAccount(create.Mint, create.Owner, 0);
            return null;
        }

        if (program == PublicKey.TokenProgram)
        {
            if (!TokenInstructions.TryDecodeTransfer(instruction, out var transfer))
            {
                return "InvalidInstructionData";
            }

            if (!state.Tokens.TryGetValue(transfer.Source, out var source) || !state.Tokens.TryGetValue(transfer.Destination, out var destination))
            {
                return "InvalidAccountData";
            }

            if (source.Owner != transfer.Authority)
            {
                return "Custom(4)";
            }

            if (!signers.Contains(transfer.Authority))
            {
                return "MissingRequiredSignature";
            }

            if (source.Mint != destination.Mint || (transfer.Mint is { } mint && mint != source.Mint))
            {
                return "Custom(3)";
            }

            if (transfer.Decimals is { } decimals && decimals != 6)
            {
                return "Custom(18)";
            }

            if (source.Amount < transfer.Amount)
            {
                return "Custom(1)";
            }

            state.Tokens[transfer.Source] = source with { Amount = source.Amount - transfer.Amount };
            destination = state.Tokens[transfer.Destination];
            state.Tokens[transfer.Destination] = destination with { Amount = destination.Amount + transfer.Amount };
            moves.Add(new TokenMove(transfer.Source, transfer.Destination, transfer.Authority, transfer.Amount));
            return null;
        }

        return "UnsupportedProgramId";
    }

    private static string NewBlockhash() => Base58.Encode(RandomNumberGenerator.GetBytes(32));

    private sealed record State(Dictionary<PublicKey, ulong> Lamports, Dictionary<PublicKey, TokenAccount> Tokens);
}

internal sealed record TokenAccount(PublicKey Mint, PublicKey Owner, ulong Amount);

internal sealed record TokenMove(PublicKey Source, PublicKey Destination, PublicKey Authority, ulong Amount);

internal sealed record ProcessedTransaction(string Signature, long Slot, Transaction Transaction, IReadOnlyList<string> Memos, IReadOnlyList<string> Logs, IReadOnlyList<TokenMove> TokenMoves);

internal sealed record ExecutionOutcome(string? Error, IReadOnlyList<string> Logs, IReadOnlyList<string> Memos, IReadOnlyList<TokenMove> TokenMoves)
{
    public static ExecutionOutcome Fail(string error, IReadOnlyList<string> logs) => new(error, logs, [], []);
}

internal sealed class LedgerException(int code, string message, string error, IReadOnlyList<string>? logs = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Error { get; } = error;

    public IReadOnlyList<string> Logs { get; } = logs ?? [];
}
