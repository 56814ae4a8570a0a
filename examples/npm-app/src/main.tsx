// The scratch checkout: `?mode=npm` (loadTokenframe) or `?mode=elements` (<tf-fields>), with the
// key and URLs in the query so the check can start a vault on any port.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './docs/define-elements.js';
import { ElementsCheckout } from './docs/elements-checkout.js';
import { NpmCheckout } from './docs/npm-checkout.js';

const params = new URLSearchParams(location.search);
const config = { pk: params.get('pk') ?? '', vaultUrl: params.get('vault') ?? '', framesUrl: params.get('frames') ?? '' };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>{params.get('mode') === 'elements' ? <ElementsCheckout {...config} /> : <NpmCheckout {...config} />}</StrictMode>,
);
