// The tests import @tokenframe/crypto/seal (browser code typed against lib.dom). The vault's own
// tsconfig has no DOM lib on purpose; this names the one DOM type that source uses, from Node's WebCrypto.
type CryptoKeyPair = import('node:crypto').webcrypto.CryptoKeyPair;
