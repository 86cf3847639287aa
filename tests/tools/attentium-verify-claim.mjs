// Verifies an Attentium claim-request signature the way a server would: Ed25519 over the UTF-8 message
// "Claim request for {userPubkey} at {timestamp}", the signature in base58 or base64. Test-only.
// stdin: {"userPubkey","timestamp","signature","encoding":"base58"|"base64"}
// stdout: {"message","valid"}
import { PublicKey } from '@solana/web3.js';
import bs58 from 'bs58';
import { ed25519 } from '@noble/curves/ed25519';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));
const message = `Claim request for ${input.userPubkey} at ${input.timestamp}`;
const signature = input.encoding === 'base64' ? Buffer.from(input.signature, 'base64') : bs58.decode(input.signature);
const valid = signature.length === 64
  && ed25519.verify(signature, new TextEncoder().encode(message), new PublicKey(input.userPubkey).toBytes());
process.stdout.write(JSON.stringify({ message, valid }));
