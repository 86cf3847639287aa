// A hostile Attentium server's corpus: server-built transactions for an agent to sign, made with @solana/web3.js and
// @solana/spl-token the way a server (or an attacker controlling one) would build them. Test-only: the SDK's inspector must
// accept the honest ones and refuse the rest; the tests then run what can execute on the LiteSVM localnet to show where the
// funds would really go. Every case has its own fresh agent, so cases that break an agent (Assign, SetAuthority) stay apart.
// stdin: {} (ignored)
// stdout: {"usdcMint","otherMint","token2022Mint","campaignId","invoice","cases":[{name, flow, statedAmount, agentSecret,
//          extraSigners, escrowProgram, escrowIsToken, expect, execute, setup, effect, transaction}]}
// The blockhash is a placeholder: the test stamps the localnet's current one before inspecting and signing.
import {
  AddressLookupTableAccount, ComputeBudgetProgram, Keypair, Message, PublicKey, SystemProgram,
  TransactionInstruction, TransactionMessage, VersionedTransaction,
} from '@solana/web3.js';
import {
  AuthorityType, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, createApproveInstruction, createAssociatedTokenAccountIdempotentInstruction,
  createCloseAccountInstruction, createSetAuthorityInstruction, createTransferCheckedInstruction, createTransferInstruction,
  getAssociatedTokenAddressSync,
} from '@solana/spl-token';
import bs58 from 'bs58';

const MEMO = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
const MEMO_V1 = new PublicKey('Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo');
const CAMPAIGN = 'cmp_corpus_7f3a';
const INVOICE = 25_000_000n; // 25 USDC
const STATED = 5_000_000n; // a refund of 5 USDC
const SOL = 1_000_000_000n;
const usdcMint = Keypair.generate().publicKey;
const otherMint = Keypair.generate().publicKey;
const token2022Mint = Keypair.generate().publicKey;
const escrowProgram = Keypair.generate().publicKey;
const placeholder = bs58.encode(Keypair.generate().publicKey.toBytes());

const ata = (owner, mint = usdcMint, program = TOKEN_PROGRAM_ID) => getAssociatedTokenAddressSync(mint, owner, true, program);
const memo = (text, program = MEMO) => new TransactionInstruction({ programId: program, keys: [], data: Buffer.from(text, 'utf8') });
const escrowPda = (agent, program) => PublicKey.findProgramAddressSync([Buffer.from('escrow'), agent.toBuffer()], program)[0];
const b58 = (key) => key.toBase58();

function compile(payer, instructions, { v0 = false, tables = [], mutate } = {}) {
  const message = new TransactionMessage({ payerKey: payer, recentBlockhash: placeholder, instructions });
  const compiled = v0 ? message.compileToV0Message(tables) : message.compileToLegacyMessage();
  if (mutate) mutate(compiled);
  return Buffer.from(new VersionedTransaction(compiled).serialize()).toString('base64');
}

function table(addresses) {
  const key = Keypair.generate().publicKey;
  return new AddressLookupTableAccount({
    key,
    state: { deactivationSlot: 2n ** 64n - 1n, lastExtendedSlot: 0, lastExtendedSlotStartIndex: 0, authority: undefined, addresses },
  });
}

const cases = [];
function add(name, build) {
  const agent = Keypair.generate();
  const server = Keypair.generate();
  const attacker = Keypair.generate().publicKey;
  const treasury = Keypair.generate().publicKey;
  const ctx = {
    agent: agent.publicKey, server: server.publicKey, attacker, treasury,
    agentUsdc: ata(agent.publicKey), treasuryUsdc: ata(treasury), attackerUsdc: ata(attacker),
    vault: ata(escrowPda(agent.publicKey, escrowProgram)),
    tokenVault: ata(escrowPda(agent.publicKey, TOKEN_PROGRAM_ID)),
    serverUsdc: ata(server.publicKey),
    pay: (destination, amount = INVOICE) => createTransferCheckedInstruction(ata(agent.publicKey), usdcMint, destination, agent.publicKey, amount, 6),
  };
  const built = build(ctx);
  const setup = [
    { op: 'airdrop', address: b58(agent.publicKey), lamports: String(2n * SOL) },
    { op: 'token', owner: b58(agent.publicKey), mint: b58(usdcMint), amount: '100000000' },
    { op: 'token', owner: b58(treasury), mint: b58(usdcMint), amount: '0' },
    { op: 'token', owner: b58(attacker), mint: b58(usdcMint), amount: '0' },
    { op: 'token', owner: b58(escrowPda(agent.publicKey, escrowProgram)), mint: b58(usdcMint), amount: '0' },
    { op: 'token', owner: b58(escrowPda(agent.publicKey, TOKEN_PROGRAM_ID)), mint: b58(usdcMint), amount: '0' },
    { op: 'token', owner: b58(server.publicKey), mint: b58(usdcMint), amount: '50000000' },
    { op: 'airdrop', address: b58(server.publicKey), lamports: String(SOL) },
    ...(built.setup ?? []),
  ];
  cases.push({
    name,
    flow: built.flow ?? 'payment',
    statedAmount: String(built.flow === 'refund' ? (built.stated ?? STATED) : 0n),
    agentSecret: bs58.encode(agent.secretKey),
    extraSigners: [...(built.serverSigns ? [server] : []), ...(built.signers ?? [])].map((k) => bs58.encode(k.secretKey)),
    treasury: b58(treasury),
    escrowIsToken: built.escrowIsToken ?? false,
    expect: built.expect,
    execute: built.execute ?? false,
    effect: built.effect ?? null,
    setup,
    transaction: built.transaction,
  });
}

