// docs/integration.md, "4. Custom elements": register the tags once, on the client.
import { defineTokenframeElements } from '@tokenframe/sdk/elements';
defineTokenframeElements();
