// An orchestrated saga. The orchestrator records every state change in a
// durable saga log before moving on, so after a crash `resume` continues where
// the log says the saga stopped: forward if it was running, backward if it was
// compensating.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BusinessError, TransientError } from './errors.mjs';
import { readJson, updateJson } from './json-file.mjs';

export class SagaLog {
  constructor(stateDir) { this.file = join(stateDir, 'sagas.json'); }
  all() { return readJson(this.file, {}); }
  get(id) { return this.all()[id]; }
  update(id, fn) { return updateJson(this.file, {}, (sagas) => fn(sagas[id], sagas)); }
}

export class SagaOrchestrator {
  /**
   * @param {object} o
   * @param {Array} o.steps           saga definition (see order-saga.mjs)
   * @param {SagaLog} o.log           durable saga log
   * @param {number} o.maxRetries     retries per call for transient faults
   * @param {{step:string, kind:string}|null} [o.fault]  injected failure for demos and tests
   * @param {(event:object)=>void} [o.onEvent]           progress callback
   * @param {(stepName:string)=>void} [o.afterStepLogged] test hook; throwing simulates a crash
   */
  constructor({ steps, log, maxRetries = 2, retryDelayMs = 10, fault = null, onEvent = () => {}, afterStepLogged }) {
    Object.assign(this, { steps, log, maxRetries, retryDelayMs, fault, onEvent, afterStepLogged });
    this.transientFaultsLeft = fault?.kind === 'transient' ? 1 : 0;
  }

  async start(sagaId, input) {
    const existing = this.log.get(sagaId);
    if (existing) return existing.status === 'RUNNING' || existing.status === 'COMPENSATING' ? this.resume(sagaId) : existing;
    this.log.update(sagaId, (_s, sagas) => {
      sagas[sagaId] = { sagaId, input, status: 'RUNNING', completed: [], compensated: [], failure: null, history: [] };
    });
    this.#record(sagaId, 'saga-started');
    return this.resume(sagaId);
  }

  async resume(sagaId) {
    let saga = this.log.get(sagaId);
    if (!saga) throw new Error(`unknown saga ${sagaId}`);

    if (saga.status === 'RUNNING') {
      for (const step of this.steps.slice(saga.completed.length)) {
        try {
          await this.#call(step.name, 'action', () => step.action(sagaId, saga.input));
        } catch (err) {
          this.log.update(sagaId, (s) => { s.status = 'COMPENSATING'; s.failure = { step: step.name, error: err.message }; });
          this.#record(sagaId, 'step-failed', step.name, err.message);
          break;
        }
        this.log.update(sagaId, (s) => { s.completed.push(step.name); });
        this.#record(sagaId, 'step-completed', step.name);
        this.afterStepLogged?.(step.name);
      }
      saga = this.log.get(sagaId);
      if (saga.status === 'RUNNING') {
        this.log.update(sagaId, (s) => { s.status = 'COMPLETED'; });
        this.#record(sagaId, 'saga-completed');
      }
    }

    saga = this.log.get(sagaId);
    if (saga.status === 'COMPENSATING') {
      const toUndo = [...saga.completed].reverse().filter((name) => !saga.compensated.includes(name));
      for (const name of toUndo) {
        const step = this.steps.find((s) => s.name === name);
        if (step.compensate) {
          try {
            await this.#call(name, 'compensate', () => step.compensate(sagaId, saga.input, saga.failure.error));
          } catch (err) {
            // A compensation must not give up silently: park the saga for an operator.
            this.log.update(sagaId, (s) => { s.status = 'COMPENSATION_FAILED'; });
            this.#record(sagaId, 'compensation-failed', name, err.message);
            return this.log.get(sagaId);
          }
        }
        this.log.update(sagaId, (s) => { s.compensated.push(name); });
        this.#record(sagaId, 'step-compensated', name);
      }
      this.log.update(sagaId, (s) => { s.status = 'ABORTED'; });
      this.#record(sagaId, 'saga-aborted', saga.failure.step, saga.failure.error);
    }
    return this.log.get(sagaId);
  }

  /** Calls a step, retrying transient errors; compensations retry on any error. */
  async #call(stepName, phase, fn) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        if (phase === 'action') this.#injectFault(stepName);
        return await fn();
      } catch (err) {
        const retryable = phase === 'compensate' || err instanceof TransientError;
        if (!retryable || attempt >= this.maxRetries) throw err;
        this.onEvent({ type: 'retry', step: stepName, attempt: attempt + 1, error: err.message });
        await sleep(this.retryDelayMs * 2 ** attempt);
      }
    }
  }

  #injectFault(stepName) {
    if (this.fault?.step !== stepName) return;
    if (this.fault.kind === 'permanent') throw new BusinessError(`${stepName} rejected the request (injected by SAGA_FAIL_STEP)`);
    if (this.transientFaultsLeft > 0) {
      this.transientFaultsLeft -= 1;
      throw new TransientError(`${stepName} timed out (injected by SAGA_FAIL_STEP)`);
    }
  }

  #record(sagaId, type, step = null, detail = null) {
    const event = { at: new Date().toISOString(), type, step, detail };
    this.log.update(sagaId, (s) => { s.history.push(event); });
    this.onEvent({ sagaId, ...event });
  }
}
