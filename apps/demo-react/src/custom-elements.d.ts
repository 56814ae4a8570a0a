// The Tokenframe tags in JSX.IntrinsicElements, as an npm user gets them: React 19 sets
// `appearance` as a property, the other props are attributes (packages/sdk/src/jsx/react.ts).
import type {} from '@tokenframe/sdk/react';