const honest = (c, destination) => [c.pay(destination), memo(CAMPAIGN)];
const gain = (account, amount) => ({ kind: 'tokenGain', account: b58(account), amount: String(amount) });
const refund = (c, destination, amount = STATED) =>
  createTransferCheckedInstruction(c.serverUsdc, usdcMint, destination, c.server, amount, 6);

// ---- honest payments and refunds: accepted ----
add('honest-memo-flow-payment-legacy', (c) => ({ expect: 'Accepted', execute: true, effect: gain(c.treasuryUsdc, INVOICE),
  transaction: compile(c.agent, [ComputeBudgetProgram.setComputeUnitLimit({ units: 60_000 }), ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 5_000 }), ...honest(c, c.treasuryUsdc)]) }));
add('honest-escrow-vault-deposit-v0', (c) => ({ expect: 'Accepted', execute: true, effect: gain(c.vault, INVOICE),
  transaction: compile(c.agent, honest(c, c.vault), { v0: true }) }));
add('honest-refund-co-signed', (c) => ({ flow: 'refund', expect: 'Accepted', execute: true, serverSigns: true, effect: gain(c.agentUsdc, STATED),
  transaction: compile(c.agent, [refund(c, c.agentUsdc)]) }));

// ---- wrong recipient ----
add('right-amount-and-memo-to-attacker', (c) => ({ expect: 'RecipientNotProven', execute: true, effect: gain(c.attackerUsdc, INVOICE),
  transaction: compile(c.agent, honest(c, c.attackerUsdc)) }));
add('attacker-transfer-beside-an-escrow-instruction', (c) => ({ expect: 'RecipientNotProven',
  transaction: compile(c.agent, [new TransactionInstruction({ programId: escrowProgram, keys: [{ pubkey: c.agent, isSigner: true, isWritable: true }], data: Buffer.alloc(16) }), ...honest(c, c.attackerUsdc)]) }));
add('attacker-transfer-inside-an-opaque-escrow-instruction', (c) => ({ expect: 'RecipientNotProven', escrowIsToken: true, execute: true, effect: gain(c.attackerUsdc, INVOICE),
  transaction: compile(c.agent, honest(c, c.attackerUsdc)) }));
add('another-agents-escrow-vault', (c) => ({ expect: 'RecipientNotProven', execute: true, effect: gain(ata(escrowPda(c.server, escrowProgram)), INVOICE),
  setup: [{ op: 'token', owner: b58(escrowPda(c.server, escrowProgram)), mint: b58(usdcMint), amount: '0' }],
  transaction: compile(c.agent, honest(c, ata(escrowPda(c.server, escrowProgram)))) }));
add('unchecked-transfer-to-attacker', (c) => ({ expect: 'RecipientNotProven', execute: true, effect: gain(c.attackerUsdc, INVOICE),
  transaction: compile(c.agent, [createTransferInstruction(c.agentUsdc, c.attackerUsdc, c.agent, INVOICE), memo(CAMPAIGN)]) }));
