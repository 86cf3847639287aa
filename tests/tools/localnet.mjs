// A Solana JSON-RPC 2.0 server on 127.0.0.1 backed by LiteSVM, for the SDK's integration tests.
//
//   node localnet.mjs [--port 0] [--tick-ms 100] [--valid-blocks 300]
//
// Prints "LISTENING <port>" as its first stdout line. Serves the standard methods the SDK's SolanaRpcClient uses, with the
// standard request and response shapes and error codes, so the same client works against devnet and mainnet:
// getLatestBlockhash, isBlockhashValid, getBlockHeight, getSlot, sendTransaction, simulateTransaction, getSignatureStatuses, getBalance,
// getAccountInfo, getTokenAccountBalance, requestAirdrop, getHealth, getVersion.
// Test-only methods (prefix localnet_): createMint, setTokenAccount, mintTo, expireBlockhash, createLookupTable,
// getTransactionLogs, getMemos.
//
// LiteSVM has no blocks: the block height is synthesized (one block per tick), and each blockhash gets a
// lastValidBlockHeight of (height when first handed out) + 300. LiteSVM knows only its current blockhash, so the localnet checks
// blockhashes itself: every blockhash handed out is accepted until the block height passes its lastValidBlockHeight (as on a
// real cluster), and the current one is rotated before it would outlive its own; localnet_expireBlockhash rotates it now and
// jumps the block height past every lastValidBlockHeight handed out so far.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { LiteSVM } from 'litesvm';
import { address, getAddressDecoder, getAddressEncoder, getTransactionDecoder, lamports } from '@solana/kit';
import bs58 from 'bs58';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const port = Number(arg('--port', '0'));
const tickMs = Number(arg('--tick-ms', '100'));

const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const TOKEN_2022_PROGRAM = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
const ATA_PROGRAM = 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL';
const LOOKUP_TABLE_PROGRAM = 'AddressLookupTab1e1111111111111111111111111';
// How many blocks a blockhash stays valid after it is first handed out (300 on a cluster). The test fixtures ask for far
// more, so a test that holds a blockhash while a saturated machine runs it slowly never sees it expire by the wall clock;
// expiry is then only what localnet_expireBlockhash does.
const VALID_BLOCKS = BigInt(arg('--valid-blocks', '300'));
// JSON.stringify cannot write u64::MAX exactly; RPC nodes send it as a bare number for rentEpoch.
const U64_MAX_MARKER = '__u64_max__';
// A blockhash is handed out for VALID_BLOCKS - ROTATE_MARGIN blocks (50: a new one every 5 s at the default tick), so each one
// handed out stays valid for at least ROTATE_MARGIN more (25 s at the defaults).
const ROTATE_MARGIN = VALID_BLOCKS > 100n ? VALID_BLOCKS - 50n : VALID_BLOCKS / 2n;

const svm = new LiteSVM().withTransactionHistory(10_000n);
const addressEncoder = getAddressEncoder();
const addressDecoder = getAddressDecoder();
const transactionDecoder = getTransactionDecoder();

let blockHeight = 1000n;
const blockhashExpiry = new Map(); // blockhash -> lastValidBlockHeight
const statuses = new Map(); // signature -> { slot, err }
const transactionLogs = new Map(); // signature -> logs
const tick = setInterval(() => { blockHeight += 1n; }, tickMs);
tick.unref();

class RpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

const invalidParams = (message) => new RpcError(-32602, `Invalid params: ${message}`);

