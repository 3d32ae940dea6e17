/**
 * SHA-256 in plain JavaScript (@noble/hashes), so the core hashes the same way in Node and the browser.
 * The hex digests equal node:crypto's `createHash('sha256')`: manifests written before and after agree.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

const encoder = new TextEncoder();

/**
 * The SHA-256 digest of a text (encoded as UTF-8) or of bytes, as 64 lowercase hex digits.
 *
 * @example sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? encoder.encode(data) : data));
}