add('transfer-with-trailing-bytes-to-attacker', (c) => {
  const ix = c.pay(c.attackerUsdc);
  ix.data = Buffer.concat([ix.data, Buffer.from([0xde, 0xad])]);
  return { expect: 'RecipientNotProven', execute: true, effect: gain(c.attackerUsdc, INVOICE), transaction: compile(c.agent, [ix, memo(CAMPAIGN)]) };
});
add('split-payment-half-to-attacker', (c) => ({ expect: 'RecipientNotProven',
  transaction: compile(c.agent, [c.pay(c.treasuryUsdc, INVOICE / 2n), c.pay(c.attackerUsdc, INVOICE / 2n), memo(CAMPAIGN)]) }));
add('agent-pays-rent-for-attacker-account', (c) => ({ expect: 'RecipientNotProven',
  transaction: compile(c.agent, [createAssociatedTokenAccountIdempotentInstruction(c.agent, ata(c.attacker, otherMint), c.attacker, otherMint), ...honest(c, c.treasuryUsdc)]) }));

// ---- the server sets the price ----
add('inflated-invoice-to-treasury', (c) => ({ expect: 'UsdcOutflowTooHigh', execute: true, effect: gain(c.treasuryUsdc, 30_000_000n),
  transaction: compile(c.agent, [c.pay(c.treasuryUsdc, 30_000_000n), memo(CAMPAIGN)]) }));
add('two-transfers-above-the-invoice', (c) => ({ expect: 'UsdcOutflowTooHigh',
  transaction: compile(c.agent, [c.pay(c.treasuryUsdc, 20_000_000n), c.pay(c.vault, 20_000_000n), memo(CAMPAIGN)]) }));

// ---- compute budget ----
add('unit-price-with-a-trailing-byte', (c) => {
  const price = ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 1_000_000_000_000n });
  price.data = Buffer.concat([price.data, Buffer.from([0])]);
  return { expect: 'PriorityFeeTooHigh', transaction: compile(c.agent, [price, ...honest(c, c.treasuryUsdc)]) };
});
add('unit-price-u64-max', (c) => ({ expect: 'PriorityFeeTooHigh',
  transaction: compile(c.agent, [ComputeBudgetProgram.setComputeUnitLimit({ units: 1_400_000 }), ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 2n ** 64n - 1n }), ...honest(c, c.treasuryUsdc)]) }));
add('unit-price-set-twice', (c) => ({ expect: 'UndecodableInstruction',
  transaction: compile(c.agent, [ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 1 }), ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 1_000_000_000 }), ...honest(c, c.treasuryUsdc)]) }));
add('compute-budget-unknown-tag', (c) => ({ expect: 'UndecodableInstruction',
  transaction: compile(c.agent, [new TransactionInstruction({ programId: ComputeBudgetProgram.programId, keys: [], data: Buffer.from([7, 1, 0, 0, 0]) }), ...honest(c, c.treasuryUsdc)]) }));

// ---- replay ----
add('durable-nonce-owned-by-the-server', (c) => {
  const nonce = Keypair.generate().publicKey;
  return { expect: 'DurableNonce',
    transaction: compile(c.agent, [SystemProgram.nonceAdvance({ noncePubkey: nonce, authorizedPubkey: c.server }), ...honest(c, c.treasuryUsdc)]) };
});
add('durable-nonce-not-first', (c) => ({ expect: 'DurableNonce', serverSigns: true,
  transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), SystemProgram.nonceAdvance({ noncePubkey: Keypair.generate().publicKey, authorizedPubkey: c.server })]) }));

// ---- SOL ----
add('sol-transfer-to-attacker', (c) => ({ expect: 'RecipientNotProven', execute: true, effect: { kind: 'lamportsGain', account: b58(c.attacker), amount: String(SOL / 2n) },
  transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), SystemProgram.transfer({ fromPubkey: c.agent, toPubkey: c.attacker, lamports: Number(SOL / 2n) })]) }));
add('sol-via-create-account', (c) => {
  const created = Keypair.generate();
  return { expect: 'RecipientNotProven', signers: [created], execute: true, effect: { kind: 'lamportsGain', account: b58(created.publicKey), amount: String(SOL / 2n) },
    transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), SystemProgram.createAccount({ fromPubkey: c.agent, newAccountPubkey: created.publicKey, lamports: Number(SOL / 2n), space: 0, programId: c.attacker })]) };
});
add('assign-the-agent-to-the-token-program', (c) => ({ expect: 'ForbiddenSystemInstruction', execute: true, effect: { kind: 'accountOwner', account: b58(c.agent), owner: b58(TOKEN_PROGRAM_ID) },
  transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), SystemProgram.assign({ accountPubkey: c.agent, programId: TOKEN_PROGRAM_ID })]) }));