// ---- errors: LiteSVM's error objects to the JSON shapes RPC nodes send ----
const TRANSACTION_ERRORS = ['AccountInUse', 'AccountLoadedTwice', 'AccountNotFound', 'ProgramAccountNotFound', 'InsufficientFundsForFee',
  'InvalidAccountForFee', 'AlreadyProcessed', 'BlockhashNotFound', 'CallChainTooDeep', 'MissingSignatureForFee', 'InvalidAccountIndex',
  'SignatureFailure', 'InvalidProgramForExecution', 'SanitizeFailure', 'ClusterMaintenance', 'AccountBorrowOutstanding',
  'WouldExceedMaxBlockCostLimit', 'UnsupportedVersion', 'InvalidWritableAccount', 'WouldExceedMaxAccountCostLimit',
  'WouldExceedAccountDataBlockLimit', 'TooManyAccountLocks', 'AddressLookupTableNotFound', 'InvalidAddressLookupTableOwner',
  'InvalidAddressLookupTableData', 'InvalidAddressLookupTableIndex', 'InvalidRentPayingAccount', 'WouldExceedMaxVoteCostLimit',
  'WouldExceedAccountDataTotalLimit', 'MaxLoadedAccountsDataSizeExceeded', 'ResanitizationNeeded', 'InvalidLoadedAccountsDataSizeLimit',
  'UnbalancedTransaction', 'ProgramCacheHitMaxLimit', 'CommitCancelled'];
const INSTRUCTION_ERRORS = ['GenericError', 'InvalidArgument', 'InvalidInstructionData', 'InvalidAccountData', 'AccountDataTooSmall',
  'InsufficientFunds', 'IncorrectProgramId', 'MissingRequiredSignature', 'AccountAlreadyInitialized', 'UninitializedAccount',
  'UnbalancedInstruction', 'ModifiedProgramId', 'ExternalAccountLamportSpend', 'ExternalAccountDataModified', 'ReadonlyLamportChange',
  'ReadonlyDataModified', 'DuplicateAccountIndex', 'ExecutableModified', 'RentEpochModified', 'NotEnoughAccountKeys',
  'AccountDataSizeChanged', 'AccountNotExecutable', 'AccountBorrowFailed', 'AccountBorrowOutstanding', 'DuplicateAccountOutOfSync',
  'InvalidError', 'ExecutableDataModified', 'ExecutableLamportChange', 'ExecutableAccountNotRentExempt', 'UnsupportedProgramId',
  'CallDepth', 'MissingAccount', 'ReentrancyNotAllowed', 'MaxSeedLengthExceeded', 'InvalidSeeds', 'InvalidRealloc',
  'ComputationalBudgetExceeded', 'PrivilegeEscalation', 'ProgramEnvironmentSetupFailure', 'ProgramFailedToComplete',
  'ProgramFailedToCompile', 'Immutable', 'IncorrectAuthority', 'AccountNotRentExempt', 'InvalidAccountOwner', 'ArithmeticOverflow',
  'UnsupportedSysvar', 'IllegalOwner', 'MaxAccountsDataAllocationsExceeded', 'MaxAccountsExceeded', 'MaxInstructionTraceLengthExceeded',
  'BuiltinProgramsMustConsumeComputeUnits', 'BorshIoError'];

function instructionErrorJson(inner) {
  if (typeof inner === 'number') return INSTRUCTION_ERRORS[inner] ?? `InstructionError${inner}`;
  if (inner && 'code' in inner) return { Custom: inner.code };
  if (inner && 'msg' in inner) return { BorshIoError: inner.msg };
  return String(inner);
}

function transactionErrorJson(err) {
  if (typeof err === 'number') return TRANSACTION_ERRORS[err] ?? `TransactionError${err}`;
  if (err && typeof err.err === 'function') return { InstructionError: [err.index, instructionErrorJson(err.err())] };
  if (err && 'accountIndex' in err) {
    const name = err.constructor?.name?.includes('Restricted') ? 'ProgramExecutionTemporarilyRestricted' : 'InsufficientFundsForRent';
    return { [name]: { account_index: err.accountIndex } };
  }
  if (err && 'index' in err) return { DuplicateInstruction: err.index };
  return String(err);
}

const isFailure = (result) => result && typeof result.err === 'function';

// ---- parameters ----
function decodeTransaction(encoded, options) {
  if (typeof encoded !== 'string') throw invalidParams('transaction must be a string');
  const encoding = options?.encoding ?? 'base58';
  let bytes;
  try {
    bytes = encoding === 'base64' ? Buffer.from(encoded, 'base64') : Buffer.from(bs58.decode(encoded));
  } catch {
    throw invalidParams(`invalid ${encoding} encoding`);
  }
  try {
    const tx = transactionDecoder.decode(new Uint8Array(bytes));
    return { tx, signature: bs58.encode(bytes.subarray(1, 65)) };
  } catch (e) {
    throw invalidParams(`failed to deserialize transaction: ${e.message}`);
  }
}

