using Attentium.Solana;

namespace Attention.Sandbox.Solana;

internal sealed partial class SandboxLedger
{
    private static ExecutionOutcome Execute(Transaction transaction, State state)
    {
        var message = transaction.Message;
        var logs = new List<string>();
        var memos = new List<string>();
        var moves = new List<TokenMove>();
        if (message.AddressTableLookups.Count > 0)
        {
            return ExecutionOutcome.Fail(LedgerError.Named("AddressLookupTableNotFound"), logs);
        }

        var signers = message.RequiredSigners.ToHashSet();
        var feePayer = message.FeePayer;
        if (state.Lamports.GetValueOrDefault(feePayer) < FeeLamports)
        {
            return ExecutionOutcome.Fail(LedgerError.Named("InsufficientFundsForFee"), logs);
        }

        state.Lamports[feePayer] -= FeeLamports;
        var index = 0;
        foreach (var instruction in message.DecompileInstructions())
        {
            logs.Add($"Program {instruction.ProgramId} invoke [1]");
            var failure = ExecuteInstruction(instruction, signers, state, memos, moves, logs);
            for (var i = 0; i < moves.Count; i++)
            {
                moves[i] = moves[i] with { Instruction = moves[i].Instruction < 0 ? index : moves[i].Instruction };
            }

            if (failure is not null)
            {
                logs.Add($"Program {instruction.ProgramId} failed: {failure}");
                return ExecutionOutcome.Fail(LedgerError.InInstruction(index, failure), logs);
            }

            logs.Add($"Program {instruction.ProgramId} success");
            index++;
        }

        return new ExecutionOutcome(null, logs, memos, moves);
    }

    private static InstructionFailure? ExecuteInstruction(TransactionInstruction instruction, HashSet<PublicKey> signers, State state, List<string> memos, List<TokenMove> moves, List<string> logs)
    {
        var program = instruction.ProgramId;
        if (program == PublicKey.ComputeBudgetProgram)
        {
            return null;
        }

        if (program == SandboxEscrowProgram.ProgramId)
        {
            return ExecuteEscrow(instruction, signers, state, moves, logs);
        }

        if (MemoInstructions.IsMemoProgram(program))
        {
            if (!MemoInstructions.TryGetText(instruction, out var text))
            {
                return InstructionFailure.Named("InvalidInstructionData");
            }

            if (instruction.Accounts.Any(a => !signers.Contains(a.PublicKey)))
            {
                return InstructionFailure.Named("MissingRequiredSignature");
            }

            memos.Add(text);
            logs.Add($"Program log: Memo (len {text.Length}): \"{text}\"");
            return null;
        }

        if (program == PublicKey.SystemProgram)
        {
            return ExecuteSystem(instruction, signers, state);
        }

        if (program == PublicKey.AssociatedTokenProgram)
        {
            return ExecuteCreateAssociated(instruction, signers, state);
        }

        return program == PublicKey.TokenProgram
            ? ExecuteTokenTransfer(instruction, signers, state, moves)
            : InstructionFailure.Named("UnsupportedProgramId");
    }

    private static InstructionFailure? ExecuteSystem(TransactionInstruction instruction, HashSet<PublicKey> signers, State state)
    {
        if (!SystemInstructions.TryGetLamportsMoved(instruction, out var funder, out var lamports) || funder is null || instruction.Accounts.Count < 2)
        {
            return InstructionFailure.Named("InvalidInstructionData");
        }

        if (!signers.Contains(funder))
        {
            return InstructionFailure.Named("MissingRequiredSignature");
        }

        if (state.Lamports.GetValueOrDefault(funder) < lamports)
        {
            return InstructionFailure.Custom(1);
        }

        var to = instruction.Accounts[1].PublicKey;
        state.Lamports[funder] -= lamports;
        state.Lamports[to] = state.Lamports.GetValueOrDefault(to) + lamports;
        return null;
    }

    private static InstructionFailure? ExecuteCreateAssociated(TransactionInstruction instruction, HashSet<PublicKey> signers, State state)
    {
        if (!AssociatedTokenInstructions.TryDecodeCreate(instruction, out var create))
        {
            return InstructionFailure.Named("InvalidInstructionData");
        }

        if (create.TokenProgram != PublicKey.TokenProgram || PublicKey.GetAssociatedTokenAddress(create.Owner, create.Mint) != create.Account)
        {
            return InstructionFailure.Named("InvalidSeeds");
        }

        if (state.Tokens.ContainsKey(create.Account))
        {
            return create.Idempotent ? null : InstructionFailure.Custom(0);
        }

        if (!signers.Contains(create.Funder) || state.Lamports.GetValueOrDefault(create.Funder) < RentExemptTokenAccount)
        {
            return InstructionFailure.Named("InsufficientFunds");
        }

        state.Lamports[create.Funder] -= RentExemptTokenAccount;
        state.Lamports[create.Account] = RentExemptTokenAccount;
        state.Tokens[create.Account] = new TokenAccount(create.Mint, create.Owner, 0);
        return null;
    }