add('allocate-data-on-the-agent', (c) => ({ expect: 'ForbiddenSystemInstruction',
  transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), SystemProgram.allocate({ accountPubkey: c.agent, space: 100 })]) }));

// ---- authority over the agent's token accounts ----
add('approve-attacker-beside-the-payment', (c) => ({ expect: 'ForbiddenTokenInstruction', execute: true, effect: { kind: 'tokenDelegate', account: b58(c.agentUsdc), delegate: b58(c.attacker) },
  transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), createApproveInstruction(c.agentUsdc, c.attacker, c.agent, 2n ** 64n - 1n)]) }));
add('set-owner-of-the-agents-usdc-account', (c) => ({ expect: 'ForbiddenTokenInstruction', execute: true, effect: { kind: 'tokenOwner', account: b58(c.agentUsdc), owner: b58(c.attacker) },
  transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), createSetAuthorityInstruction(c.agentUsdc, c.agent, AuthorityType.AccountOwner, c.attacker)]) }));
add('close-an-agent-token-account-to-the-attacker', (c) => ({ expect: 'ForbiddenTokenInstruction', execute: true,
  setup: [{ op: 'token', owner: b58(c.agent), mint: b58(otherMint), amount: '0' }],
  effect: { kind: 'missing', account: b58(ata(c.agent, otherMint)) },
  transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), createCloseAccountInstruction(ata(c.agent, otherMint), c.attacker, c.agent)]) }));

// ---- address lookup tables, duplicate keys, signer/writable confusion ----
add('lookup-table-substitutes-the-destination', (c) => {
  const t = table([c.attackerUsdc, usdcMint]);
  return { expect: 'RecipientNotProven', execute: true, effect: gain(c.attackerUsdc, INVOICE),
    setup: [{ op: 'lookupTable', address: b58(t.key), addresses: t.state.addresses.map(b58) }],
    transaction: compile(c.agent, honest(c, c.attackerUsdc), { v0: true, tables: [t] }) };
});
add('lookup-table-hides-the-agents-usdc-account', (c) => {
  const t = table([c.agentUsdc, c.treasuryUsdc]);
  return { expect: 'UsdcOutflowTooHigh', execute: true, effect: gain(c.treasuryUsdc, 40_000_000n),
    setup: [{ op: 'lookupTable', address: b58(t.key), addresses: t.state.addresses.map(b58) }],
    transaction: compile(c.agent, [c.pay(c.treasuryUsdc, 40_000_000n), memo(CAMPAIGN)], { v0: true, tables: [t] }) };
});
add('lookup-table-that-does-not-exist', (c) => ({ expect: 'LookupTableUnresolved',
  transaction: compile(c.agent, honest(c, c.treasuryUsdc), { v0: true, tables: [table([c.treasuryUsdc])] }) }));
add('duplicate-account-keys', (c) => ({ expect: 'Malformed',
  transaction: compile(c.agent, honest(c, c.treasuryUsdc), { mutate: (m) => {
    const i = m.accountKeys.findIndex((k) => k.equals(c.treasuryUsdc));
    const j = m.accountKeys.findIndex((k) => k.equals(c.agentUsdc));
    m.accountKeys[i] = m.accountKeys[j];
  } }) }));
add('server-pays-the-fee-agent-signs-second', (c) => ({ expect: 'AgentNotFeePayer', serverSigns: true,
  transaction: compile(c.server, honest(c, c.treasuryUsdc)) }));
add('destination-marked-read-only', (c) => {
  const ix = c.pay(c.treasuryUsdc);
  ix.keys[2].isWritable = false;
  return { expect: 'SimulationFailed', transaction: compile(c.agent, [ix, memo(CAMPAIGN)]) };
});

// ---- other tokens and programs ----
add('token-2022-transfer', (c) => ({ expect: 'UnexpectedToken', execute: true,
  setup: [{ op: 'token', owner: b58(c.agent), mint: b58(token2022Mint), amount: '100000000' }, { op: 'token', owner: b58(c.treasury), mint: b58(token2022Mint), amount: '0' }],
  effect: gain(ata(c.treasury, token2022Mint, TOKEN_2022_PROGRAM_ID), INVOICE),
  transaction: compile(c.agent, [createTransferCheckedInstruction(ata(c.agent, token2022Mint, TOKEN_2022_PROGRAM_ID), token2022Mint, ata(c.treasury, token2022Mint, TOKEN_2022_PROGRAM_ID), c.agent, INVOICE, 6, [], TOKEN_2022_PROGRAM_ID), memo(CAMPAIGN)]) }));
