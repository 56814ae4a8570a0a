// The scratch checkout: `?mode=npm` (loadTokenframe) or `?mode=elements` (<tf-fields>), with the
// key and URLs in the query so the check can start a vault on any port.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defineTokenframeElements } from '@tokenframe/sdk/elements';
import { ElementsCheckout } from './docs/elements-checkout.js';
import { NpmCheckout } from './docs/npm-checkout.js';

const params = new URLSearchParams(location.search);
const config = { pk: params.get('pk') ?? '', vaultUrl: params.get('vault') ?? '', framesUrl: params.get('frames') ?? '' };
const elements = params.get('mode') === 'elements';
// docs/define-elements.ts, with the test vault's URLs: <tf-fields> takes them from script only.
if (elements) defineTokenframeElements({ vaultUrl: config.vaultUrl, framesUrl: config.framesUrl });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<StrictMode>{elements ? <ElementsCheckout pk={config.pk} /> : <NpmCheckout {...config} />}</StrictMode>);
