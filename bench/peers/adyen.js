/* global window */
// Adyen Web's custom card (split fields), tree-shaken ESM import plus the stylesheet their guide requires.
import { AdyenCheckout, CustomCard } from '@adyen/adyen-web';
import '@adyen/adyen-web/styles/adyen.css';

window.peer = { AdyenCheckout, CustomCard };
