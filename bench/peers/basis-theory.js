/* global window */
// Basis Theory Elements as a merchant bundles it from npm (the elements frames load from their CDN).
import { basistheory } from '@basis-theory/web-elements';

window.peer = basistheory;
