// Builds the escrow deposit transaction an Attentium server answers the first /verify with, using @solana/web3.js and
// @solana/spl-token as a server would: USDC TransferChecked from the agent's associated token account to the escrow PDA's
// token account, plus a memo of the campaign id; fee payer the agent; unsigned. Test-only.
// stdin: {"agent","mint","escrowProgram","amount" (base units),"campaignId","blockhash"}
// stdout: {"transaction" (base64),"escrowAuthority","escrowTokenAccount"}
import { PublicKey, Transaction, TransactionInstruction } from '@solana/web3.js';
import { createTransferCheckedInstruction, getAssociatedTokenAddressSync } from '@solana/spl-token';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));
const agent = new PublicKey(input.agent);
const mint = new PublicKey(input.mint);
const program = new PublicKey(input.escrowProgram);
const [escrow] = PublicKey.findProgramAddressSync([Buffer.from('escrow'), agent.toBuffer()], program);
const escrowAta = getAssociatedTokenAddressSync(mint, escrow, true);
const agentAta = getAssociatedTokenAddressSync(mint, agent);
const memo = new TransactionInstruction({
  programId: new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr'),
  keys: [],
  data: Buffer.from(input.campaignId, 'utf8'),
});
const tx = new Transaction({ feePayer: agent, recentBlockhash: input.blockhash })
  .add(createTransferCheckedInstruction(agentAta, mint, escrowAta, agent, BigInt(input.amount), 6))
  .add(memo);
const bytes = tx.serialize({ requireAllSignatures: false, verifySignatures: false });
process.stdout.write(JSON.stringify({
  transaction: Buffer.from(bytes).toString('base64'),
  escrowAuthority: escrow.toBase58(),
  escrowTokenAccount: escrowAta.toBase58(),
}));