function parseAddress(text) {
  try {
    return address(String(text));
  } catch {
    throw invalidParams(`Invalid param: ${text} is not a valid public key`);
  }
}

const context = () => ({ slot: Number(blockHeight), apiVersion: '2.0.0-localnet' });
const withContext = (value) => ({ context: context(), value });

function accountJson(account) {
  if (!account || account.exists === false) return null;
  const data = account.data ?? new Uint8Array();
  return {
    lamports: Number(account.lamports),
    owner: account.programAddress,
    data: [Buffer.from(data).toString('base64'), 'base64'],
    executable: account.executable,
    rentEpoch: U64_MAX_MARKER,
    space: data.length,
  };
}

// ---- blockhashes ----
function currentBlockhash() {
  let blockhash = svm.latestBlockhash();
  let expiry = blockhashExpiry.get(blockhash);
  if (expiry === undefined) {
    expiry = blockHeight + VALID_BLOCKS;
    blockhashExpiry.set(blockhash, expiry);
  } else if (blockHeight + ROTATE_MARGIN > expiry) {
    svm.expireBlockhash();
    blockhash = svm.latestBlockhash();
    expiry = blockHeight + VALID_BLOCKS;
    blockhashExpiry.set(blockhash, expiry);
  }
  return { blockhash, lastValidBlockHeight: Number(expiry) };
}

function expireBlockhash() {
  const highest = [...blockhashExpiry.values()].reduce((a, b) => (a > b ? a : b), blockHeight);
  svm.expireBlockhash();
  blockHeight = highest + 1n;
  return currentBlockhash();
}

// ---- transactions ----
// LiteSVM accepts only its current blockhash; like a real cluster, the localnet accepts any blockhash it handed out until the
// block height passes that blockhash's lastValidBlockHeight, and checks it itself.
function recentBlockhashOf(tx) {
  const m = Buffer.from(tx.messageBytes);
  let at = m[0] & 0x80 ? 1 : 0;
  at += 3; // header
  let count = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = m[at++];
    count |= (byte & 0x7f) << shift;
    if (!(byte & 0x80)) break;
  }
  return bs58.encode(m.subarray(at + 32 * count, at + 32 * count + 32));
}

function blockhashValid(hash) {
  const expiry = blockhashExpiry.get(hash);
  return (expiry !== undefined && blockHeight <= expiry) || hash === svm.latestBlockhash();
}

const STALE = Symbol('stale');

function simulate(tx, { sigVerify = true, replaceRecentBlockhash = false } = {}) {
  const sigverifyBefore = true;
  if (!replaceRecentBlockhash && !blockhashValid(recentBlockhashOf(tx))) return STALE;
  try {
    svm.withSigverify(sigVerify);
    svm.withBlockhashCheck(false);
    return svm.simulateTransaction(tx);
  } catch (e) {
    throw new RpcError(-32003, `Transaction signature verification failure: ${e.message}`);
  } finally {
    svm.withSigverify(sigverifyBefore);
    svm.withBlockhashCheck(true);
  }
}

const staleResult = () => ({ err: 'BlockhashNotFound', logs: [], accounts: null, unitsConsumed: 0, returnData: null });

