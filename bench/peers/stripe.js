/* global window */
// What a merchant bundles for Stripe Elements: the loader (Stripe.js itself then comes from Stripe's CDN).
import { loadStripe } from '@stripe/stripe-js';

window.peer = loadStripe;