    private static InstructionFailure? ExecuteTokenTransfer(TransactionInstruction instruction, HashSet<PublicKey> signers, State state, List<TokenMove> moves)
    {
        if (!TokenInstructions.TryDecodeTransfer(instruction, out var transfer))
        {
            return InstructionFailure.Named("InvalidInstructionData");
        }

        if (!state.Tokens.TryGetValue(transfer.Source, out var source) || !state.Tokens.TryGetValue(transfer.Destination, out var destination))
        {
            return InstructionFailure.Named("InvalidAccountData");
        }

        if (source.Owner != transfer.Authority)
        {
            return InstructionFailure.Custom(4);
        }

        if (!signers.Contains(transfer.Authority))
        {
            return InstructionFailure.Named("MissingRequiredSignature");
        }

        if (source.Mint != destination.Mint || (transfer.Mint is { } mint && mint != source.Mint))
        {
            return InstructionFailure.Custom(3);
        }

        if (transfer.Decimals is { } decimals && decimals != 6)
        {
            return InstructionFailure.Custom(18);
        }

        return Move(state, moves, transfer.Source, transfer.Destination, transfer.Authority, transfer.Amount, fromEscrow: false);
    }

    /// <summary>
    /// <c>deposit_escrow</c> moves USDC from the agent's account into its escrow vault; <c>withdraw_escrow</c> moves it back,
    /// the escrow PDA signing by program authority. Every account must be the one derived for the agent; nothing is created.
    /// Which withdrawals are owed is the program's bookkeeping (<see cref="ILedgerGuard"/>), checked before commit.
    /// </summary>
    private static InstructionFailure? ExecuteEscrow(TransactionInstruction instruction, HashSet<PublicKey> signers, State state, List<TokenMove> moves, List<string> logs)
    {
        if (!SandboxEscrowProgram.TryDecode(instruction, out var isDeposit, out var amount))
        {
            return InstructionFailure.Named("InvalidInstructionData");
        }

        var accounts = instruction.Accounts;
        if (accounts.Count < 6)
        {
            return InstructionFailure.Named("NotEnoughAccountKeys");
        }

        var agent = accounts[0].PublicKey;
        var mint = accounts[4].PublicKey;
        if (!signers.Contains(agent))
        {
            return InstructionFailure.Named("MissingRequiredSignature");
        }

        var agentAccount = PublicKey.GetAssociatedTokenAddress(agent, mint);
        var escrow = SandboxEscrowProgram.EscrowAddress(agent);
        var vault = PublicKey.GetAssociatedTokenAddress(escrow, mint);
        if (accounts[5].PublicKey != PublicKey.TokenProgram)
        {
            return InstructionFailure.Named("IncorrectProgramId");
        }

        if (accounts[1].PublicKey != agentAccount || accounts[2].PublicKey != escrow || accounts[3].PublicKey != vault)
        {
            return InstructionFailure.Named("InvalidSeeds");
        }

        if (!state.Tokens.TryGetValue(agentAccount, out var from) || !state.Tokens.TryGetValue(vault, out var to) || from.Mint != mint || to.Mint != mint)
        {
            return InstructionFailure.Named("InvalidAccountData");
        }

        logs.Add($"Program log: Instruction: {(isDeposit ? "DepositEscrow" : "WithdrawEscrow")}");
        return isDeposit
            ? Move(state, moves, agentAccount, vault, agent, amount, fromEscrow: false)
            : Move(state, moves, vault, agentAccount, escrow, amount, fromEscrow: true);
    }

    private static InstructionFailure? Move(State state, List<TokenMove> moves, PublicKey from, PublicKey to, PublicKey authority, ulong amount, bool fromEscrow)
    {
        var source = state.Tokens[from];
        if (source.Amount < amount)
        {
            return InstructionFailure.Custom(1);
        }

        state.Tokens[from] = source with { Amount = source.Amount - amount };
        var destination = state.Tokens[to];
        state.Tokens[to] = destination with { Amount = destination.Amount + amount };
        moves.Add(new TokenMove(from, to, authority, amount, fromEscrow, Instruction: -1));
        return null;
    }
}