function sendTransaction([encoded, options = {}]) {
  const { tx, signature } = decodeTransaction(encoded, options);
  if (!blockhashValid(recentBlockhashOf(tx))) {
    if (options.skipPreflight) return signature; // an RPC node would forward it and the cluster would drop it
    throw new RpcError(-32002, 'Transaction simulation failed: Blockhash not found', staleResult());
  }
  if (!options.skipPreflight) {
    const preflight = simulate(tx);
    if (isFailure(preflight)) {
      const err = transactionErrorJson(preflight.err());
      if (err === 'SignatureFailure') throw new RpcError(-32003, 'Transaction signature verification failure');
      const logs = preflight.meta().logs();
      throw new RpcError(-32002, `Transaction simulation failed: ${describe(err)}`, {
        err, logs, accounts: null, unitsConsumed: Number(preflight.meta().computeUnitsConsumed()), returnData: null,
      });
    }
  }
  let result;
  try {
    svm.withBlockhashCheck(false);
    result = svm.sendTransaction(tx);
  } catch (e) {
    if (options.skipPreflight) return signature; // an RPC node would forward it and the cluster would drop it
    throw new RpcError(-32003, `Transaction signature verification failure: ${e.message}`);
  } finally {
    svm.withBlockhashCheck(true);
  }
  if (isFailure(result)) {
    const err = transactionErrorJson(result.err());
    // Transactions that cannot pay their fee or are stale never land; others land with an error (fees charged).
    if (typeof err === 'string') return signature;
    statuses.set(signature, { slot: blockHeight, err });
    transactionLogs.set(signature, result.meta().logs());
    return signature;
  }
  statuses.set(signature, { slot: blockHeight, err: null });
  transactionLogs.set(signature, result.logs());
  return signature;
}

function describe(err) {
  if (typeof err === 'string') return err;
  if (err.InstructionError) {
    const [index, inner] = err.InstructionError;
    const text = typeof inner === 'string' ? inner : `custom program error: 0x${(inner.Custom ?? 0).toString(16)}`;
    return `Error processing Instruction ${index}: ${text}`;
  }
  return JSON.stringify(err);
}

function simulateTransaction([encoded, options = {}]) {
  const { tx } = decodeTransaction(encoded, options);
  const requested = options.accounts?.addresses ?? [];
  if (options.sigVerify && options.replaceRecentBlockhash) throw invalidParams('sigVerify may not be used with replaceRecentBlockhash');
  const result = simulate(tx, { sigVerify: options.sigVerify ?? false, replaceRecentBlockhash: options.replaceRecentBlockhash ?? false });
  if (result === STALE) return withContext(staleResult());
  if (isFailure(result)) {
    return withContext({
      err: transactionErrorJson(result.err()),
      logs: result.meta().logs(),
      accounts: null,
      unitsConsumed: Number(result.meta().computeUnitsConsumed()),
      returnData: null,
    });
  }
  const post = new Map(result.postAccounts().map((a) => [a.address, a]));
  const accounts = requested.map((a) => {
    const addr = parseAddress(a);
    return accountJson(post.get(addr) ?? svm.getAccount(addr));
  });
  return withContext({
    err: null,
    logs: result.meta().logs(),
    accounts: options.accounts ? accounts : null,
    unitsConsumed: Number(result.meta().computeUnitsConsumed()),
    returnData: null,
    ...(options.replaceRecentBlockhash ? { replacementBlockhash: currentBlockhash() } : {}),
  });
}

function signatureStatuses([signatures, _options]) {
  if (!Array.isArray(signatures)) throw invalidParams('expected an array of signatures');
  if (signatures.length > 256) throw invalidParams('Too many inputs provided; max 256');
  return withContext(signatures.map((s) => {
    const status = statuses.get(s);
    if (!status) return null;
    const depth = blockHeight - status.slot;
    const confirmationStatus = depth >= 2n ? 'finalized' : depth >= 1n ? 'confirmed' : 'processed';
    return {
      slot: Number(status.slot),
      confirmations: confirmationStatus === 'finalized' ? null : Number(depth),
      err: status.err,
      status: status.err ? { Err: status.err } : { Ok: null },
      confirmationStatus,
    };
  }));
}

// ---- token accounts ----
const u64 = (value) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(value));
  return b;
};
const u32 = (value) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
};
const key = (text) => Buffer.from(addressEncoder.encode(parseAddress(text)));
const none = (size) => Buffer.concat([u32(0), Buffer.alloc(size)]);
const some = (bytes) => Buffer.concat([u32(1), bytes]);

function findAta(owner, mint, tokenProgram) {
  // The associated token account is found by the caller's library in tests; here we only need the same derivation.
  // Implemented with web3.js to avoid re-deriving by hand.
  return webPublicKey.findProgramAddressSync([key(owner), key(tokenProgram), key(mint)], new webPublicKey(ATA_PROGRAM))[0].toBase58();
}

