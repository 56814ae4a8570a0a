import { createHmac } from 'node:crypto';
import { isLuhnValid } from '@tokenframe/card';

// A fixed key: the same PAN must give the same token across restarts, like CardSecure's.
// It is a simulator, so the key is no secret; what matters is that the token says nothing
// about the digits between the first two and the last four.
const TOKEN_KEY = 'tokenframe processor-sim gateway token v1';

/**
 * The gateway's own token for a card number, the shape CardSecure answers in `account`:
 * 16 digits, `9`, the PAN's first two digits, nine digits derived from an HMAC of the PAN,
 * the PAN's last four. Never the PAN, never holding the PAN's middle digits before its last
 * four (re-derived in the rare case it would), and never Luhn-valid, so nothing mistakes it for a card number.
 */
export function gatewayToken(pan: string): string {
  const middle = pan.slice(6, -4);
  for (let round = 0; ; round++) {
    const mac = createHmac('sha256', TOKEN_KEY).update(`${round}:${pan}`).digest();
    const digits = (mac.readBigUInt64BE(0) % 1_000_000_000n).toString().padStart(9, '0');
    let token = `9${pan.slice(0, 2)}${digits}${pan.slice(-4)}`;
    // Flip the last derived digit until the check fails: tokens must not pass for PANs.
    // One changed digit always changes the Luhn sum, so one flip is enough.
    if (isLuhnValid(token)) token = `${token.slice(0, 11)}${(Number(token[11]) + 1) % 10}${token.slice(12)}`;
    // The last four are shown anyway (and may repeat the middle, as in 4222222222222): what
    // must never hold the middle digits is the rest of the token.
    if (token !== pan && (middle === '' || !token.slice(0, -4).includes(middle))) return token;
  }
}
