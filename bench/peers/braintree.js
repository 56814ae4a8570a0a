/* global window */
// Braintree Hosted Fields: the client component plus hosted-fields, as their integration guide imports them.
import client from 'braintree-web/client';
import hostedFields from 'braintree-web/hosted-fields';

window.peer = { client, hostedFields };
