import { join } from 'node:path';
import express, { type Express } from 'express';

/**
 * Serves the built editor (`editor/dist`) and answers every other GET outside `/api` and `/hooks` with its
 * `index.html`, so the editor's client-side routes survive a reload.
 * @example serveEditor(app, 'editor/dist');
 */
export function serveEditor(app: Express, editorDir: string): void {
  app.use(express.static(editorDir, { index: 'index.html', fallthrough: true }));
  app.get('/{*splat}', (request, response, next) => {
    if (/^\/(api|hooks)(\/|$)/.test(request.path)) return next();
    response.sendFile(join(editorDir, 'index.html'), (error) => {
      if (error) next(error);
    });
  });
}
