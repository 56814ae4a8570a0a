// The script-tag build (dist/tokenframe.js, served by the vault): defines the global `Tokenframe`.
import { loadTokenframe } from './load-tokenframe';
import { TokenframeError } from './tokenframe-error';

(globalThis as { Tokenframe?: unknown }).Tokenframe = { load: loadTokenframe, TokenframeError };
