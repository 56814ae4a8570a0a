// The React types match <tf-fields>'s run-time API: it refuses `vault-url` and `frames-url`
// attributes (the URLs come from defineTokenframeElements() in script), so TSX must reject them too.
import type {} from '@tokenframe/sdk/react';

export const refused = (
  <>
    {/* @ts-expect-error -- the frames origin is set in script only */}
    <tf-fields publishable-key="pk_test_…" frames-url="https://frames.example.com" />
    {/* @ts-expect-error -- the vault origin is set in script only */}
    <tf-fields publishable-key="pk_test_…" vault-url="https://vault.example.com" />
  </>
);
