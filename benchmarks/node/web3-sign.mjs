// Ed25519 signing throughput of @solana/web3.js in Node, on the same transaction message as the .NET benchmarks
// (benchmarks/Attention.Sdk.Benchmarks/SolanaFixture.cs: USDC TransferChecked + memo, fixed seeds and blockhash).
//
//   node benchmarks/node/web3-sign.mjs [seconds]        (default 3)
//
// The packages come from tests/tools/node_modules (run `npm ci` there first); set ATTENTION_NODE_TOOLS to use another
// folder. ES module imports ignore NODE_PATH, so they are resolved with createRequire against that folder.
//
// Prints, for the harness to parse:
//   message bytes: N / message sha256: HEX      (must match the .NET side: same bytes signed)
//   signs/s: N                                  web3.js's signing primitive: what Keypair-based signing runs per
//                                               signature (@noble/curves ed25519.sign over secretKey[0..32])
//   tx.sign signs/s: N                          VersionedTransaction.sign([keypair]): the public API, which also
//                                               serializes the message on every call
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const tools = process.env.ATTENTION_NODE_TOOLS ?? path.resolve(here, '../../tests/tools');
const require = createRequire(path.join(tools, 'package.json'));
const { Keypair, PublicKey, TransactionInstruction, TransactionMessage, VersionedTransaction } = require('@solana/web3.js');
const { createTransferCheckedInstruction, getAssociatedTokenAddressSync } = require('@solana/spl-token');
const { ed25519 } = require('@noble/curves/ed25519');

const seconds = Number(process.argv[2] ?? 3);
const fill = (b) => new Uint8Array(32).fill(b);

const owner = Keypair.fromSeed(fill(0x01));
const mint = new PublicKey('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v');
const memoProgram = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
const source = getAssociatedTokenAddressSync(mint, owner.publicKey);
const destination = getAssociatedTokenAddressSync(mint, new PublicKey(fill(0x03)));
const blockhash = new PublicKey(fill(0x07)).toBase58();

// TransactionMessage's account ordering is the one MessageCompiler.CompileLegacy follows (the legacy `Transaction` class
// sorts keys differently), so both sides sign identical bytes.
const compiled = new TransactionMessage({
  payerKey: owner.publicKey,
  recentBlockhash: blockhash,
  instructions: [
    createTransferCheckedInstruction(source, mint, destination, owner.publicKey, 1_250_000n, 6),
    new TransactionInstruction({
      programId: memoProgram,
      keys: [{ pubkey: owner.publicKey, isSigner: true, isWritable: false }],
      data: Buffer.from('attentium:campaign:4e1a5c98', 'utf8'),
    }),
  ],
}).compileToLegacyMessage();
const tx = new VersionedTransaction(compiled);
const message = tx.message.serialize();

// What web3.js 1.x does per signature (lib: `sign = (message, secretKey) => ed25519.sign(message, secretKey.slice(0, 32))`).
const sign = (msg, secretKey) => ed25519.sign(msg, secretKey.slice(0, 32));

function timed(fn, budget) {
  const limitNs = BigInt(Math.round(budget * 1e9));
  const start = process.hrtime.bigint();
  let count = 0;
  let now = start;
  while (now - start < limitNs) {
    for (let i = 0; i < 16; i++) fn();
    count += 16;
    now = process.hrtime.bigint();
  }
  return { count, elapsed: Number(now - start) / 1e9 };
}

const signOnce = () => sign(message, owner.secretKey);
const txSignOnce = () => tx.sign([owner]);

const expected = Buffer.from(signOnce());
if (!ed25519.verify(expected, message, owner.publicKey.toBytes())) throw new Error('signature does not verify');
tx.sign([owner]);
if (!Buffer.from(tx.signatures[0]).equals(expected)) throw new Error('VersionedTransaction.sign produced a different signature');

timed(signOnce, 1); // warm-up (JIT)
const primitive = timed(signOnce, seconds);
timed(txSignOnce, 0.5);
const api = timed(txSignOnce, seconds);

console.log(`web3.js: ${require('@solana/web3.js/package.json').version}, node ${process.version}`);
console.log(`message bytes: ${message.length}`);
console.log(`message sha256: ${createHash('sha256').update(message).digest('hex')}`);
console.log(`signature: ${expected.toString('hex')}`);
console.log(`signs: ${primitive.count} in ${primitive.elapsed.toFixed(2)}s`);
console.log(`signs/s: ${Math.round(primitive.count / primitive.elapsed)}`);
console.log(`tx.sign signs/s: ${Math.round(api.count / api.elapsed)}`);