function createMint([options = {}]) {
  const decimals = options.decimals ?? 6;
  const tokenProgram = options.tokenProgram ?? TOKEN_PROGRAM;
  const mint = options.address ?? bs58.encode(randomBytes(32));
  const authority = options.mintAuthority ?? bs58.encode(randomBytes(32));
  const data = Buffer.concat([some(key(authority)), u64(options.supply ?? 0), Buffer.from([decimals, 1]), none(32)]);
  svm.setAccount({ address: parseAddress(mint), lamports: lamports(svm.minimumBalanceForRentExemption(82n)), data, programAddress: address(tokenProgram), executable: false, space: 82n });
  return mint;
}

function readMint(mint) {
  const account = svm.getAccount(parseAddress(mint));
  if (!account.exists || account.data.length < 82) throw invalidParams(`${mint} is not a mint`);
  return { account, decimals: account.data[44], supply: Buffer.from(account.data).readBigUInt64LE(36) };
}

function setTokenAccount([options]) {
  const { mint, owner, amount } = options;
  const { account: mintAccount } = readMint(mint);
  const tokenProgram = mintAccount.programAddress;
  const target = options.address ?? findAta(owner, mint, tokenProgram);
  const data = Buffer.concat([key(mint), key(owner), u64(amount), none(32), Buffer.from([1]), Buffer.alloc(12), u64(0), none(32)]);
  svm.setAccount({ address: parseAddress(target), lamports: lamports(svm.minimumBalanceForRentExemption(165n)), data, programAddress: tokenProgram, executable: false, space: 165n });
  return target;
}

function mintTo([options]) {
  const { mint, owner, amount } = options;
  const { account: mintAccount } = readMint(mint);
  const target = findAta(owner, mint, mintAccount.programAddress);
  const existing = svm.getAccount(parseAddress(target));
  const current = existing.exists ? Buffer.from(existing.data).readBigUInt64LE(64) : 0n;
  setTokenAccount([{ mint, owner, amount: current + BigInt(amount), address: target }]);
  const data = Buffer.from(mintAccount.data);
  data.writeBigUInt64LE(data.readBigUInt64LE(36) + BigInt(amount), 36);
  svm.setAccount({ ...mintAccount, data });
  return target;
}

function tokenAccountBalance([account]) {
  const found = svm.getAccount(parseAddress(account));
  if (!found.exists) throw invalidParams('Invalid param: could not find account');
  if (![TOKEN_PROGRAM, TOKEN_2022_PROGRAM].includes(found.programAddress) || found.data.length < 165) {
    throw invalidParams('Invalid param: not a Token account');
  }
  const data = Buffer.from(found.data);
  const mint = addressDecoder.decode(data.subarray(0, 32));
  const { decimals } = readMint(mint);
  const amount = data.readBigUInt64LE(64);
  const ui = Number(amount) / 10 ** decimals;
  return withContext({ amount: amount.toString(), decimals, uiAmount: ui, uiAmountString: formatUi(amount, decimals) });
}

