/** A diagram worker thread: draws the diagrams the build sends it (see diagrams.ts), one message each. */
import { parentPort } from 'node:worker_threads';
import { drawSvg } from './diagram-draw.js';

export interface DiagramRequest {
  id: number;
  text: string;
  hash: string;
}

const port = parentPort!;
port.on('message', (request: DiagramRequest) => {
  void drawSvg(request.text, request.hash).then((drawn) => port.postMessage({ id: request.id, drawn }));
});
