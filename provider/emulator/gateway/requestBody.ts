/** Reading a request's body, bounded: the gateway refuses a larger one (413) without keeping it. */
import type { IncomingMessage } from "node:http";

/** Largest request body read; larger ones get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type Body = { readonly text: string } | { readonly tooLarge: true };

/**
 * The whole body as text, or `tooLarge` past MAX_BODY_BYTES. The rest of a body too large is read
 * and discarded, so the connection stays in step (and closing it never resets unread data).
 */
export function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (body: Body) => {
      if (settled) return;
      settled = true;
      resolve(body);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0;
        finish({ tooLarge: true });
      } else {
        chunks.push(chunk);
      }
    });
    req.once("end", () => finish({ text: Buffer.concat(chunks).toString("utf8") }));
    // An aborted upload resolves too; the answer then goes nowhere, harmlessly.
    req.once("close", () => finish({ text: "" }));
  });
}
