#!/usr/bin/env bash
# Ed25519 signing throughput, side by side in one run: OpenSSL (`openssl speed ed25519`), the SDK's Keypair.Sign
# (`--sign-throughput` mode of the benchmark project) and @solana/web3.js in Node (benchmarks/node/web3-sign.mjs).
# All three are single-threaded timed loops; the SDK and web3.js sign the same 277-byte transaction message
# (the script checks the SHA-256 of the message and the signature match).
#
#   benchmarks/node/compare-signing.sh [seconds]     (default 3; run from anywhere)
#
# Needs: openssl, node with tests/tools/node_modules installed (`npm install` in tests/tools), the .NET 10 SDK.
# Honours ATTENTION_ARTIFACTS like every dotnet command of the repository. Targets: SDK >= 0.75x OpenSSL, SDK >= 3x web3.js.
set -euo pipefail

seconds="${1:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
project="$root/benchmarks/Attention.Sdk.Benchmarks"

echo "building the benchmark project (Release)..." >&2
dotnet build -c Release "$project" -nologo -v quiet >/dev/null

echo "openssl speed -seconds $seconds ed25519..." >&2
openssl_out="$(openssl speed -seconds "$seconds" ed25519 2>/dev/null)"
# " 253 bits EdDSA (Ed25519)   0.0000s   0.0001s  26985.4  10496.9": sign/s is the second-to-last field.
openssl_rate="$(awk '/EdDSA \(Ed25519\)/ { print $(NF-1) }' <<<"$openssl_out" | tail -n1)"

echo "SDK Keypair.Sign for ${seconds}s..." >&2
sdk_out="$(dotnet run -c Release --no-build --project "$project" -- --sign-throughput "$seconds")"
sdk_rate="$(awk -F': ' '$1 == "signs/s" { print $2 }' <<<"$sdk_out")"
sdk_bytes="$(awk -F': ' '$1 == "bytes allocated/sign" { print $2 }' <<<"$sdk_out")"

echo "web3.js sign for ${seconds}s..." >&2
web3_out="$(node "$here/web3-sign.mjs" "$seconds")"
web3_rate="$(awk -F': ' '$1 == "signs/s" { print $2 }' <<<"$web3_out")"
web3_api_rate="$(awk -F': ' '$1 == "tx.sign signs/s" { print $2 }' <<<"$web3_out")"

field() { awk -F': ' -v k="$1" '$1 == k { print $2 }' <<<"$2"; }
same="yes"
if [[ "$(field 'message sha256' "$sdk_out")" != "$(field 'message sha256' "$web3_out")" \
   || "$(field 'signature' "$sdk_out")" != "$(field 'signature' "$web3_out")" ]]; then
  same="NO (the two sides signed different bytes; the comparison is off)"
fi

for value in "$openssl_rate" "$sdk_rate" "$web3_rate"; do
  if [[ -z "$value" ]]; then
    echo "could not parse a rate; raw output follows" >&2
    printf '%s\n---\n%s\n---\n%s\n' "$openssl_out" "$sdk_out" "$web3_out" >&2
    exit 1
  fi
done

awk -v o="$openssl_rate" -v s="$sdk_rate" -v b="$sdk_bytes" -v w="$web3_rate" -v a="$web3_api_rate" -v secs="$seconds" \
    -v bytes="$(field 'message bytes' "$sdk_out")" -v same="$same" -v node="$(head -n1 <<<"$web3_out")" 'BEGIN {
  printf "Ed25519 sign, single thread, %ss per side, %s-byte message (same bytes and signature on SDK and web3.js: %s)\n", secs, bytes, same
  printf "%s; openssl: %s\n\n", node, "'"$(openssl version | cut -d" " -f1-2)"'"
  printf "| %-34s | %12s | %-22s |\n", "implementation", "signs/s", "SDK ratio (target)"
  printf "|%s|%s|%s|\n", "------------------------------------", "--------------", "------------------------"
  printf "| %-34s | %12.0f | %-22s |\n", "OpenSSL (openssl speed ed25519)", o, sprintf("%.2fx (>= 0.75x) %s", s / o, (s / o >= 0.75) ? "met" : "MISS")
  printf "| %-34s | %12.0f | %-22s |\n", "SDK Keypair.Sign (BouncyCastle)", s, (b != "") ? sprintf("%s B allocated/sign", b) : "-"
  printf "| %-34s | %12.0f | %-22s |\n", "web3.js sign (@noble/curves)", w, sprintf("%.2fx (>= 3x) %s", s / w, (s / w >= 3) ? "met" : "MISS")
  if (a != "") printf "| %-34s | %12.0f | %-22s |\n", "web3.js VersionedTransaction.sign", a, sprintf("%.2fx", s / a)
}'
