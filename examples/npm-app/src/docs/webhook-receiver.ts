// docs/integration.md, "Hear what happened: webhooks": a receiver with the server library. The
// guide's snippet uses Express; its two calls are declared here with the shapes Express gives them.
import { verifyWebhook } from '@tokenframe/node';

app.post('/webhooks/tokenframe', express.raw({ type: 'application/json' }), (req, res) => {
  const event = verifyWebhook(req.body, req.headers, process.env.TOKENFRAME_WEBHOOK_SECRET!); // throws WebhookVerificationError → answer 400
  if (event.type === 'token.created') remember(event.data.tokenId);
  res.sendStatus(204); // 2xx = delivered; anything else is retried for about three days; 410 disables the endpoint
});

interface RawRequest {
  body: Uint8Array;
  headers: Record<string, string | string[] | undefined>;
}
declare const app: { post(path: string, body: unknown, handler: (req: RawRequest, res: { sendStatus(status: number): void }) => void): void };
declare const express: { raw(options: { type: string }): unknown };
declare function remember(tokenId: unknown): void;