function formatUi(amount, decimals) {
  if (decimals === 0) return amount.toString();
  const text = amount.toString().padStart(decimals + 1, '0');
  const whole = text.slice(0, -decimals);
  const fraction = text.slice(-decimals).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

function createLookupTable([addresses, options = {}]) {
  if (!Array.isArray(addresses) || addresses.length === 0 || addresses.length > 256) throw invalidParams('expected 1..256 addresses');
  const table = options.address ?? bs58.encode(randomBytes(32));
  // ProgramState::LookupTable (u32 1), deactivation_slot = u64::MAX, last_extended_slot 0, start index = count (all active),
  // authority None (1 + 32 bytes), padding u16: 56 bytes, then the addresses.
  const header = Buffer.concat([u32(1), u64('18446744073709551615'), u64(0), Buffer.from([addresses.length]), Buffer.alloc(33), Buffer.alloc(2)]);
  const data = Buffer.concat([header, ...addresses.map(key)]);
  svm.setAccount({ address: parseAddress(table), lamports: lamports(svm.minimumBalanceForRentExemption(BigInt(data.length))), data, programAddress: address(LOOKUP_TABLE_PROGRAM), executable: false, space: BigInt(data.length) });
  return table;
}

// The Memo program logs "Memo (len N)" and then the text on the next line (older builds: `Memo (len N): "text"`).
function memosOf(logs) {
  const memos = [];
  for (let i = 0; i < logs.length; i++) {
    const inline = /^Program log: Memo \(len \d+\): (".*")$/.exec(logs[i]);
    if (inline) {
      memos.push(JSON.parse(inline[1]));
    } else if (/^Program log: Memo \(len \d+\)$/.test(logs[i]) && i + 1 < logs.length && logs[i + 1].startsWith('Program log: ')) {
      memos.push(logs[i + 1].slice('Program log: '.length));
      i++;
    }
  }
  return memos;
}

function requestAirdrop([target, amount]) {
  const result = svm.airdrop(parseAddress(target), lamports(BigInt(amount)));
  if (!result || isFailure(result)) {
    throw new RpcError(-32603, `airdrop failed: ${result ? JSON.stringify(transactionErrorJson(result.err())) : 'unknown'}`);
  }
  const signature = bs58.encode(result.signature());
  statuses.set(signature, { slot: blockHeight, err: null });
  transactionLogs.set(signature, result.logs());
  return signature;
}

const methods = {
  getHealth: () => 'ok',
  getVersion: () => ({ 'solana-core': '2.0.0-localnet', 'feature-set': 0 }),
  getLatestBlockhash: () => withContext(currentBlockhash()),
  // Only LiteSVM's current blockhash is accepted, so that is the only valid one.
  isBlockhashValid: ([hash]) => withContext(typeof hash === 'string' && blockhashValid(hash)),
  getBlockHeight: () => Number(blockHeight),
  getSlot: () => Number(blockHeight),
  sendTransaction,
  simulateTransaction,
  getSignatureStatuses: signatureStatuses,
  getBalance: ([target]) => withContext(Number(svm.getBalance(parseAddress(target)) ?? 0n)),
  getAccountInfo: ([target, options = {}]) => {
    if (options.encoding && options.encoding !== 'base64') throw invalidParams('only base64 encoding is supported by the localnet');
    return withContext(accountJson(svm.getAccount(parseAddress(target))));
  },
  getTokenAccountBalance: tokenAccountBalance,
  requestAirdrop,
  localnet_createMint: createMint,
  localnet_setTokenAccount: setTokenAccount,
  localnet_mintTo: mintTo,
  localnet_expireBlockhash: () => expireBlockhash(),
  localnet_createLookupTable: createLookupTable,
  localnet_getTransactionLogs: ([signature]) => transactionLogs.get(signature) ?? null,
  localnet_getMemos: ([signature]) => memosOf(transactionLogs.get(signature) ?? []),
};

function handle(request) {
  const id = request?.id ?? null;
  try {
    if (!request || request.jsonrpc !== '2.0' || typeof request.method !== 'string') throw new RpcError(-32600, 'Invalid request');
    const method = methods[request.method];
    if (!method) throw new RpcError(-32601, 'Method not found');
    const params = request.params ?? [];
    if (!Array.isArray(params)) throw invalidParams('params must be an array');
    return { jsonrpc: '2.0', result: method(params), id };
  } catch (e) {
    if (e instanceof RpcError) return { jsonrpc: '2.0', error: { code: e.code, message: e.message, ...(e.data ? { data: e.data } : {}) }, id };
    return { jsonrpc: '2.0', error: { code: -32603, message: `Internal error: ${e.message}` }, id };
  }
}

const { PublicKey: webPublicKey } = await import('@solana/web3.js');

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(405).end();
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    let payload;
    try {
      const parsed = JSON.parse(body);
      payload = Array.isArray(parsed) ? parsed.map(handle) : handle(parsed);
    } catch {
      payload = { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null };
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload).replaceAll(`"${U64_MAX_MARKER}"`, '18446744073709551615'));
  });
});

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});
process.stdin.on('end', () => process.exit(0)); // the parent closed our stdin: it is gone
process.stdin.resume();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
