/**
 * Refuses incompatible connections, with a reason. Two layers, as Rete v2 needs: an editor pipe on
 * `connectioncreate` guards programmatic connections (paste, undo); the connection plugin's ClassicFlow
 * `canMakeConnection` guards mouse drags before anything is removed (otherwise dropping onto an occupied
 * single input would first delete the connection there).
 */
import { ClassicFlow, getSourceTarget, type ConnectionPlugin, type SocketData } from 'rete-connection-plugin';
import type { ConnectVerdict } from '../../../nodes/contract/socket.ts';
import type { FlowEndpoint } from '../api/types.ts';
import type { CanvasCore } from './canvas-io.ts';
import type { AreaExtra, Schemes } from './schemes.ts';

/** Decides a connection between two flow endpoints (the canvas asks the store's flow). */
export type ConnectJudge = (from: FlowEndpoint, to: FlowEndpoint) => ConnectVerdict;

/** Options of the guard. */
export interface GuardOptions {
  judge: ConnectJudge;
  /** Tells the user why a connection was refused. */
  refuse(reason: string, from: FlowEndpoint, to: FlowEndpoint): void;
  /** While true (importing a saved flow), connections pass unchecked: a saved flow is shown as it is. */
  bypass(): boolean;
}

/** Installs the editor pipe (layer 1). */
export function guardEditor(core: CanvasCore, options: GuardOptions): void {
  core.editor.addPipe((context) => {
    if (context.type !== 'connectioncreate' || options.bypass()) return context;
    const { source, sourceOutput, target, targetInput } = context.data;
    const from = { node: source, port: String(sourceOutput) };
    const to = { node: target, port: String(targetInput) };
    const verdict = options.judge(from, to);
    if (verdict.ok) return context;
    options.refuse(verdict.reason, from, to);
    return undefined;
  });
}

/** The ClassicFlow for mouse drags (layer 2); a refused drag drops the line that follows the mouse. */
export function guardedFlow(plugin: ConnectionPlugin<Schemes, AreaExtra>, options: GuardOptions): ClassicFlow<Schemes, never[]> {
  return new ClassicFlow<Schemes, never[]>({
    canMakeConnection(initial: SocketData, socket: SocketData) {
      const ends = getSourceTarget(initial, socket);
      if (!ends) return false;
      const [source, target] = ends;
      const from = { node: source.nodeId, port: source.key };
      const to = { node: target.nodeId, port: target.key };
      const verdict = options.judge(from, to);
      if (verdict.ok) return true;
      options.refuse(verdict.reason, from, to);
      setTimeout(() => plugin.drop());
      return false;
    },
  });
}
