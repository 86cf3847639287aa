// Cross-implementation vectors for the SDK's Solana layer, computed by @solana/web3.js and @solana/spl-token.
// Reads {"requests":[{op, ...}, ...]} on stdin and writes {"results":[...]} (one result per request, same order) on stdout,
// so a test class needs one Node process for all its vectors. Keys, hashes and bytes travel as base58 or hex.
import {
  AddressLookupTableAccount,
  ComputeBudgetProgram,
  Keypair,
  MessageV0,
  PublicKey,
  SystemProgram,
  TransactionInstruction,
  TransactionMessage,
  VersionedTransaction,
} from '@solana/web3.js';
import {
  createAssociatedTokenAccountIdempotentInstruction,
  createTransferCheckedInstruction,
  createTransferInstruction,
  getAssociatedTokenAddressSync,
} from '@solana/spl-token';
import bs58 from 'bs58';

const hex = (bytes) => Buffer.from(bytes).toString('hex');
const fromHex = (text) => Uint8Array.from(Buffer.from(text, 'hex'));
const key = (text) => new PublicKey(text);

function instructionFromJson(ix) {
  return new TransactionInstruction({
    programId: key(ix.programId),
    keys: ix.keys.map((k) => ({ pubkey: key(k.pubkey), isSigner: k.isSigner, isWritable: k.isWritable })),
    data: Buffer.from(ix.data, 'hex'),
  });
}

function instructionToJson(ix) {
  return {
    programId: ix.programId.toBase58(),
    keys: ix.keys.map((k) => ({ pubkey: k.pubkey.toBase58(), isSigner: k.isSigner, isWritable: k.isWritable })),
    data: hex(ix.data),
  };
}

function lookupTable(table) {
  return new AddressLookupTableAccount({
    key: key(table.key),
    state: {
      deactivationSlot: BigInt('18446744073709551615'),
      lastExtendedSlot: 0,
      lastExtendedSlotStartIndex: 0,
      authority: undefined,
      addresses: table.addresses.map(key),
    },
  });
}

function compile(request) {
  const message = new TransactionMessage({
    payerKey: key(request.payer),
    recentBlockhash: request.blockhash,
    instructions: request.instructions.map(instructionFromJson),
  });
  return request.version === 'v0'
    ? message.compileToV0Message((request.lookupTables ?? []).map(lookupTable))
    : message.compileToLegacyMessage();
}

function builder(b) {
  switch (b.type) {
    case 'systemTransfer':
      return SystemProgram.transfer({ fromPubkey: key(b.from), toPubkey: key(b.to), lamports: BigInt(b.lamports) });
    case 'transferChecked':
      return createTransferCheckedInstruction(key(b.source), key(b.mint), key(b.destination), key(b.owner), BigInt(b.amount), b.decimals, [], key(b.programId));
    case 'transfer':
      return createTransferInstruction(key(b.source), key(b.destination), key(b.owner), BigInt(b.amount), [], key(b.programId));
    case 'createAtaIdempotent': {
      const ata = getAssociatedTokenAddressSync(key(b.mint), key(b.owner), true, key(b.programId));
      return createAssociatedTokenAccountIdempotentInstruction(key(b.payer), ata, key(b.owner), key(b.mint), key(b.programId));
    }
    case 'cuLimit':
      return ComputeBudgetProgram.setComputeUnitLimit({ units: b.units });
    case 'cuPrice':
      return ComputeBudgetProgram.setComputeUnitPrice({ microLamports: BigInt(b.microLamports) });
    default:
      throw new Error(`unknown builder ${b.type}`);
  }
}

const ops = {
  base58: (r) => bs58.encode(fromHex(r.hex)),
  onCurve: (r) => PublicKey.isOnCurve(key(r.key).toBytes()),
  publicKeyOfSeed: (r) => Keypair.fromSeed(fromHex(r.seed)).publicKey.toBase58(),
  sign: (r) => {
    const kp = Keypair.fromSeed(fromHex(r.seed));
    const tx = new VersionedTransaction(MessageV0.compile({ payerKey: kp.publicKey, recentBlockhash: kp.publicKey.toBase58(), instructions: [] }));
    tx.sign([kp]);
    return hex(tx.signatures[0]);
  },
  createProgramAddress: (r) => {
    try {
      return PublicKey.createProgramAddressSync(r.seeds.map(fromHex), key(r.programId)).toBase58();
    } catch {
      return null;
    }
  },
  findProgramAddress: (r) => {
    const [address, bump] = PublicKey.findProgramAddressSync(r.seeds.map(fromHex), key(r.programId));
    return { address: address.toBase58(), bump };
  },
  ata: (r) => getAssociatedTokenAddressSync(key(r.mint), key(r.owner), true, key(r.programId)).toBase58(),
  instructions: (r) => r.builders.map((b) => instructionToJson(builder(b))),
  message: (r) => hex(compile(r).serialize()),
  // Every listed seed signs; a seed of an account that is not a signer is an error in web3.js too.
  signedTransaction: (r) => {
    const tx = new VersionedTransaction(compile(r));
    const signers = (r.signerSeeds ?? []).map((s) => Keypair.fromSeed(fromHex(s)));
    if (signers.length > 0) tx.sign(signers);
    return hex(tx.serialize());
  },
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { requests } = JSON.parse(input);
const results = requests.map((r) => {
  const op = ops[r.op];
  if (!op) throw new Error(`unknown op ${r.op}`);
  return op(r);
});
process.stdout.write(JSON.stringify({ results }));
