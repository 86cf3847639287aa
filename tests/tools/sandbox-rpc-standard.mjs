// Drives the Attention.Sandbox Solana JSON-RPC and PubSub endpoints with @solana/web3.js as a customer's test would, and
// reports what each standard behaviour looked like, for a C# test to assert. Test-only.
// stdin: {"rpc","ws"}   stdout: JSON with one field per check (see the C# test for what each must be).
import {
  Connection, Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram, Transaction, sendAndConfirmTransaction,
} from '@solana/web3.js';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));
const connection = new Connection(input.rpc, { commitment: 'confirmed', wsEndpoint: input.ws });
const within = (promise, ms, what) => Promise.race([
  promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms)),
]);
const raw = async (body) => (await fetch(input.rpc, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json();
const out = {};

// Airdrop, confirmed through signatureSubscribe.
const payer = Keypair.generate();
const airdrop = await connection.requestAirdrop(payer.publicKey, 2 * LAMPORTS_PER_SOL);
const latest = await connection.getLatestBlockhash();
out.airdropErr = (await within(connection.confirmTransaction({ signature: airdrop, ...latest }, 'confirmed'), 30000, 'airdrop')).value.err;

// accountSubscribe sees the transfer; sendAndConfirmTransaction confirms over the WebSocket.
const destination = Keypair.generate().publicKey;
const accountChange = new Promise((resolve) => {
  const id = connection.onAccountChange(destination, (info) => {
    connection.removeAccountChangeListener(id).then(() => resolve(info.lamports));
  }, { commitment: 'processed', encoding: 'base64' });
});
await new Promise((resolve) => setTimeout(resolve, 200));
const transfer = new Transaction().add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: destination, lamports: 1_000_000 }));
const signature = await within(sendAndConfirmTransaction(connection, transfer, [payer], { commitment: 'confirmed' }), 30000, 'sendAndConfirmTransaction');
out.sendAndConfirmSignature = signature;
out.accountNotificationLamports = await within(accountChange, 30000, 'accountSubscribe');
const status = (await connection.getSignatureStatuses([signature])).value[0];
out.statusAfterConfirm = status.confirmationStatus;
out.statusErr = status.err;

// Commitment advances to finalized.
let finalized = status;
for (let i = 0; i < 100 && finalized.confirmationStatus !== 'finalized'; i++) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  finalized = (await connection.getSignatureStatuses([signature])).value[0];
}
out.statusLater = finalized.confirmationStatus;
out.statusLaterConfirmations = finalized.confirmations;
const rawStatus = await raw(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'getSignatureStatuses', params: [[signature]] }));
out.rawStatusField = rawStatus.result.value[0].status;

// A resend of the processed bytes: AlreadyProcessed, as a node answers.
try {
  await connection.sendRawTransaction(transfer.serialize());
  out.resend = 'accepted';
} catch (error) {
  out.resend = String(error.message);
}

// Simulation: the blockhash is checked unless replaced; accounts come back with their post-state.
const simulated = new Transaction({ feePayer: payer.publicKey, recentBlockhash: (await connection.getLatestBlockhash()).blockhash })
  .add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: destination, lamports: 5_000_000 }));
simulated.sign(payer);
const simulation = await connection.simulateTransaction(simulated.compileMessage(), undefined, [destination]);
out.simulationErr = simulation.value.err;
out.simulationDestinationLamports = simulation.value.accounts[0].lamports;
const stale = new Transaction({ feePayer: payer.publicKey, recentBlockhash: Keypair.generate().publicKey.toBase58() })
  .add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: destination, lamports: 1 }));
const staleBytes = stale.serialize({ requireAllSignatures: false, verifySignatures: false }).toString('base64');
out.staleSimulationErr = (await raw(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'simulateTransaction', params: [staleBytes, { encoding: 'base64' }] }))).result.value.err;
const replaced = (await raw(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'simulateTransaction', params: [staleBytes, { encoding: 'base64', replaceRecentBlockhash: true }] }))).result.value;
out.replacedSimulationErr = replaced.err;
out.replacementBlockhash = replaced.replacementBlockhash?.blockhash ?? null;

// Preflight failure: the error is an object.
const tooMuch = new Transaction().add(SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: destination, lamports: 50 * LAMPORTS_PER_SOL }));
tooMuch.recentBlockhash = (await connection.getLatestBlockhash()).blockhash;
tooMuch.feePayer = payer.publicKey;
tooMuch.sign(payer);
const preflight = await raw(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'sendTransaction', params: [tooMuch.serialize().toString('base64'), { encoding: 'base64' }] }));
out.preflightError = preflight.error;

// skipPreflight: the failing transaction lands with its error and pays its fee.
const before = await connection.getBalance(payer.publicKey);
const skipped = await connection.sendRawTransaction(tooMuch.serialize(), { skipPreflight: true });
try {
  // web3.js resolves with the error from the subscription, or rejects with it when its first status check already sees it.
  const landed = await within(connection.confirmTransaction({ signature: skipped, ...(await connection.getLatestBlockhash()) }, 'confirmed'), 30000, 'skipPreflight confirmation');
  out.skipPreflightErr = landed.value.err;
} catch (error) {
  out.skipPreflightErr = error instanceof Error ? String(error.message) : error;
}
out.skipPreflightFee = before - await connection.getBalance(payer.publicKey);

// JSON-RPC framing: parse errors, invalid requests, batches.
out.parseError = (await raw('{"jsonrpc":')).error.code;
out.invalidRequest = (await raw(JSON.stringify({ jsonrpc: '2.0', id: 5 }))).error.code;
const batch = await raw(JSON.stringify([
  { jsonrpc: '2.0', id: 6, method: 'getBlockHeight', params: [{ commitment: 'processed' }] },
  { jsonrpc: '2.0', id: 7, method: 'getBlockHeight', params: [{ commitment: 'finalized' }] },
  { jsonrpc: '2.0', id: 8, method: 'noSuchMethod' },
]));
out.batchIds = batch.map((r) => r.id);
out.batchFinalizedLag = batch[0].result - batch[1].result;
out.batchUnknownMethod = batch[2].error.code;

process.stdout.write(JSON.stringify(out));
process.exit(0);
