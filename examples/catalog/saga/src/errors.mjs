// A business rule said no: retrying will not help, the saga must compensate.
export class BusinessError extends Error {
  constructor(message) { super(message); this.name = 'BusinessError'; }
}

// A temporary fault (timeout, lost connection): the same request may succeed if retried.
export class TransientError extends Error {
  constructor(message) { super(message); this.name = 'TransientError'; }
}