add('another-mint-with-usdc-decimals', (c) => ({ expect: 'UnexpectedToken',
  setup: [{ op: 'token', owner: b58(c.agent), mint: b58(otherMint), amount: '100000000' }],
  transaction: compile(c.agent, [createTransferCheckedInstruction(ata(c.agent, otherMint), otherMint, ata(c.treasury, otherMint), c.agent, INVOICE, 6), memo(CAMPAIGN)]) }));
add('usdc-with-wrong-decimals', (c) => ({ expect: 'UnexpectedToken',
  transaction: compile(c.agent, [createTransferCheckedInstruction(c.agentUsdc, usdcMint, c.treasuryUsdc, c.agent, INVOICE, 9), memo(CAMPAIGN)]) }));
add('unknown-program-with-the-agent-as-signer', (c) => ({ expect: 'ProgramNotAllowed',
  transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), new TransactionInstruction({ programId: c.attacker, keys: [{ pubkey: c.agent, isSigner: true, isWritable: true }], data: Buffer.from([1]) })]) }));

// ---- memos ----
add('extra-memo-with-other-text', (c) => ({ expect: 'MemoMismatch', transaction: compile(c.agent, [...honest(c, c.treasuryUsdc), memo('refund to 9xQeWvG8')]) }));
add('memo-v1-for-another-campaign', (c) => ({ expect: 'MemoMismatch', transaction: compile(c.agent, [c.pay(c.treasuryUsdc), memo('cmp_other', MEMO_V1)]) }));
add('no-memo', (c) => ({ expect: 'MemoMissing', transaction: compile(c.agent, [c.pay(c.treasuryUsdc)]) }));

// ---- refunds and claims ----
add('refund-sent-elsewhere', (c) => ({ flow: 'refund', expect: 'RecipientNotProven', serverSigns: true, execute: true, effect: gain(c.attackerUsdc, STATED),
  transaction: compile(c.agent, [refund(c, c.attackerUsdc)]) }));
add('refund-short-of-the-stated-amount', (c) => ({ flow: 'refund', expect: 'RecipientNotProven', serverSigns: true,
  transaction: compile(c.agent, [refund(c, c.agentUsdc, 1_000_000n)]) }));
add('refund-with-approve-for-attacker', (c) => ({ flow: 'refund', expect: 'ForbiddenTokenInstruction', serverSigns: true, execute: true,
  effect: { kind: 'tokenDelegate', account: b58(c.agentUsdc), delegate: b58(c.attacker) },
  transaction: compile(c.agent, [refund(c, c.agentUsdc), createApproveInstruction(c.agentUsdc, c.attacker, c.agent, 2n ** 64n - 1n)]) }));
add('refund-with-opaque-set-authority', (c) => ({ flow: 'refund', expect: 'AuthorityChanged', serverSigns: true, escrowIsToken: true, execute: true,
  effect: { kind: 'tokenOwner', account: b58(c.agentUsdc), owner: b58(c.attacker) },
  transaction: compile(c.agent, [refund(c, c.agentUsdc), createSetAuthorityInstruction(c.agentUsdc, c.agent, AuthorityType.AccountOwner, c.attacker)]) }));
add('refund-with-opaque-approve', (c) => ({ flow: 'refund', expect: 'AuthorityChanged', serverSigns: true, escrowIsToken: true,
  transaction: compile(c.agent, [refund(c, c.agentUsdc), createApproveInstruction(c.agentUsdc, c.attacker, c.agent, 1n)]) }));
add('refund-that-takes-sol', (c) => ({ flow: 'refund', expect: 'RecipientNotProven', serverSigns: true,
  transaction: compile(c.agent, [refund(c, c.agentUsdc), SystemProgram.transfer({ fromPubkey: c.agent, toPubkey: c.attacker, lamports: 1n })]) }));
add('claim-that-assigns-the-agent', (c) => ({ flow: 'refund', expect: 'ForbiddenSystemInstruction', serverSigns: true,
  transaction: compile(c.agent, [refund(c, c.agentUsdc), SystemProgram.assign({ accountPubkey: c.agent, programId: c.attacker })]) }));

process.stdout.write(JSON.stringify({
  usdcMint: b58(usdcMint), otherMint: b58(otherMint), token2022Mint: b58(token2022Mint), escrowProgram: b58(escrowProgram),
  campaignId: CAMPAIGN, invoice: String(INVOICE), cases,
}));
