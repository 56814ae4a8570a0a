// docs/integration.md, "4. Custom elements", and packages/sdk/README.md: register the tags once, on
// the client, with the URLs in script. Type-checked only: main.tsx makes the same call with the
// test vault's URLs (a second call with other URLs throws, so this module is not imported).
// #region docs: define elements
import { defineTokenframeElements } from '@tokenframe/sdk/elements';
defineTokenframeElements({ vaultUrl: 'https://vault.example.com', framesUrl: 'https://frames.example.com' });
// #endregion
